package forms_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Token is what the token endpoints of the examples answer.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
}

// A token endpoint of OAuth2's password flow, as in FastAPI's "Simple
// OAuth2 with Password and Bearer" tutorial.
func ExamplePassword() {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/token", typed.Handle[struct{}, Token](forms.Password(nil),
		func(c echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (Token, error) {
			if f.Username != "johndoe" || f.Password != "secret" {
				return Token{}, typed.NewHTTPError(http.StatusBadRequest, "Incorrect username or password")
			}
			return Token{AccessToken: f.Username, TokenType: "bearer"}, nil
		}))

	for _, body := range []string{
		"grant_type=password&username=johndoe&password=secret",
		"username=johndoe&password=wrong",
		"username=johndoe&password=",
		"grant_type=PASSWORD&username=johndoe&password=secret",
	} {
		req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200 {"access_token":"johndoe","token_type":"bearer"}
	// 400 {"detail":"Incorrect username or password"}
	// 422 {"detail":[{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}
	// 422 {"detail":[{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"PASSWORD","ctx":{"pattern":"^password$"}}]}
}

// The form returned as is, as FastAPI's reference example does: scopes
// split on whitespace, null for the fields not sent.
func ExampleOAuth2PasswordRequestForm() {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/login", typed.Handle[struct{}, forms.OAuth2PasswordRequestForm](forms.Password(nil),
		func(c echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (forms.OAuth2PasswordRequestForm, error) {
			return f, nil
		}))

	req := httptest.NewRequest(http.MethodPost, "/login",
		strings.NewReader("username=johndoe&password=secret&scope=items:read+items:write%20me&client_id=app"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	// Output:
	// 200 {"grant_type":null,"username":"johndoe","password":"secret","scopes":["items:read","items:write","me"],"client_id":"app","client_secret":null}
}
