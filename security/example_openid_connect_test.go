package security_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// OpenID Connect, optional: the raw Authorization value, or nil.
// FastAPI's OpenIdConnect(openIdConnectUrl="/openid", auto_error=False).
func ExampleOpenIDConnect() {
	e := echo.New()
	api := echov4.New(e)
	oidc := &security.OpenIDConnect{OpenIDConnectURL: "/openid"}
	api.GET("/users/me", typed.Handle[struct{}, map[string]string](security.Optional(oidc),
		func(c echo.Context, _ struct{}, authorization *string) (map[string]string, error) {
			if authorization == nil {
				return map[string]string{"msg": "Create an account first"}, nil
			}
			return map[string]string{"username": *authorization}, nil
		}))

	for _, authorization := range []string{"", "Bearer foo"} {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		if authorization != "" {
			req.Header.Set("Authorization", authorization)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	fmt.Println(oidc.SecuritySchemeName())
	// Output:
	// 200  {"msg":"Create an account first"}
	// 200  {"username":"Bearer foo"}
	// OpenIdConnect
}
