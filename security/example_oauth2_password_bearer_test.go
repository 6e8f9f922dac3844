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

// The password flow's bearer token; "Bearer" alone is the empty token, as
// in FastAPI's OAuth2PasswordBearer(tokenUrl="token").
func ExampleOAuth2PasswordBearer() {
	e := echo.New()
	api := echov4.New(e)
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token"}
	api.GET("/items/", typed.Handle[struct{}, map[string]string](oauth2,
		func(c echo.Context, _ struct{}, token string) (map[string]string, error) {
			return map[string]string{"token": token}, nil
		}))

	for _, authorization := range []string{"", "Basic dXNlcjpwYXNz", "Bearer", "Bearer abc"} {
		req := httptest.NewRequest(http.MethodGet, "/items/", nil)
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
	// 200  {"token":""}
	// 200  {"token":"abc"}
}
