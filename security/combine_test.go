package security_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

func TestAnyOf(t *testing.T) {
	t.Parallel()
	cookie := &security.APIKeyCookie{Name: "session"}
	bearer := &security.OAuth2PasswordBearer{TokenURL: "token"}

	e := echo.New()
	api := echov4.New(e)
	api.GET("/any", typed.Handle[struct{}, security.Matched[string]](security.AnyOfMatched[string](cookie, bearer),
		func(c echo.Context, _ struct{}, m security.Matched[string]) (security.Matched[string], error) {
			return m, nil
		}))
	api.GET("/opt", typed.Handle[struct{}, *string](security.Optional(security.AnyOf[string](cookie, bearer)),
		func(c echo.Context, _ struct{}, v *string) (*string, error) { return v, nil }))
	basicOrBearer := security.AnyOf(
		typed.Depends(&security.HTTPBasic{Realm: "r"}, func(c echo.Context, b security.HTTPBasicCredentials) (string, error) { return b.Username, nil }),
		typed.Depends(&security.HTTPBearer{}, func(c echo.Context, b security.HTTPAuthorizationCredentials) (string, error) {
			return b.Credentials, nil
		}),
	)
	api.GET("/mixed", typed.Handle[struct{}, string](basicOrBearer, func(c echo.Context, _ struct{}, v string) (string, error) { return v, nil }))

	tests := []struct {
		name           string
		whenPath       string
		whenHeader     [][2]string
		wantStatus     int
		wantBody       string
		wantChallenges []string
	}{
		{name: "cookie", whenPath: "/any", whenHeader: [][2]string{{"Cookie", "session=c"}}, wantStatus: 200, wantBody: `{"index":0,"value":"c"}`},
		{name: "bearer", whenPath: "/any", whenHeader: auth("Bearer b"), wantStatus: 200, wantBody: `{"index":1,"value":"b"}`},
		{name: "both: first wins", whenPath: "/any", whenHeader: [][2]string{{"Cookie", "session=c"}, {"Authorization", "Bearer b"}}, wantStatus: 200, wantBody: `{"index":0,"value":"c"}`},
		{name: "none", whenPath: "/any", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"APIKey", "Bearer"}},
		{name: "none again", whenPath: "/any", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"APIKey", "Bearer"}},
		{name: "optional none", whenPath: "/opt", wantStatus: 200, wantBody: "null"},
		{name: "optional some", whenPath: "/opt", whenHeader: auth("Bearer b"), wantStatus: 200, wantBody: `"b"`},
		{name: "mixed basic", whenPath: "/mixed", whenHeader: auth("Basic " + b64("u:p")), wantStatus: 200, wantBody: `"u"`},
		{name: "mixed bearer", whenPath: "/mixed", whenHeader: auth("Bearer t"), wantStatus: 200, wantBody: `"t"`},
		{name: "mixed malformed basic stops", whenPath: "/mixed", whenHeader: auth("Basic !"), wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{`Basic realm="r"`}},
		{name: "mixed none", whenPath: "/mixed", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{`Basic realm="r"`, "Bearer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(e, tt.whenPath, tt.whenHeader)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			wantJSON(t, rec.Body.String(), tt.wantBody)
			if got := rec.Header().Values("WWW-Authenticate"); strings.Join(got, "|") != strings.Join(tt.wantChallenges, "|") {
				t.Errorf("WWW-Authenticate = %q, want %q", got, tt.wantChallenges)
			}
		})
	}

	ops := api.Operations()
	if got := requirements(ops[0]); strings.Join(got, " ") != "APIKeyCookie: OAuth2PasswordBearer:" {
		t.Errorf("AnyOf security = %q, want two alternatives", got)
	}
	if got := requirements(ops[2]); strings.Join(got, " ") != "HTTPBasic: HTTPBearer:" {
		t.Errorf("mixed security = %q, want two alternatives", got)
	}
}

