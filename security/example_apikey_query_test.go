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

// An API key in the query string; the last occurrence counts, as in
// FastAPI's APIKeyQuery(name="api_key").
func ExampleAPIKeyQuery() {
	e := echo.New()
	api := echov4.New(e)
	key := &security.APIKeyQuery{Name: "api_key"}
	api.GET("/items/", typed.Handle[struct{}, map[string]string](key,
		func(c echo.Context, _ struct{}, key string) (map[string]string, error) {
			return map[string]string{"api_key": key}, nil
		}))

	for _, target := range []string{"/items/", "/items/?api_key=a&api_key=", "/items/?api_key=a%20b"} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 401 APIKey {"detail":"Not authenticated"}
	// 401 APIKey {"detail":"Not authenticated"}
	// 200  {"api_key":"a b"}
}
