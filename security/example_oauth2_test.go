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

// The OAuth2 base scheme returns the whole Authorization header; flows
// are for the documentation. FastAPI's OAuth2(flows={"password": …}).
func ExampleOAuth2() {
	e := echo.New()
	api := echov4.New(e)
	oauth2 := &security.OAuth2{Flows: security.OAuthFlows{Password: &security.OAuthFlow{
		TokenURL: "token",
		Scopes:   map[string]string{"read:users": "Read the users"},
	}}}
	api.GET("/users/me", typed.Handle[struct{}, map[string]string](security.Security[string](oauth2, "read:users"),
		func(c echo.Context, _ struct{}, authorization string) (map[string]string, error) {
			return map[string]string{"username": authorization}, nil
		}))

	for _, authorization := range []string{"", "Bearer johndoe"} {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		if authorization != "" {
			req.Header.Set("Authorization", authorization)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	sec := api.Operations()[0].Security[0][0]
	fmt.Println(sec.Scheme.SecuritySchemeName(), sec.Scopes)
	// Output:
	// 401 Bearer {"detail":"Not authenticated"}
	// 200  {"username":"Bearer johndoe"}
	// OAuth2 [read:users]
}