func TestAnyOfErrors(t *testing.T) {
	t.Parallel()
	rejected := typed.Func(func(c echo.Context) (string, error) {
		return "", &typed.HTTPError{Status: http.StatusForbidden, Detail: "no"}
	})
	missingPlain := typed.Func(func(c echo.Context) (string, error) { return "", security.ErrNoCredentials })
	custom := &security.APIKeyHeader{Name: "k", NotAuthenticated: &typed.HTTPError{
		Status: http.StatusTeapot, Detail: "custom", Header: http.Header{"WWW-Authenticate": {"APIKey"}, "X-Extra": {"1"}},
	}}
	tests := []struct {
		name           string
		when           typed.Dep[string]
		wantStatus     int
		wantBody       string
		wantChallenges []string
		wantExtra      string
	}{
		{name: "rejection stops", when: security.AnyOf[string](rejected, &security.OAuth2{}), wantStatus: 403, wantBody: `{"detail":"no"}`},
		{name: "plain missing errors only", when: security.AnyOf(missingPlain, missingPlain), wantStatus: 500},
		{name: "plain then scheme", when: security.AnyOf[string](missingPlain, &security.OAuth2{}), wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"Bearer"}},
		{name: "custom first", when: security.AnyOf[string](custom, &security.OAuth2{}), wantStatus: 418, wantBody: `{"detail":"custom"}`, wantChallenges: []string{"APIKey", "Bearer"}, wantExtra: "1"},
		{name: "duplicate challenges once", when: security.AnyOf[string](&security.OAuth2{}, &security.OpenIDConnect{OpenIDConnectURL: "u"}), wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"Bearer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newServer(tt.when)
			rec := serve(e, "/req", nil)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if tt.wantBody != "" {
				wantJSON(t, rec.Body.String(), tt.wantBody)
			}
			if got := rec.Header().Values("WWW-Authenticate"); strings.Join(got, "|") != strings.Join(tt.wantChallenges, "|") {
				t.Errorf("WWW-Authenticate = %q, want %q", got, tt.wantChallenges)
			}
			if got := rec.Header().Get("X-Extra"); got != tt.wantExtra {
				t.Errorf("X-Extra = %q, want %q", got, tt.wantExtra)
			}
		})
	}
}

