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

// InvalidToken answers a bearer token your dependency refused: 401 with
// error="invalid_token" and the description, quoted and escaped.
func ExampleInvalidToken() {
	err := security.InvalidToken(`token "abc" expired`)
	fmt.Println(err.Status, err.Header.Get("WWW-Authenticate"))
	fmt.Println(err.Detail)
	// Output:
	// 401 Bearer error="invalid_token", error_description="token \"abc\" expired"
	// Could not validate credentials
}

// InsufficientScope is RFC 6750's answer to a valid token that lacks a
// scope: 403, not FastAPI's 401.
func ExampleInsufficientScope() {
	err := security.InsufficientScope("items:read", "items:write")
	fmt.Println(err.Status, err.Header.Get("WWW-Authenticate"))
	// Output:
	// 403 Bearer error="insufficient_scope", scope="items:read items:write"
}

// AllOf needs every credential at once: documented as one requirement
// object with two keys (AND), where AnyOf lists alternatives (OR).
func ExampleAllOf() {
	key := &security.APIKeyHeader{Name: "x-key"}
	tenant := &security.APIKeyHeader{Name: "x-tenant", SchemeName: "Tenant"}

	e := echo.New()
	api := echov4.New(e)
	api.GET("/data", typed.Handle[struct{}, []string](security.AllOf[string](key, tenant),
		func(c echo.Context, _ struct{}, v []string) ([]string, error) { return v, nil }))

	for _, h := range []map[string]string{{"X-Key": "k"}, {"X-Key": "k", "X-Tenant": "t"}} {
		req := httptest.NewRequest(http.MethodGet, "/data", nil)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	req := api.Operations()[0].Security
	fmt.Println(len(req), "requirement with", len(req[0]), "schemes")
	// Output:
	// 401 {"detail":"Not authenticated"}
	// 200 ["k","t"]
	// 1 requirement with 2 schemes
}
