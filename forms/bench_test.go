package forms_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

const benchBody = "grant_type=password&username=johndoe&password=s3cr3t%21&scope=items%3Aread+me&client_id=app"

// BenchmarkLogin measures a whole login request through Echo: the typed
// route with Password against a hand-written Echo handler reading the same
// form with FormValue.
func BenchmarkLogin(b *testing.B) {
	cases := []struct {
		name  string
		mount func(e *echo.Echo)
	}{
		{name: "Password", mount: func(e *echo.Echo) {
			echov4.New(e).POST("/token", typed.Handle[struct{}, Token](forms.Password(nil),
				func(c echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (Token, error) {
					return Token{AccessToken: f.Username, TokenType: "bearer"}, nil
				}))
		}},
		{name: "hand-written", mount: func(e *echo.Echo) {
			e.POST("/token", func(c echo.Context) error {
				gt := c.FormValue("grant_type")
				f := forms.OAuth2PasswordRequestForm{
					GrantType: gt, Username: c.FormValue("username"), Password: c.FormValue("password"),
					Scopes: strings.Fields(c.FormValue("scope")), ClientID: c.FormValue("client_id"), ClientSecret: c.FormValue("client_secret"),
				}
				if gt != "" && gt != "password" || f.Username == "" || f.Password == "" {
					return c.JSON(http.StatusUnprocessableEntity, map[string]string{"detail": "invalid"})
				}
				return c.JSON(http.StatusOK, Token{AccessToken: f.Username, TokenType: "bearer"})
			})
		}},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			e := echo.New()
			bc.mount(e)
			body := &rewindBody{}
			req := httptest.NewRequest(http.MethodPost, "/token", body)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.ContentLength = int64(len(benchBody))
			b.ReportAllocs()
			for b.Loop() {
				body.Reset(benchBody)
				req.Form, req.PostForm = nil, nil
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatal(rec.Code, rec.Body)
				}
			}
		})
	}
}

// rewindBody is a request body that a benchmark can reuse.
type rewindBody struct{ strings.Reader }

func (*rewindBody) Close() error { return nil }

// BenchmarkResolve measures Password alone, on a plain net/http request.
func BenchmarkResolve(b *testing.B) {
	dep := forms.Password(nil)
	body := &rewindBody{}
	req := httptest.NewRequest(http.MethodPost, "/token", body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.ContentLength = int64(len(benchBody))
	w := httptest.NewRecorder()
	b.ReportAllocs()
	for b.Loop() {
		body.Reset(benchBody)
		if _, err := dep.Resolve(typed.NewRequest(w, req)); err != nil {
			b.Fatal(err)
		}
	}
}
