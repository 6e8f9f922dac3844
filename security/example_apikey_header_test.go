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

// An API key in a header; FastAPI's APIKeyHeader(name="x-key").
func ExampleAPIKeyHeader() {
	e := echo.New()
	api := echov4.New(e)
	key := &security.APIKeyHeader{Name: "x-key"}
	api.GET("/items/", typed.Handle[struct{}, map[string]string](key,
		func(c echo.Context, _ struct{}, key string) (map[string]string, error) {
			return map[string]string{"key": key}, nil
		}))

	for _, value := range []string{"", "secret"} {
		req := httptest.NewRequest(http.MethodGet, "/items/", nil)
		if value != "" {
			req.Header.Set("X-Key", value)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 401 APIKey {"detail":"Not authenticated"}
	// 200  {"key":"secret"}
}
