package typed_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// tokenScheme is a minimal security scheme: the token is the X-Token
// header; it documents itself under "Token" with the accumulated scopes.
type tokenScheme struct{ calls atomic.Int32 }

func (s *tokenScheme) SecuritySchemeName() string { return "Token" }

func (s *tokenScheme) Resolve(r *typed.Request) (string, error) {
	s.calls.Add(1)
	tok := r.Request().Header.Get("X-Token")
	if tok == "" {
		return "", typed.NewHTTPError(http.StatusUnauthorized, "Not authenticated", "WWW-Authenticate", "Token")
	}
	return tok, nil
}

func (s *tokenScheme) Describe(d *typed.Doc) { d.AddSecurity(s, d.Scopes()) }

// scoped is Security(dep, scopes...) written against typed alone.
type scoped[T any] struct {
	dep    typed.Dep[T]
	scopes []string
}

func (s scoped[T]) Resolve(r *typed.Request) (T, error) {
	return typed.Resolve(r.WithScopes(s.scopes...), s.dep)
}

func (s scoped[T]) Describe(d *typed.Doc) { s.dep.Describe(d.WithScopes(s.scopes...)) }

type scopesSeen struct{}

func (scopesSeen) Resolve(r *typed.Request) ([]string, error) { return r.Scopes(), nil }
func (scopesSeen) Describe(*typed.Doc)                        {}

type user struct {
	Name   string   `json:"name"`
	Scopes []string `json:"scopes"`
}

// TestScopesChain is the OAuth2 scopes tutorial's chain: the route asks
// Security(activeUser, "items"), activeUser asks Security(currentUser,
// "me"), and currentUser sees ["items", "me"]; the scheme resolves once.
func TestScopesChain(t *testing.T) {
	scheme := &tokenScheme{}
	var currentCalls atomic.Int32
	current := typed.Depends2[[]string, string](scopesSeen{}, scheme, func(_ echo.Context, scopes []string, tok string) (user, error) {
		currentCalls.Add(1)
		return user{Name: tok, Scopes: scopes}, nil
	})
	active := typed.Depends(scoped[user]{current, []string{"me"}}, func(_ echo.Context, u user) (user, error) { return u, nil })
	// Two paths to the same dependency at the same scopes resolve once.
	both := typed.Depends2(scoped[user]{active, []string{"items"}}, scoped[user]{active, []string{"items", "me"}},
		func(_ echo.Context, a, b user) (user, error) { return a, nil })

	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me/items/", typed.Handle(both, func(_ echo.Context, _ struct{}, u user) (user, error) { return u, nil }))
	api.GET("/users/me/", typed.Handle(active, func(_ echo.Context, _ struct{}, u user) (user, error) { return u, nil }))

	serve(t, e, []call{
		{name: "items", target: "/users/me/items/", header: map[string]string{"X-Token": "ann"},
			wantStatus: 200, wantBody: `{"name":"ann","scopes":["items","me"]}`},
		{name: "me", target: "/users/me/", header: map[string]string{"X-Token": "ann"},
			wantStatus: 200, wantBody: `{"name":"ann","scopes":["me"]}`},
		{name: "no token", target: "/users/me/items/",
			wantStatus: 401, wantBody: `{"detail":"Not authenticated"}`, wantHeader: map[string]string{"WWW-Authenticate": "Token"}},
	})
	if got := currentCalls.Load(); got != 2 {
		t.Errorf("currentUser ran %d times for 2 successful requests, want 2 (cached within a request)", got)
	}

	ops := api.Operations()
	want := map[string]string{"/users/me/items/": "Token:items me", "/users/me/": "Token:me"}
	for _, op := range ops {
		var got []string
		for _, req := range op.Security {
			for _, ss := range req {
				got = append(got, ss.Scheme.SecuritySchemeName()+":"+strings.Join(ss.Scopes, " "))
			}
		}
		if strings.Join(got, ",") != want[op.Path] {
			t.Errorf("%s security %q, want %q", op.Path, got, want[op.Path])
		}
	}
}

// TestDependencyFailureStopsChain: when a dependency fails, nothing after
// it runs and the handler never runs.
func TestDependencyFailureStopsChain(t *testing.T) {
	var ran atomic.Bool
	dep := typed.Depends(&tokenScheme{}, func(_ echo.Context, tok string) (string, error) { ran.Store(true); return tok, nil })
	e := echo.New()
	echov4.New(e).GET("/", typed.Handle(dep, func(echo.Context, struct{}, string) (string, error) {
		ran.Store(true)
		return "", nil
	}))
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != 401 || ran.Load() {
		t.Fatalf("status %d, later code ran: %v", rec.Code, ran.Load())
	}
}

// TestResolveOutsideHandler: NewRequest and Resolve let a plain Echo
// handler use a dependency.
func TestResolveOutsideHandler(t *testing.T) {
	e := echo.New()
	e.GET("/", func(c echo.Context) error {
		tok, err := typed.Resolve[string](echov4.NewRequest(c), &tokenScheme{})
		if err != nil {
			return echov4.Error(c, err)
		}
		return c.String(200, tok)
	})
	serve(t, e, []call{
		{name: "ok", target: "/", header: map[string]string{"X-Token": "t"}, wantStatus: 200},
		{name: "401", target: "/", wantStatus: 401, wantBody: `{"detail":"Not authenticated"}`, wantHeader: map[string]string{"WWW-Authenticate": "Token"}},
	})
}

func TestValueAndNone(t *testing.T) {
	e := echo.New()
	echov4.New(e).GET("/", typed.Handle(typed.Value(42), func(_ echo.Context, _ struct{}, n int) (int, error) { return n, nil }))
	serve(t, e, []call{{name: "value", target: "/", wantStatus: 200, wantBody: `42`}})
}
