package forms_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// readmeTokenApp is the token endpoint exactly as README.md teaches it: the
// secret is compared with a lookup that answers "" for an unknown client.
// With guard, every resolved form is also checked for the documented
// guarantee that ClientID and ClientSecret are both set; a violation is
// answered 599.
func readmeTokenApp(guard bool) *echo.Echo {
	clients := map[string]string{"svc": "s3cr:t", "app": "p%w d"}
	secretOf := func(id string) string { return clients[id] }
	e := echo.New()
	echov4.New(e).POST("/token", typed.Handle(forms.ClientCredentials(),
		func(c echo.Context, _ struct{}, f forms.OAuth2ClientCredentialsRequestForm) (forms.TokenResponse, error) {
			if guard && (f.ClientID == "" || f.ClientSecret == "") {
				return forms.TokenResponse{}, typed.NewHTTPError(599, "resolved form with an empty client id or secret")
			}
			if !security.ConstantTimeEqual(f.ClientSecret, secretOf(f.ClientID)) {
				return forms.TokenResponse{}, forms.TokenError(forms.ErrorInvalidClient, "Unknown client or wrong secret.")
			}
			return forms.Token(c.Response().Header(), forms.TokenResponse{AccessToken: "tok-" + f.ClientID, TokenType: "Bearer"})
		}))
	return e
}

// Security review F1: HTTP Basic with an empty secret (or id) must be
// invalid_client before the handler runs, whatever the handler compares.
func TestSecurityF1EmptyBasicClientCredentials(t *testing.T) {
	srv := httptest.NewServer(readmeTokenApp(false))
	defer srv.Close()
	raw := func(s string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name, auth, body string
	}{
		{"Basic of a lone colon", raw(":"), "grant_type=client_credentials"},
		{"unknown id, empty secret", raw("nobody:"), "grant_type=client_credentials"},
		{"known id, empty secret", raw("svc:"), "grant_type=client_credentials"},
		{"empty id, a secret", raw(":s3cr%3At"), "grant_type=client_credentials"},
		{"Basic lone colon, matching empty client_id field", raw(":"), "grant_type=client_credentials&client_id="},
		{"form: unknown id, empty secret", "", "grant_type=client_credentials&client_id=nobody&client_secret="},
		{"form: empty id and secret", "", "grant_type=client_credentials&client_id=&client_secret="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/token", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var eb forms.TokenErrorBody
			if err := json.NewDecoder(res.Body).Decode(&eb); err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != http.StatusUnauthorized || eb.Error != forms.ErrorInvalidClient ||
				res.Header.Get("WWW-Authenticate") != "Basic" {
				t.Errorf("got %d %+v %q, want 401 invalid_client with a Basic challenge",
					res.StatusCode, eb, res.Header.Get("WWW-Authenticate"))
			}
		})
	}
}
