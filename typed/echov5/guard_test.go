package echov5_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/internal/hosttest"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v5"
)

// TestGuards: API-, group- and route-level dependencies whose value no
// handler takes run in that order before the route's own, stop the
// request on failure, and are documented on every operation they guard,
// with their scopes.
func TestGuards(t *testing.T) {
	var order []string
	mark := func(name string) typed.Guard {
		return typed.Use(typed.Func(func(*echo.Context) (string, error) { order = append(order, name); return name, nil }))
	}
	key := &security.APIKeyHeader{Name: "X-Key"}
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"admin": "", "read": ""}}
	e := echo.New()
	api := echov5.New(e).With(mark("app"), typed.Use(key))
	admin := api.Group("/admin").With(mark("router"), typed.Use(security.Security(oauth2, "admin")))
	handler := typed.Handle(typed.Func(func(*echo.Context) (string, error) { order = append(order, "own"); return "", nil }),
		func(*echo.Context, struct{}, string) (string, error) {
			order = append(order, "handler")
			return "ok", nil
		})
	admin.Register(typed.Operation{Method: http.MethodGet, Path: "/items", Dependencies: []typed.Guard{mark("route"), typed.Use(security.Security(oauth2, "read"))}}, handler)
	echov5.New(e).GET("/open", typed.Plain(func(*echo.Context, struct{}) (string, error) { return "open", nil }))

	hosttest.Serve(t, e, []hosttest.Call{
		{Name: "app guard refuses", Target: "/admin/items", WantStatus: 401, WantHeader: map[string]string{"WWW-Authenticate": "APIKey"}},
		{Name: "router guard refuses", Target: "/admin/items", Header: map[string]string{"X-Key": "k"}, WantStatus: 401,
			WantHeader: map[string]string{"WWW-Authenticate": "Bearer"}},
		{Name: "every guard passes", Target: "/admin/items", Header: map[string]string{"X-Key": "k", "Authorization": "Bearer t"},
			WantStatus: 200, WantBody: `"ok"` + "\n"},
		{Name: "another API is unguarded", Target: "/open", WantStatus: 200},
	})
	if got := strings.Join(order, " "); !strings.HasSuffix(got, "app app router app router route own handler") {
		t.Errorf("order %q", got)
	}
	var op *typed.Operation
	for _, o := range api.Operations() {
		if o.Path == "/admin/items" {
			op = o
		}
	}
	if op == nil || len(op.Security) != 2 {
		t.Fatalf("security %+v", op)
	}
	// One requirement per scheme, with the scopes of the router's and the
	// route's guards merged, as FastAPI documents them.
	if s := op.Security[1][0]; s.Scheme.SecuritySchemeName() != "OAuth2PasswordBearer" || strings.Join(s.Scopes, " ") != "admin read" {
		t.Errorf("guards documented as %v %v", s.Scheme.SecuritySchemeName(), s.Scopes)
	}
}
