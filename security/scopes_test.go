package security_test

import (
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type user struct {
	Name   string   `json:"name"`
	Scopes []string `json:"-"`
}

// TestScopesChain is FastAPI's OAuth2-scopes tutorial: the route asks for
// "items" on activeUser, which asks for "me" on currentUser, which reads
// SecurityScopes and the token.
func TestScopesChain(t *testing.T) {
	t.Parallel()
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"me": "Me.", "items": "Items."}}
	var seen atomic.Pointer[security.SecurityScopes]
	currentUser := typed.Depends2(security.Scopes(), oauth2, func(c echo.Context, s security.SecurityScopes, token string) (user, error) {
		seen.Store(&s)
		if token != "johndoe" {
			return user{}, security.BearerChallenge{Scope: s.ScopeStr}.HTTPError("Could not validate credentials")
		}
		return user{Name: token}, nil
	})
	activeUser := typed.Depends(security.Security(currentUser, "me"), func(c echo.Context, u user) (user, error) { return u, nil })

	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me/items/", typed.Handle[struct{}, user](security.Security(activeUser, "items"), func(c echo.Context, _ struct{}, u user) (user, error) { return u, nil }))
	api.GET("/status/", typed.Handle[struct{}, user](currentUser, func(c echo.Context, _ struct{}, u user) (user, error) { return u, nil }))

	tests := []struct {
		name          string
		whenPath      string
		whenAuth      string
		wantStatus    int
		wantChallenge string
		wantScopes    string // ScopeStr seen by currentUser; "-" when it never ran
	}{
		{name: "ok", whenPath: "/users/me/items/", whenAuth: "Bearer johndoe", wantStatus: 200, wantScopes: "items me"},
		{name: "bad token", whenPath: "/users/me/items/", whenAuth: "Bearer x", wantStatus: 401, wantChallenge: `Bearer scope="items me"`, wantScopes: "items me"},
		{name: "no token", whenPath: "/users/me/items/", wantStatus: 401, wantChallenge: "Bearer", wantScopes: "-"},
		{name: "no scopes", whenPath: "/status/", whenAuth: "Bearer x", wantStatus: 401, wantChallenge: "Bearer", wantScopes: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen.Store(nil)
			var h [][2]string
			if tt.whenAuth != "" {
				h = auth(tt.whenAuth)
			}
			rec := serve(e, tt.whenPath, h)
			if rec.Code != tt.wantStatus || rec.Header().Get("WWW-Authenticate") != tt.wantChallenge {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Header().Get("WWW-Authenticate"), tt.wantStatus, tt.wantChallenge)
			}
			s := seen.Load()
			switch {
			case s == nil && tt.wantScopes != "-":
				t.Errorf("currentUser did not run")
			case s != nil && (s.ScopeStr != tt.wantScopes || strings.Join(s.Scopes, " ") != tt.wantScopes || s.Scopes == nil):
				t.Errorf("SecurityScopes = %+v, want %q", *s, tt.wantScopes)
			}
		})
	}

	ops := api.Operations()
	if got := requirements(ops[0]); len(got) != 1 || got[0] != "OAuth2PasswordBearer:items,me" {
		t.Errorf("items security = %q, want [OAuth2PasswordBearer:items,me]", got)
	}
	if got := requirements(ops[1]); len(got) != 1 || got[0] != "OAuth2PasswordBearer:" {
		t.Errorf("status security = %q, want [OAuth2PasswordBearer:]", got)
	}
}

func TestDependencyResolvedOncePerRequest(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token"}
	current := typed.Depends(oauth2, func(c echo.Context, tok string) (string, error) {
		calls.Add(1)
		return tok, nil
	})
	both := typed.Depends2(current, current, func(c echo.Context, a, b string) (string, error) { return a + b, nil })
	e, _ := newServer(both)
	want200(t, serve(e, "/req", auth("Bearer x")), `"xx"`)
	if n := calls.Load(); n != 1 {
		t.Errorf("resolved %d times, want 1", n)
	}
}

