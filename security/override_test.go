package security_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// TestOverrideInsideCombinators: typed.Override(api, key, with) replaces
// key wherever it is reached, so inside every combinator of this package,
// each of which resolves its children with typed.Resolve. In each route
// key is a direct child of the combinator under test: a combinator that
// called key.Resolve itself would bypass the override, and its route would
// answer as without it. The replacement reads SecurityScopes, which shows
// that it is resolved with the scopes accumulated above key. Restoring the
// override brings the scheme back.
func TestOverrideInsideCombinators(t *testing.T) {
	t.Parallel()
	key := &security.APIKeyHeader{Name: "x-key"}            // never sent: 401 APIKey
	bearer := &security.OAuth2PasswordBearer{TokenURL: "t"} // never sent: 401 Bearer
	with := typed.Depends(security.Scopes(), func(c echo.Context, s security.SecurityScopes) (string, error) {
		return "override:" + s.ScopeStr, nil
	})
	// scopesOf reads the scopes of an overridden value, for RequireScopes.
	scopesOf := func(v string) []string { _, s, _ := strings.Cut(v, ":"); return strings.Fields(s) }

	e := echo.New()
	api := echov4.New(e)
	route := func(path string, dep typed.Dep[string]) {
		api.GET(path, typed.Handle[struct{}, string](dep, func(c echo.Context, _ struct{}, v string) (string, error) { return v, nil }))
	}
	route("/anyof", security.AnyOf[string](bearer, key))
	api.GET("/anyofmatched", typed.Handle[struct{}, security.Matched[string]](security.AnyOfMatched[string](bearer, key),
		func(c echo.Context, _ struct{}, m security.Matched[string]) (security.Matched[string], error) {
			return m, nil
		}))
	api.GET("/allof", typed.Handle[struct{}, []string](security.AllOf[string](key),
		func(c echo.Context, _ struct{}, v []string) ([]string, error) { return v, nil }))
	api.GET("/allof2", typed.Handle[struct{}, security.Pair[string, string]](security.AllOf2[string, string](key, key),
		func(c echo.Context, _ struct{}, p security.Pair[string, string]) (security.Pair[string, string], error) {
			return p, nil
		}))
	api.GET("/optional", typed.Handle[struct{}, *string](security.Optional[string](key),
		func(c echo.Context, _ struct{}, v *string) (*string, error) { return v, nil }))
	route("/requirescopes", security.Security(security.RequireScopes[string](key, scopesOf), "items"))
	route("/security", security.Security[string](key, "items", "me"))
	route("/depends", typed.Depends(key, func(c echo.Context, v string) (string, error) { return "user(" + v + ")", nil }))
	// A chain of them all: Security → Depends → Optional → AllOf → AnyOf → key.
	route("/chain", security.Security(typed.Depends(security.Optional(security.AllOf(security.AnyOf[string](bearer, key))),
		func(c echo.Context, v *[]string) (string, error) {
			if v == nil {
				return "none", nil
			}
			return strings.Join(*v, ","), nil
		}), "deep"))

	tests := []struct {
		path string
		// without the override
		wantStatus     int
		wantBody       string
		wantChallenges []string
		// with it: always a 200
		wantOverridden string
	}{
		{path: "/anyof", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"Bearer", "APIKey"},
			wantOverridden: `"override:"`},
		{path: "/anyofmatched", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"Bearer", "APIKey"},
			wantOverridden: `{"index":1,"value":"override:"}`},
		{path: "/allof", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"APIKey"},
			wantOverridden: `["override:"]`},
		{path: "/allof2", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"APIKey"},
			wantOverridden: `{"first":"override:","second":"override:"}`},
		{path: "/optional", wantStatus: 200, wantBody: "null",
			wantOverridden: `"override:"`},
		{path: "/requirescopes", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"APIKey"},
			wantOverridden: `"override:items"`},
		{path: "/security", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"APIKey"},
			wantOverridden: `"override:items me"`},
		{path: "/depends", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"APIKey"},
			wantOverridden: `"user(override:)"`},
		{path: "/chain", wantStatus: 200, wantBody: `"none"`,
			wantOverridden: `"override:deep"`},
	}
	check := func(t *testing.T, path string, wantStatus int, wantBody string, wantChallenges []string) {
		t.Helper()
		rec := serve(e, path, nil)
		if rec.Code != wantStatus {
			t.Fatalf("%s: status %d, want %d; body %s", path, rec.Code, wantStatus, rec.Body)
		}
		wantJSON(t, rec.Body.String(), wantBody)
		if got := rec.Header().Values("WWW-Authenticate"); strings.Join(got, "|") != strings.Join(wantChallenges, "|") {
			t.Errorf("%s: WWW-Authenticate = %q, want %q", path, got, wantChallenges)
		}
	}

	for _, tt := range tests {
		t.Run(tt.path[1:]+"/without", func(t *testing.T) { check(t, tt.path, tt.wantStatus, tt.wantBody, tt.wantChallenges) })
	}
	restore := typed.Override[string](api, key, with)
	for _, tt := range tests {
		t.Run(tt.path[1:]+"/overridden", func(t *testing.T) { check(t, tt.path, http.StatusOK, tt.wantOverridden, nil) })
	}
	restore()
	for _, tt := range tests {
		t.Run(tt.path[1:]+"/restored", func(t *testing.T) { check(t, tt.path, tt.wantStatus, tt.wantBody, tt.wantChallenges) })
	}
}
