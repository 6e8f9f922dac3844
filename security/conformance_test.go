package security_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v4"
)

// The conformance table holds every scheme to the rules every scheme must
// share, written once (the slogtest idea): a missing credential
// is a 401 {"detail":"Not authenticated"} with exactly the scheme's
// challenge, and nil under Optional; a present one resolves under both; a
// malformed one (HTTP Basic) stays a 401 under Optional; NotAuthenticated
// replaces status, detail and headers without changing any of that; and
// SecuritySchemeName defaults to FastAPI's class name.

// scheme is what every scheme of package security is.
type scheme[T any] interface {
	typed.Dep[T]
	security.Scheme
}

type conformance struct {
	name          string
	wantName      string // default SecuritySchemeName
	wantChallenge string
	present       [][2]string // headers that carry a credential
	presentQuery  string
	malformed     [][2]string // headers with an unreadable credential; nil if none exists
	// serve builds a server with /req and /opt around a new scheme whose
	// NotAuthenticated is na, and returns it and the scheme.
	serve func(na *typed.HTTPError) (*echo.Echo, security.Scheme)
}

func conformant[T any](mk func(na *typed.HTTPError) scheme[T]) func(*typed.HTTPError) (*echo.Echo, security.Scheme) {
	return func(na *typed.HTTPError) (*echo.Echo, security.Scheme) {
		s := mk(na)
		e, _ := newServer[T](s)
		return e, s
	}
}

var conformanceTable = []conformance{
	{name: "APIKeyQuery", wantName: "APIKeyQuery", wantChallenge: "APIKey", presentQuery: "?k=v",
		serve: conformant(func(na *typed.HTTPError) scheme[string] {
			return &security.APIKeyQuery{Name: "k", NotAuthenticated: na}
		})},
	{name: "APIKeyHeader", wantName: "APIKeyHeader", wantChallenge: "APIKey", present: [][2]string{{"K", "v"}},
		serve: conformant(func(na *typed.HTTPError) scheme[string] {
			return &security.APIKeyHeader{Name: "k", NotAuthenticated: na}
		})},
	{name: "APIKeyCookie", wantName: "APIKeyCookie", wantChallenge: "APIKey", present: [][2]string{{"Cookie", "k=v"}},
		serve: conformant(func(na *typed.HTTPError) scheme[string] {
			return &security.APIKeyCookie{Name: "k", NotAuthenticated: na}
		})},
	{name: "HTTPBasic", wantName: "HTTPBasic", wantChallenge: "Basic", present: auth("Basic dXNlcjpwYXNz"), malformed: auth("Basic dXNlcg=="),
		serve: conformant(func(na *typed.HTTPError) scheme[security.HTTPBasicCredentials] {
			return &security.HTTPBasic{NotAuthenticated: na}
		})},
	{name: "HTTPBasic realm", wantName: "HTTPBasic", wantChallenge: `Basic realm="simple"`, present: auth("Basic dXNlcjpwYXNz"), malformed: auth("Basic !"),
		serve: conformant(func(na *typed.HTTPError) scheme[security.HTTPBasicCredentials] {
			return &security.HTTPBasic{Realm: "simple", NotAuthenticated: na}
		})},
	{name: "HTTPBearer", wantName: "HTTPBearer", wantChallenge: "Bearer", present: auth("Bearer t"),
		serve: conformant(func(na *typed.HTTPError) scheme[security.HTTPAuthorizationCredentials] {
			return &security.HTTPBearer{NotAuthenticated: na}
		})},
	{name: "HTTPDigest", wantName: "HTTPDigest", wantChallenge: "Digest", present: auth("Digest x=1"),
		serve: conformant(func(na *typed.HTTPError) scheme[security.HTTPAuthorizationCredentials] {
			return &security.HTTPDigest{NotAuthenticated: na}
		})},
	{name: "OAuth2", wantName: "OAuth2", wantChallenge: "Bearer", present: auth("Bearer t"),
		serve: conformant(func(na *typed.HTTPError) scheme[string] { return &security.OAuth2{NotAuthenticated: na} })},
	{name: "OAuth2PasswordBearer", wantName: "OAuth2PasswordBearer", wantChallenge: "Bearer", present: auth("Bearer t"),
		serve: conformant(func(na *typed.HTTPError) scheme[string] {
			return &security.OAuth2PasswordBearer{TokenURL: "token", NotAuthenticated: na}
		})},
	{name: "OAuth2AuthorizationCodeBearer", wantName: "OAuth2AuthorizationCodeBearer", wantChallenge: "Bearer", present: auth("Bearer t"),
		serve: conformant(func(na *typed.HTTPError) scheme[string] {
			return &security.OAuth2AuthorizationCodeBearer{AuthorizationURL: "a", TokenURL: "t", NotAuthenticated: na}
		})},
	{name: "OpenIDConnect", wantName: "OpenIdConnect", wantChallenge: "Bearer", present: auth("Bearer t"),
		serve: conformant(func(na *typed.HTTPError) scheme[string] {
			return &security.OpenIDConnect{OpenIDConnectURL: "/openid", NotAuthenticated: na}
		})},
}

func TestConformance(t *testing.T) {
	t.Parallel()
	custom := &typed.HTTPError{
		Status: http.StatusForbidden,
		Detail: map[string]string{"msg": "go away"},
		Header: http.Header{"x-reason": {"custom"}},
	}
	for _, tt := range conformanceTable {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, s := tt.serve(nil)
			if got := s.SecuritySchemeName(); got != tt.wantName {
				t.Errorf("SecuritySchemeName() = %q, want %q", got, tt.wantName)
			}
			t.Run("missing", func(t *testing.T) {
				want401(t, serve(e, "/req", nil), notAuthenticatedBody, tt.wantChallenge)
				want401(t, serve(e, "/req", nil), notAuthenticatedBody, tt.wantChallenge) // the same answer again
				want200(t, serve(e, "/opt", nil), "null")
			})
			t.Run("present", func(t *testing.T) {
				for _, path := range []string{"/req", "/opt"} {
					if rec := serve(e, path+tt.presentQuery, tt.present); rec.Code != http.StatusOK || rec.Body.String() == "null\n" {
						t.Errorf("%s: %d %s, want a credential", path, rec.Code, rec.Body)
					}
				}
			})
			if tt.malformed != nil {
				t.Run("malformed", func(t *testing.T) {
					want401(t, serve(e, "/req", tt.malformed), notAuthenticatedBody, tt.wantChallenge)
					want401(t, serve(e, "/opt", tt.malformed), notAuthenticatedBody, tt.wantChallenge)
				})
			}
			t.Run("NotAuthenticated", func(t *testing.T) {
				e, _ := tt.serve(custom)
				check := func(rec *httptest.ResponseRecorder, path string) {
					if rec.Code != http.StatusForbidden || rec.Header().Get("X-Reason") != "custom" || rec.Header().Get("WWW-Authenticate") != "" {
						t.Errorf("%s: %d %v, want the custom error", path, rec.Code, rec.Header())
					}
				}
				rec := serve(e, "/req", nil)
				check(rec, "/req")
				wantJSON(t, rec.Body.String(), `{"detail":{"msg":"go away"}}`)
				want200(t, serve(e, "/opt", nil), "null")
				if tt.malformed != nil {
					check(serve(e, "/opt", tt.malformed), "/opt malformed")
				}
			})
		})
	}
}