func TestAllOf(t *testing.T) {
	t.Parallel()
	key := &security.APIKeyHeader{Name: "x-key"}
	cookie := &security.APIKeyCookie{Name: "csrf"}
	basic := &security.HTTPBasic{}

	e := echo.New()
	api := echov4.New(e)
	api.GET("/all", typed.Handle[struct{}, []string](security.AllOf[string](key, cookie),
		func(c echo.Context, _ struct{}, v []string) ([]string, error) { return v, nil }))
	api.GET("/pair", typed.Handle[struct{}, string](security.AllOf2(key, basic),
		func(c echo.Context, _ struct{}, p security.Pair[string, security.HTTPBasicCredentials]) (string, error) {
			return p.First + "/" + p.Second.Username, nil
		}))
	api.GET("/opt", typed.Handle[struct{}, *[]string](security.Optional(security.AllOf[string](key, cookie)),
		func(c echo.Context, _ struct{}, v *[]string) (*[]string, error) { return v, nil }))

	tests := []struct {
		name          string
		whenPath      string
		whenHeader    [][2]string
		wantStatus    int
		wantBody      string
		wantChallenge string
	}{
		{name: "both", whenPath: "/all", whenHeader: [][2]string{{"X-Key", "k"}, {"Cookie", "csrf=c"}}, wantStatus: 200, wantBody: `["k","c"]`},
		{name: "first missing", whenPath: "/all", whenHeader: [][2]string{{"Cookie", "csrf=c"}}, wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenge: "APIKey"},
		{name: "second missing", whenPath: "/all", whenHeader: [][2]string{{"X-Key", "k"}}, wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenge: "APIKey"},
		{name: "pair", whenPath: "/pair", whenHeader: [][2]string{{"X-Key", "k"}, {"Authorization", "Basic " + b64("u:p")}}, wantStatus: 200, wantBody: `"k/u"`},
		{name: "pair malformed", whenPath: "/pair", whenHeader: [][2]string{{"X-Key", "k"}, {"Authorization", "Basic x"}}, wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenge: "Basic"},
		{name: "optional one missing", whenPath: "/opt", whenHeader: [][2]string{{"X-Key", "k"}}, wantStatus: 200, wantBody: "null"},
		{name: "optional both", whenPath: "/opt", whenHeader: [][2]string{{"X-Key", "k"}, {"Cookie", "csrf=c"}}, wantStatus: 200, wantBody: `["k","c"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(e, tt.whenPath, tt.whenHeader)
			if rec.Code != tt.wantStatus || rec.Header().Get("WWW-Authenticate") != tt.wantChallenge {
				t.Fatalf("got %d %q, want %d %q", rec.Code, rec.Header().Get("WWW-Authenticate"), tt.wantStatus, tt.wantChallenge)
			}
			wantJSON(t, rec.Body.String(), tt.wantBody)
		})
	}
	ops := api.Operations()
	for i, want := range []string{"APIKeyHeader:+APIKeyCookie:", "APIKeyHeader:+HTTPBasic:"} {
		if got := requirements(ops[i]); len(got) != 1 || got[0] != want {
			t.Errorf("%s security = %q, want [%s]", ops[i].Path, got, want)
		}
	}
}

func TestAllOfMergesScopes(t *testing.T) {
	t.Parallel()
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "t"}
	key := &security.APIKeyHeader{Name: "k"}
	dep := security.AllOf[string](security.Security[string](oauth2, "a"), security.Security[string](oauth2, "b", "a"), key)
	if got := requirements(operation(dep)); len(got) != 1 || got[0] != "OAuth2PasswordBearer:a,b+APIKeyHeader:" {
		t.Errorf("security = %q", got)
	}
	alt := security.AnyOf[string](typed.Depends2(oauth2, key, func(c echo.Context, a, b string) (string, error) { return a, nil }), key)
	if got := requirements(operation(alt)); strings.Join(got, " ") != "OAuth2PasswordBearer:+APIKeyHeader: APIKeyHeader:" {
		t.Errorf("AnyOf of a chain: security = %q", got)
	}
}

func TestCombinatorsPanicOnNil(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		when func()
	}{
		{name: "AnyOf empty", when: func() { security.AnyOf[string]() }},
		{name: "AnyOf nil", when: func() { security.AnyOf[string](nil) }},
		{name: "AnyOfMatched empty", when: func() { security.AnyOfMatched[string]() }},
		{name: "AllOf nil", when: func() { security.AllOf[string](nil) }},
		{name: "AllOf2 nil", when: func() { security.AllOf2[string, string](nil, nil) }},
		{name: "Optional nil", when: func() { security.Optional[string](nil) }},
		{name: "Security nil", when: func() { security.Security[string](nil, "x") }},
		{name: "RequireScopes nil", when: func() { security.RequireScopes[string](nil, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r, _ := recover().(string); !strings.HasPrefix(r, "security: ") {
					t.Errorf("panic %q, want a security: message", r)
				}
			}()
			tt.when()
		})
	}
}

func TestErrorsIs(t *testing.T) {
	t.Parallel()
	c := echo.New().NewContext(httpRequest(auth("Basic !")), nil)
	_, malformed := (&security.HTTPBasic{}).Resolve(echov4.NewRequest(c))
	c = echo.New().NewContext(httpRequest(nil), nil)
	_, missing := (&security.HTTPBasic{}).Resolve(echov4.NewRequest(c))
	var he *typed.HTTPError
	switch {
	case !errors.Is(missing, security.ErrNoCredentials), errors.Is(missing, security.ErrMalformedCredentials):
		t.Errorf("missing = %v", missing)
	case errors.Is(malformed, security.ErrNoCredentials), !errors.Is(malformed, security.ErrMalformedCredentials):
		t.Errorf("malformed = %v", malformed)
	case !errors.As(missing, &he) || he.Status != 401:
		t.Errorf("missing is not a 401 *typed.HTTPError: %v", missing)
	}
}

// TestErrorHandlerSeesSchemeErrors: a scheme's error goes to Echo's
// HTTPErrorHandler, its challenge already on the response, as an
// *echo.HTTPError that unwraps to the *typed.HTTPError and its cause, so
// a custom handler can tell missing from malformed credentials; Echo's
// default handler then writes the same answer.
func TestErrorHandlerSeesSchemeErrors(t *testing.T) {
	t.Parallel()
	basic := &security.HTTPBasic{Realm: "r"}
	bearer := &security.OAuth2PasswordBearer{TokenURL: "t"}
	e := echo.New()
	var got error
	var challengeSet []string
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		got = err
		challengeSet = c.Response().Header().Values("WWW-Authenticate")
		e.DefaultHTTPErrorHandler(err, c)
	}
	api := echov4.New(e)
	api.GET("/basic", typed.Handle[struct{}, string](basic,
		func(c echo.Context, _ struct{}, b security.HTTPBasicCredentials) (string, error) {
			return b.Username, nil
		}))
	api.GET("/any", typed.Handle[struct{}, string](security.AnyOf[string](bearer, &security.APIKeyHeader{Name: "k"}),
		func(c echo.Context, _ struct{}, v string) (string, error) { return v, nil }))
	api.GET("/scoped", typed.Handle[struct{}, string](security.Security(security.RequireScopes[string](bearer, strings.Fields), "admin"),
		func(c echo.Context, _ struct{}, v string) (string, error) { return v, nil }))

	tests := []struct {
		name           string
		whenPath       string
		whenHeader     [][2]string
		wantStatus     int
		wantBody       string
		wantChallenges []string
		wantIs         error
		wantNot        error
	}{
		{name: "missing", whenPath: "/basic", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{`Basic realm="r"`},
			wantIs: security.ErrNoCredentials, wantNot: security.ErrMalformedCredentials},
		{name: "malformed", whenPath: "/basic", whenHeader: auth("Basic !"), wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{`Basic realm="r"`},
			wantIs: security.ErrMalformedCredentials},
		{name: "AnyOf all missing", whenPath: "/any", wantStatus: 401, wantBody: notAuthenticatedBody, wantChallenges: []string{"Bearer", "APIKey"},
			wantIs: security.ErrNoCredentials, wantNot: security.ErrMalformedCredentials},
		{name: "insufficient scope", whenPath: "/scoped", whenHeader: auth("Bearer user"), wantStatus: 403, wantBody: `{"detail":"Not enough permissions"}`,
			wantChallenges: []string{`Bearer error="insufficient_scope", scope="admin"`}, wantIs: security.ErrInsufficientScope, wantNot: security.ErrNoCredentials},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, challengeSet = nil, nil
			rec := serve(e, tt.whenPath, tt.whenHeader)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q, want application/json", ct)
			}
			wantJSON(t, rec.Body.String(), tt.wantBody)
			want := strings.Join(tt.wantChallenges, "|")
			if h := rec.Header().Values("WWW-Authenticate"); strings.Join(h, "|") != want {
				t.Errorf("WWW-Authenticate = %q, want %q", h, tt.wantChallenges)
			}
			if strings.Join(challengeSet, "|") != want {
				t.Errorf("challenges on the response when the handler ran = %q, want %q", challengeSet, tt.wantChallenges)
			}
			var ee *echo.HTTPError
			var he *typed.HTTPError
			switch {
			case !errors.As(got, &ee) || ee.Code != tt.wantStatus:
				t.Errorf("handler got %T %v, want an *echo.HTTPError %d", got, got, tt.wantStatus)
			case !errors.As(got, &he) || he.StatusCode() != tt.wantStatus:
				t.Errorf("handler got %v, want it to unwrap to a *typed.HTTPError %d", got, tt.wantStatus)
			case !errors.Is(got, tt.wantIs):
				t.Errorf("handler got %v, want errors.Is %v", got, tt.wantIs)
			case tt.wantNot != nil && errors.Is(got, tt.wantNot):
				t.Errorf("handler got %v, errors.Is %v", got, tt.wantNot)
			}
		})
	}
}
