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

// The strict form requires grant_type=password, as RFC 6749 §4.3.2 does.
func ExamplePasswordStrict() {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/token", typed.Handle[struct{}, Token](forms.PasswordStrict(nil),
		func(c echo.Context, _ struct{}, f forms.OAuth2PasswordRequestFormStrict) (Token, error) {
			return Token{AccessToken: f.Username, TokenType: "bearer"}, nil
		}))

	for _, body := range []string{
		"grant_type=password&username=johndoe&password=secret",
		"grant_type=&username=johndoe&password=secret",
	} {
		req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200 {"access_token":"johndoe","token_type":"bearer"}
	// 422 {"detail":[{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}]}
}
