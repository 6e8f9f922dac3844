package forms_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// tokenApp is a client-credentials token endpoint with one client.
func tokenApp() *echo.Echo {
	e := echo.New()
	echov4.New(e).POST("/token", typed.Handle(forms.ClientCredentials(),
		func(c echo.Context, _ struct{}, f forms.OAuth2ClientCredentialsRequestForm) (forms.TokenResponse, error) {
			if f.ClientID != "svc" || f.ClientSecret != "s3cr:t" {
				return forms.TokenResponse{}, forms.TokenError(forms.ErrorInvalidClient, "Unknown client or wrong secret.")
			}
			return forms.Token(c.Response().Header(), forms.TokenResponse{AccessToken: "tok-" + f.ClientAuth, TokenType: "Bearer", ExpiresIn: 3600,
				Scope: strings.Join(f.Scopes, " ")})
		}))
	return e
}

func basic(id, secret string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(id)+":"+url.QueryEscape(secret)))
}

func TestClientCredentials(t *testing.T) {
	srv := httptest.NewServer(tokenApp())
	defer srv.Close()
	const form = "application/x-www-form-urlencoded"
	tests := []struct {
		name, contentType, body, auth string
		wantStatus                    int
		wantBody                      string
		wantChallenge                 string
	}{
		{"client_secret_post", form, "grant_type=client_credentials&client_id=svc&client_secret=s3cr%3At&scope=a+b", "",
			200, `{"access_token":"tok-client_secret_post","token_type":"Bearer","expires_in":3600,"scope":"a b"}`, ""},
		{"client_secret_basic, form-encoded inside", form, "grant_type=client_credentials", basic("svc", "s3cr:t"),
			200, `{"access_token":"tok-client_secret_basic","token_type":"Bearer","expires_in":3600}`, ""},
		{"Basic with the same client_id field", form, "grant_type=client_credentials&client_id=svc", basic("svc", "s3cr:t"),
			200, `{"access_token":"tok-client_secret_basic","token_type":"Bearer","expires_in":3600}`, ""},
		{"both methods", form, "grant_type=client_credentials&client_secret=x", basic("svc", "s3cr:t"),
			400, `{"error":"invalid_request","error_description":"The client used more than one authentication method."}`, ""},
		{"Basic and another client_id", form, "grant_type=client_credentials&client_id=other", basic("svc", "s3cr:t"),
			400, `{"error":"invalid_request","error_description":"The client used more than one authentication method."}`, ""},
		{"wrong secret", form, "grant_type=client_credentials&client_id=svc&client_secret=no", "",
			401, `{"error":"invalid_client","error_description":"Unknown client or wrong secret."}`, "Basic"},
		{"no client", form, "grant_type=client_credentials", "",
			401, `{"error":"invalid_client","error_description":"Client authentication is required."}`, "Basic"},
		{"unreadable Basic", form, "grant_type=client_credentials", "Basic !!!",
			401, `{"error":"invalid_client","error_description":"The HTTP Basic client credentials cannot be read."}`, "Basic"},
		{"bearer instead of Basic", form, "grant_type=client_credentials", "Bearer x",
			401, `{"error":"invalid_client","error_description":"Only HTTP Basic client authentication is supported in the Authorization header."}`, "Basic"},
		{"no grant_type", form, "client_id=svc&client_secret=s3cr%3At", "",
			400, `{"error":"invalid_request","error_description":"The grant_type parameter is missing."}`, ""},
		{"other grant", form, "grant_type=password&client_id=svc&client_secret=s3cr%3At", "",
			400, `{"error":"unsupported_grant_type","error_description":"Only the client_credentials grant type is supported."}`, ""},
		{"repeated parameter", form, "grant_type=client_credentials&scope=a&scope=b&client_id=svc&client_secret=x", "",
			400, `{"error":"invalid_request","error_description":"A parameter was sent more than once."}`, ""},
		{"broken multipart", "multipart/form-data; boundary=x", "--x\r\nno headers end", "",
			400, `{"error":"invalid_request","error_description":"The request body cannot be read."}`, ""},
		{"multipart without boundary", "multipart/form-data", "", "",
			400, `{"error":"invalid_request","error_description":"The request body cannot be read."}`, ""},
		{"Basic with an empty secret", form, "grant_type=client_credentials", basic("svc", ""),
			401, `{"error":"invalid_client","error_description":"The HTTP Basic client credentials need a client id and a secret."}`, "Basic"},
		{"Basic without a colon", form, "grant_type=client_credentials", "Basic " + base64.StdEncoding.EncodeToString([]byte("svc")),
			401, `{"error":"invalid_client","error_description":"The HTTP Basic client credentials cannot be read."}`, "Basic"},
		{"form with id but no secret", form, "grant_type=client_credentials&client_id=svc", "",
			401, `{"error":"invalid_client","error_description":"Client authentication is required."}`, "Basic"},
		{"JSON body", "application/json", `{"grant_type":"client_credentials"}`, "",
			400, `{"error":"invalid_request","error_description":"The request body must be an application/x-www-form-urlencoded form."}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/token", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.contentType)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			var got, want any
			_ = json.Unmarshal(body, &got)
			_ = json.Unmarshal([]byte(tt.wantBody), &want)
			if res.StatusCode != tt.wantStatus || !reflect.DeepEqual(got, want) {
				t.Errorf("got %d %s, want %d %s", res.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
			if c := res.Header.Get("WWW-Authenticate"); c != tt.wantChallenge {
				t.Errorf("WWW-Authenticate %q, want %q", c, tt.wantChallenge)
			}
			if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Pragma") != "no-cache" {
				t.Errorf("token responses must not be cached: %q %q", res.Header.Get("Cache-Control"), res.Header.Get("Pragma"))
			}
			if strings.Contains(string(body), "s3cr") {
				t.Errorf("secret echoed: %s", body)
			}
		})
	}
}

func TestClientCredentialsRedacted(t *testing.T) {
	f := forms.OAuth2ClientCredentialsRequestForm{ClientID: "svc", ClientSecret: "hunter2"}
	var logged strings.Builder
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("token request", "form", f)
	for _, s := range []string{fmt.Sprint(f), fmt.Sprintf("%+v", f), fmt.Sprintf("%#v", f), logged.String()} {
		if strings.Contains(s, "hunter2") {
			t.Errorf("secret printed: %s", s)
		}
	}
}

// A client credentials token endpoint (RFC 6749 §4.4): the client
// authenticates with HTTP Basic or with form fields, errors follow §5.2.
func ExampleClientCredentials() {
	e := tokenApp()
	for _, auth := range []string{basic("svc", "s3cr:t"), basic("svc", "wrong")} {
		req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader("grant_type=client_credentials&scope=read"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", auth)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("Cache-Control"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200 no-store {"access_token":"tok-client_secret_basic","token_type":"Bearer","expires_in":3600,"scope":"read"}
	// 401 no-store {"error":"invalid_client","error_description":"Unknown client or wrong secret."}
}

// Token and NoStore work on any response header, with no framework: they
// replace what caching headers were there.
func TestTokenHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		header http.Header
	}{
		{name: "empty", header: http.Header{}},
		{name: "cacheable before", header: http.Header{"Cache-Control": {"max-age=60", "public"}, "Pragma": {"x"}, "X-Other": {"kept"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			other := tt.header.Get("X-Other")
			got, err := forms.Token(tt.header, forms.TokenResponse{AccessToken: "at", TokenType: "Bearer"})
			if err != nil || got.AccessToken != "at" || got.TokenType != "Bearer" {
				t.Fatalf("Token = %+v, %v", got, err)
			}
			if cc, p := tt.header.Values("Cache-Control"), tt.header.Values("Pragma"); !reflect.DeepEqual(cc, []string{"no-store"}) || !reflect.DeepEqual(p, []string{"no-cache"}) {
				t.Errorf("Cache-Control %q, Pragma %q, want [no-store] [no-cache]", cc, p)
			}
			if tt.header.Get("X-Other") != other {
				t.Error("another header changed")
			}
		})
	}
}
