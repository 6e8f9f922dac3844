package typed_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// A test replaces the current-user chain with a fixed user, as FastAPI's
// app.dependency_overrides does; the production routes are unchanged.
func ExampleOverride() {
	token := &tokenScheme{}
	currentUser := typed.Depends(token, func(_ echo.Context, tok string) (string, error) {
		return "", typed.NewHTTPError(http.StatusUnauthorized, "Could not validate credentials")
	})
	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(currentUser, func(_ echo.Context, _ struct{}, name string) (string, error) {
		return name, nil
	}))

	restore := typed.Override(api, currentUser, typed.Value("test-user"))
	do(e, http.MethodGet, "/users/me", "")
	restore()
	do(e, http.MethodGet, "/users/me", "", "X-Token", "t")
	// Output:
	// 200 "test-user"
	// 401 {"detail":"Could not validate credentials"}
}

// TestOverrideInsideChain: an override of a scheme reached under
// Security-style scope wrappers and Depends applies there too, only on the
// API it was set on, and concurrently with requests.
func TestOverrideInsideChain(t *testing.T) {
	scheme := &tokenScheme{}
	current := typed.Depends2[[]string, string](scopesSeen{}, scheme, func(_ echo.Context, scopes []string, tok string) (user, error) {
		return user{Name: tok, Scopes: scopes}, nil
	})
	route := typed.Handle(scoped[user]{current, []string{"me"}}, func(_ echo.Context, _ struct{}, u user) (user, error) { return u, nil })

	e1, e2 := echo.New(), echo.New()
	api1, api2 := echov4.New(e1), echov4.New(e2)
	api1.GET("/me", route)
	api2.GET("/me", route)

	restore := typed.Override[string](api1, scheme, typed.Func(func(echo.Context) (string, error) { return "fake", nil }))
	serve(t, e1, []call{{name: "overridden", target: "/me", wantStatus: 200, wantBody: `{"name":"fake","scopes":["me"]}`}})
	serve(t, e2, []call{{name: "other API untouched", target: "/me", wantStatus: 401}})

	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			undo := typed.Override[string](api1, &tokenScheme{}, typed.Value(fmt.Sprint(i)))
			undo()
		}()
	}
	wg.Wait()
	restore()
	serve(t, e1, []call{{name: "restored", target: "/me", wantStatus: 401}})

	typed.Override[string](api1, scheme, typed.Value("x"))
	api1.ClearOverrides()
	serve(t, e1, []call{{name: "cleared", target: "/me", wantStatus: 401}})
}

// TestOverrideUsesScopes: an override that reads the scopes runs once per
// set of scopes it is reached with, as FastAPI caches an override.
func TestOverrideUsesScopes(t *testing.T) {
	scopes := typed.Func(func(echo.Context) (string, error) { return "", nil })
	original := typed.Depends(scopes, func(echo.Context, string) (string, error) { return "original", nil })
	e := echo.New()
	api := echov4.New(e)
	api.GET("/", typed.Handle(typed.Depends2[string, string](scoped[string]{original, []string{"x"}}, scoped[string]{original, []string{"y"}},
		func(_ echo.Context, a, b string) (string, error) { return a + " " + b, nil }),
		func(_ echo.Context, _ struct{}, s string) (string, error) { return s, nil }))
	restore := typed.Override(api, original, typed.Depends(scopeReader{}, func(_ echo.Context, s string) (string, error) { return s, nil }))
	defer restore()
	serve(t, e, []call{{name: "each scope set", target: "/", wantStatus: 200, wantBody: `"x y"`}})
}

// scopeReader resolves to the scopes above it and says it reads them.
type scopeReader struct{}

func (scopeReader) Resolve(r *typed.Request) (string, error) { return r.ScopeStr(), nil }
func (scopeReader) Describe(d *typed.Doc)                    { d.UsesScopes() }