func TestRequireScopes(t *testing.T) {
	t.Parallel()
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token"}
	valid := typed.Depends(oauth2, func(c echo.Context, tok string) (user, error) {
		name, scopes, _ := strings.Cut(tok, ":")
		return user{Name: name, Scopes: strings.Fields(scopes)}, nil
	})
	checked := security.RequireScopes(valid, func(u user) []string { return u.Scopes })
	e := echo.New()
	api := echov4.New(e)
	handler := func(c echo.Context, _ struct{}, u user) (user, error) { return u, nil }
	api.GET("/items", typed.Handle[struct{}, user](security.Security(checked, "items", "read"), handler))
	api.GET("/open", typed.Handle[struct{}, user](checked, handler))

	tests := []struct {
		name          string
		whenPath      string
		whenAuth      string
		wantStatus    int
		wantChallenge string
		wantBody      string
	}{
		{name: "all scopes", whenPath: "/items", whenAuth: "Bearer bob:read items", wantStatus: 200, wantBody: `{"name":"bob"}`},
		{name: "one missing", whenPath: "/items", whenAuth: "Bearer bob:items", wantStatus: 403,
			wantChallenge: `Bearer error="insufficient_scope", scope="items read"`, wantBody: `{"detail":"Not enough permissions"}`},
		{name: "no token", whenPath: "/items", wantStatus: 401, wantChallenge: "Bearer", wantBody: notAuthenticatedBody},
		{name: "nothing required", whenPath: "/open", whenAuth: "Bearer bob", wantStatus: 200, wantBody: `{"name":"bob"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h [][2]string
			if tt.whenAuth != "" {
				h = auth(tt.whenAuth)
			}
			rec := serve(e, tt.whenPath, h)
			if rec.Code != tt.wantStatus || rec.Header().Get("WWW-Authenticate") != tt.wantChallenge {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Header().Get("WWW-Authenticate"), tt.wantStatus, tt.wantChallenge)
			}
			wantJSON(t, rec.Body.String(), tt.wantBody)
		})
	}
}

func TestBearerChallenge(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		when       security.BearerChallenge
		want       string
		wantStatus int
	}{
		{name: "zero", want: "Bearer", wantStatus: 401},
		{name: "realm", when: security.BearerChallenge{Realm: "example"}, want: `Bearer realm="example"`, wantStatus: 401},
		{name: "invalid token", when: security.BearerChallenge{Realm: "example", ErrorCode: security.BearerInvalidToken, ErrorDescription: "The access token expired"},
			want: `Bearer realm="example", error="invalid_token", error_description="The access token expired"`, wantStatus: 401},
		{name: "insufficient scope", when: security.BearerChallenge{ErrorCode: security.BearerInsufficientScope, Scope: "items me"},
			want: `Bearer error="insufficient_scope", scope="items me"`, wantStatus: 403},
		{name: "invalid request", when: security.BearerChallenge{ErrorCode: security.BearerInvalidRequest, ErrorURI: "https://example.com/e"},
			want: `Bearer error="invalid_request", error_uri="https://example.com/e"`, wantStatus: 400},
		{name: "escaping", when: security.BearerChallenge{Realm: `a"b\c`, ErrorDescription: `say "hi"`},
			want: `Bearer realm="a\"b\\c", error_description="say \"hi\""`, wantStatus: 401},
		{name: "scope only", when: security.BearerChallenge{Scope: "items me"}, want: `Bearer scope="items me"`, wantStatus: 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.when.String(); got != tt.want {
				t.Errorf("String() = %s, want %s", got, tt.want)
			}
			he := tt.when.HTTPError("d")
			if he.Status != tt.wantStatus || he.Header.Get("WWW-Authenticate") != tt.want {
				t.Errorf("HTTPError = %d %q, want %d %q", he.Status, he.Header.Get("WWW-Authenticate"), tt.wantStatus, tt.want)
			}
		})
	}

	it := security.InvalidToken("expired")
	if it.Status != http.StatusUnauthorized || it.Header.Get("WWW-Authenticate") != `Bearer error="invalid_token", error_description="expired"` ||
		it.Detail != "Could not validate credentials" || !errors.Is(it, security.ErrInvalidToken) || errors.Is(it, security.ErrNoCredentials) {
		t.Errorf("InvalidToken = %+v", it)
	}
	is := security.InsufficientScope("a", "b")
	if is.Status != http.StatusForbidden || is.Header.Get("WWW-Authenticate") != `Bearer error="insufficient_scope", scope="a b"` ||
		is.Detail != "Not enough permissions" || !errors.Is(is, security.ErrInsufficientScope) {
		t.Errorf("InsufficientScope = %+v", is)
	}
}
