package forms_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// A token endpoint returns its token with forms.Token, which marks the
// response uncacheable (RFC 6749 §5.1); it works with TokenResponse or the
// application's own response type.
func ExampleToken() {
	type myToken struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
		IDToken     string `json:"id_token"`
	}
	e := echo.New()
	echov4.New(e).POST("/token", typed.Handle(forms.ClientCredentials(),
		func(c echo.Context, _ struct{}, f forms.OAuth2ClientCredentialsRequestForm) (myToken, error) {
			return forms.Token(c.Response().Header(), myToken{AccessToken: "at-" + f.ClientID, TokenType: "Bearer", IDToken: "it"})
		}))
	req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader("grant_type=client_credentials&client_id=svc&client_secret=s"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Cache-Control"), rec.Header().Get("Pragma"))
	fmt.Println(strings.TrimSpace(rec.Body.String()))
	// Output:
	// 200 no-store no-cache
	// {"access_token":"at-svc","token_type":"Bearer","id_token":"it"}
}

// TokenError answers as RFC 6749 §5.2 says: invalid_client is a 401 with a
// Basic challenge, the other codes a 400; the body is {"error": …,
// "error_description": …}, never cached.
func ExampleTokenError() {
	for _, code := range []string{forms.ErrorInvalidGrant, forms.ErrorInvalidClient} {
		e := forms.TokenError(code, "Nope.")
		body, _ := e.MarshalJSON()
		fmt.Println(e.Status, e.Header.Get("WWW-Authenticate"), e.Header.Get("Cache-Control"), string(body))
	}
	// Output:
	// 400  no-store {"error":"invalid_grant","error_description":"Nope."}
	// 401 Basic no-store {"error":"invalid_client","error_description":"Nope."}
}

// The form prints and logs without the client secret.
func ExampleOAuth2ClientCredentialsRequestForm() {
	f := forms.OAuth2ClientCredentialsRequestForm{GrantType: "client_credentials", Scopes: []string{"read"},
		ClientID: "svc", ClientSecret: "hunter2", ClientAuth: forms.ClientSecretBasic}
	fmt.Println(f)
	// Output:
	// OAuth2ClientCredentialsRequestForm{GrantType:client_credentials Scopes:[read] ClientID:svc ClientSecret:REDACTED ClientAuth:client_secret_basic}
}

// TokenResponse is RFC 6749 §5.1's body; empty optional fields are left out.
func ExampleTokenResponse() {
	e := echo.New()
	echov4.New(e).POST("/token", typed.Handle(forms.ClientCredentials(),
		func(c echo.Context, _ struct{}, f forms.OAuth2ClientCredentialsRequestForm) (forms.TokenResponse, error) {
			return forms.Token(c.Response().Header(), forms.TokenResponse{AccessToken: "at", TokenType: "Bearer", ExpiresIn: 3600})
		}))
	req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth("svc", "s")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	// Output:
	// 200 {"access_token":"at","token_type":"Bearer","expires_in":3600}
}

// TokenErrorBody is the §5.2 error body; a client of a token endpoint can
// decode the answer into it.
func ExampleTokenErrorBody() {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader("grant_type=password"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	e := echo.New()
	echov4.New(e).POST("/token", typed.Handle(forms.ClientCredentials(),
		func(c echo.Context, _ struct{}, f forms.OAuth2ClientCredentialsRequestForm) (forms.TokenResponse, error) {
			return forms.Token(c.Response().Header(), forms.TokenResponse{})
		}))
	e.ServeHTTP(rec, req)
	var body forms.TokenErrorBody
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	fmt.Printf("%d %s: %s\n", rec.Code, body.Error, body.ErrorDescription)
	// Output:
	// 400 unsupported_grant_type: Only the client_credentials grant type is supported.
}
