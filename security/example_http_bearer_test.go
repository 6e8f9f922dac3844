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

// A bearer token; the scheme comes back as sent. FastAPI's
// HTTPBearer(bearerFormat="JWT").
func ExampleHTTPBearer() {
	e := echo.New()
	api := echov4.New(e)
	bearer := &security.HTTPBearer{BearerFormat: "JWT"}
	api.GET("/users/me", typed.Handle[struct{}, security.HTTPAuthorizationCredentials](bearer,
		func(c echo.Context, _ struct{}, cred security.HTTPAuthorizationCredentials) (security.HTTPAuthorizationCredentials, error) {
			return cred, nil
		}))

	for _, authorization := range []string{"", "Bearer", "Basic dXNlcjpwYXNz", "bearer  abc.def.ghi "} {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		if authorization != "" {
			req.Header.Set("Authorization", authorization)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 401 Bearer {"detail":"Not authenticated"}
	// 401 Bearer {"detail":"Not authenticated"}
	// 401 Bearer {"detail":"Not authenticated"}
	// 200  {"scheme":"bearer","credentials":"abc.def.ghi"}
}
