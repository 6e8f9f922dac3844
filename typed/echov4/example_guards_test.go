package echov4_test

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

// With guards every route of an API (or of a group) with dependencies whose
// value no handler takes: FastAPI's FastAPI(dependencies=[…]) and
// APIRouter(dependencies=[…]). They are documented on each operation.
func ExampleAPI_With() {
	e := echo.New()
	key := &security.APIKeyHeader{Name: "X-Key"}
	admin := echov4.New(e).Group("/admin").With(typed.Use(key))
	admin.GET("/stats", typed.Plain(func(echo.Context, struct{}) (string, error) { return "42 users", nil }))

	do(e, http.MethodGet, "/admin/stats")
	do(e, http.MethodGet, "/admin/stats", "X-Key", "k")
	fmt.Println(admin.Operations()[0].Security[0][0].Scheme.SecuritySchemeName())
	// Output:
	// 401 APIKey {"detail":"Not authenticated"}
	// 200  "42 users"
	// APIKeyHeader
}

// RedirectSlashes answers a path that differs from a route only by its
// trailing slash with Starlette's 307, before anything runs.
func ExampleRedirectSlashes() {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	echov4.New(e).GET("/items/", typed.Plain(func(echo.Context, struct{}) ([]string, error) { return []string{"a"}, nil }))
	for _, target := range []string{"/items?page=2", "/items/", "/nothing"} {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.Host = "api.example"
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(strings.TrimSpace(fmt.Sprint(rec.Code, " ", rec.Header().Get("Location"), " ", strings.TrimSpace(rec.Body.String()))))
	}
	// Output:
	// 307 http://api.example/items/?page=2
	// 200  ["a"]
	// 404  {"detail":"Not Found"}
}
