package security_test

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

var challengeRE = regexp.MustCompile(`^Digest realm="((?:[^"\\]|\\.)*)", qop="auth", algorithm=([A-Z0-9-]+(?:-sess)?), nonce="[A-Za-z0-9_-]{48}", opaque="[A-Za-z0-9_-]{22}"(, stale=true)?$`)

func TestDigestChallenges(t *testing.T) {
	t.Parallel()
	auth := &security.DigestAuth[string]{Realm: `my "realm"`, Lookup: lookupPasswords,
		Algorithms: []string{security.DigestSHA256, security.DigestMD5}}
	e := digestApp(auth)
	rec := digestGet(e, "/users/me", "")
	want401(t, rec, notAuthenticatedBody, rec.Header().Values("WWW-Authenticate")...)
	got := rec.Header().Values("WWW-Authenticate")
	if len(got) != 2 {
		t.Fatalf("WWW-Authenticate = %q, want two challenges", got)
	}
	for i, alg := range []string{"SHA-256", "MD5"} {
		m := challengeRE.FindStringSubmatch(got[i])
		if m == nil || m[1] != `my \"realm\"` || m[2] != alg || m[3] != "" {
			t.Errorf("challenge %d = %q, want the %s challenge", i, got[i], alg)
		}
	}
	chs := parseChallenges(t, rec.Header())
	if chs[0].Nonce != chs[1].Nonce || chs[0].Opaque != chs[1].Opaque || chs[0].Realm != `my "realm"` {
		t.Errorf("challenges %+v: want one nonce, one opaque, the realm unescaped", chs)
	}
	if again := parseChallenges(t, digestGet(e, "/users/me", "").Header()); again[0].Nonce == chs[0].Nonce || again[0].Opaque != chs[0].Opaque {
		t.Errorf("a second 401 has nonce %q opaque %q; want a new nonce, the same opaque", again[0].Nonce, again[0].Opaque)
	}
	if a := auth.Challenges(true); len(a) != 2 || !strings.HasSuffix(a[0], ", stale=true") || !challengeRE.MatchString(a[1]) {
		t.Errorf("Challenges(true) = %q", a)
	}
}

func TestDigestAlgorithms(t *testing.T) {
	t.Parallel()
	for _, alg := range []string{"MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"} {
		for _, stored := range []string{"password", "HA1"} {
			t.Run(alg+"/"+stored, func(t *testing.T) {
				t.Parallel()
				var gotAlg string
				auth := &security.DigestAuth[string]{Realm: "r", Algorithms: []string{alg},
					Lookup: func(ctx context.Context, username, algorithm string) (security.DigestUser[string], bool, error) {
						gotAlg = algorithm
						u, ok, err := lookupPasswords(ctx, username, algorithm)
						if stored == "HA1" {
							u.HA1, u.Password = strings.ToUpper(security.DigestHA1(algorithm, username, "r", u.Password)), ""
						}
						return u, ok, err
					}}
				e := digestApp(auth)
				ch := firstChallenge(t, e, "/users/me")
				if ch.Algorithm != alg {
					t.Fatalf("challenge algorithm %q", ch.Algorithm)
				}
				cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
				want200(t, digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson"}`)
				if base := strings.TrimSuffix(alg, "-sess"); gotAlg != base {
					t.Errorf("Lookup got algorithm %q, want %q", gotAlg, base)
				}
				cl.pass = "swordfish!"
				rec := digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me"))
				want401(t, rec, `{"detail":"Incorrect username or password"}`, rec.Header().Values("WWW-Authenticate")...)
			})
		}
	}
}

// TestDigestVerify holds the checks of one request each, against a
// server offering SHA-256 and MD5.
func TestDigestVerify(t *testing.T) {
	t.Parallel()
	clk := newTestClock()
	auth := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Now: clk.Now,
		Algorithms: []string{security.DigestSHA256, security.DigestMD5}}
	e := digestApp(auth)
	ok := &digestClient{user: "stanleyjobson", pass: "swordfish"}
	const incorrect = `{"detail":"Incorrect username or password"}`

	tests := []struct {
		name       string
		whenTarget string // "/users/me" when empty
		whenAuth   func(ch digestChallenge) string
		wantStatus int
		wantBody   string
		wantErr    error
		wantStale  bool
	}{
		{name: "right", whenAuth: func(ch digestChallenge) string { return ok.authorization(t, ch, "GET", "/users/me") },
			wantStatus: 200, wantBody: `{"username":"stanleyjobson"}`},
		{name: "MD5 alongside", whenAuth: func(ch digestChallenge) string {
			ch.Algorithm = "MD5"
			return ok.authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 200, wantBody: `{"username":"stanleyjobson"}`},
		{name: "query in the target", whenTarget: "/users/me?x=1,2", whenAuth: func(ch digestChallenge) string {
			return ok.authorization(t, ch, "GET", "/users/me?x=1,2")
		}, wantStatus: 200, wantBody: `{"username":"stanleyjobson"}`},
		{name: "absolute-form uri", whenAuth: func(ch digestChallenge) string {
			return ok.authorization(t, ch, "GET", "http://example.com/users/me")
		}, wantStatus: 200, wantBody: `{"username":"stanleyjobson"}`},
		{name: "non-ASCII username", whenAuth: func(ch digestChallenge) string {
			return (&digestClient{user: "jöhn", pass: "pässword"}).authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 200, wantBody: `{"username":"jöhn"}`},
		{name: "username*", whenAuth: func(ch digestChallenge) string {
			a := (&digestClient{user: "jöhn", pass: "pässword"}).authorization(t, ch, "GET", "/users/me")
			return strings.Replace(a, `username="jöhn"`, `username*=UTF-8''j%C3%B6hn`, 1)
		}, wantStatus: 200, wantBody: `{"username":"jöhn"}`},
		{name: "case of names and hex", whenAuth: func(ch digestChallenge) string {
			a := ok.authorization(t, ch, "GET", "/users/me")
			a = strings.Replace(a, "username=", "UserName=", 1)
			i := strings.Index(a, `response="`) + len(`response="`)
			return a[:i] + strings.ToUpper(a[i:i+64]) + a[i+64:]
		}, wantStatus: 200, wantBody: `{"username":"stanleyjobson"}`},
		{name: "wrong password", whenAuth: func(ch digestChallenge) string {
			return (&digestClient{user: "stanleyjobson", pass: "sword"}).authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "unknown user", whenAuth: func(ch digestChallenge) string {
			return (&digestClient{user: "nobody", pass: "swordfish"}).authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "other method signed", whenAuth: func(ch digestChallenge) string { return ok.authorization(t, ch, "POST", "/users/me") },
			wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "uri of another resource", whenAuth: func(ch digestChallenge) string { return ok.authorization(t, ch, "GET", "/users/you") },
			wantStatus: 400, wantBody: `{"detail":"Digest uri does not match the request target"}`, wantErr: security.ErrDigestRejected},
		{name: "wrong realm", whenAuth: func(ch digestChallenge) string {
			ch.Realm = "other"
			return ok.authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "wrong opaque", whenAuth: func(ch digestChallenge) string {
			ch.Opaque = "x"
			return ok.authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "forged nonce", whenAuth: func(ch digestChallenge) string {
			b := []byte(ch.Nonce)
			b[3] ^= 1
			ch.Nonce = string(b)
			return ok.authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "algorithm not offered", whenAuth: func(ch digestChallenge) string {
			ch.Algorithm = "SHA-256-sess"
			return ok.authorization(t, ch, "GET", "/users/me")
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "no algorithm is MD5", whenAuth: func(ch digestChallenge) string {
			ch.Algorithm = "MD5"
			return strings.Replace(ok.authorization(t, ch, "GET", "/users/me"), "algorithm=MD5, ", "", 1)
		}, wantStatus: 200, wantBody: `{"username":"stanleyjobson"}`},
		{name: "no qop (RFC 2069)", whenAuth: func(ch digestChallenge) string {
			return strings.Replace(ok.authorization(t, ch, "GET", "/users/me"), "qop=auth, ", "", 1)
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "nc zero", whenAuth: func(ch digestChallenge) string { return ok.authorizationNC(t, ch, "GET", "/users/me", 0) },
			wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "userhash", whenAuth: func(ch digestChallenge) string {
			return ok.authorization(t, ch, "GET", "/users/me") + ", userhash=true"
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "no response", whenAuth: func(ch digestChallenge) string {
			return `Digest username="stanleyjobson", realm="r", nonce="` + ch.Nonce + `", uri="/users/me"`
		}, wantStatus: 401, wantBody: incorrect, wantErr: security.ErrDigestRejected},
		{name: "malformed", whenAuth: func(digestChallenge) string { return `Digest username="stanleyjobson` },
			wantStatus: 401, wantBody: notAuthenticatedBody, wantErr: security.ErrMalformedCredentials},
		{name: "duplicate parameter", whenAuth: func(ch digestChallenge) string {
			return ok.authorization(t, ch, "GET", "/users/me") + `, username="admin"`
		}, wantStatus: 401, wantBody: notAuthenticatedBody, wantErr: security.ErrMalformedCredentials},
		{name: "missing", whenAuth: func(digestChallenge) string { return "" },
			wantStatus: 401, wantBody: notAuthenticatedBody, wantErr: security.ErrNoCredentials},
		{name: "other scheme", whenAuth: func(digestChallenge) string { return "Basic c3RhbmxleWpvYnNvbjpzd29yZGZpc2g=" },
			wantStatus: 401, wantBody: notAuthenticatedBody, wantErr: security.ErrNoCredentials},
		{name: "scheme only", whenAuth: func(digestChallenge) string { return "Digest" },
			wantStatus: 401, wantBody: notAuthenticatedBody, wantErr: security.ErrNoCredentials},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := tt.whenTarget
			if target == "" {
				target = "/users/me"
			}
			ch := firstChallenge(t, e, target)
			authz := tt.whenAuth(ch)
			rec := digestGet(e, target, authz)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %s", rec.Code, tt.wantStatus, rec.Body)
			}
			wantJSON(t, rec.Body.String(), tt.wantBody)
			chs := rec.Header().Values("WWW-Authenticate")
			switch {
			case tt.wantStatus == 401 && len(chs) != 2:
				t.Errorf("WWW-Authenticate = %q, want two challenges", chs)
			case tt.wantStatus != 401 && len(chs) != 0:
				t.Errorf("WWW-Authenticate = %q, want none", chs)
			}
			for _, c := range chs {
				if m := challengeRE.FindStringSubmatch(c); m == nil || (m[3] != "") != tt.wantStale {
					t.Errorf("challenge %q, want stale %v", c, tt.wantStale)
				}
			}
			if tt.wantErr != nil {
				req, _ := http.NewRequest(http.MethodGet, target, nil)
				req.RequestURI = target
				if authz != "" {
					req.Header.Set("Authorization", authz)
				}
				_, err := auth.Resolve(echov4.NewRequest(echo.New().NewContext(req, nil)))
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("Resolve error %v, want %v", err, tt.wantErr)
				}
			}
		})
	}
}

func TestDigestNonceLifetime(t *testing.T) {
	t.Parallel()
	clk := newTestClock()
	auth := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Now: clk.Now, NonceTTL: time.Minute}
	e := digestApp(auth)
	cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
	ch := firstChallenge(t, e, "/users/me")
	want200(t, digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson"}`)

	clk.Add(59 * time.Second)
	want200(t, digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson"}`)

	clk.Add(time.Second) // expired
	rec := digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me"))
	want401(t, rec, notAuthenticatedBody, rec.Header().Values("WWW-Authenticate")...)
	chs := parseChallenges(t, rec.Header())
	if len(chs) != 1 || !chs[0].stale || chs[0].Nonce == ch.Nonce {
		t.Fatalf("expired nonce: challenges %+v, want one with stale=true and a new nonce", chs)
	}
	// Wrong password with the expired nonce: not stale.
	bad := &digestClient{user: "stanleyjobson", pass: "x"}
	if c := parseChallenges(t, digestGet(e, "/users/me", bad.authorization(t, ch, "GET", "/users/me")).Header()); c[0].stale {
		t.Errorf("wrong password with an expired nonce got stale=true")
	}
	// The client retries with the new nonce.
	want200(t, digestGet(e, "/users/me", cl.authorization(t, chs[0], "GET", "/users/me")), `{"username":"stanleyjobson"}`)

	// A nonce from the far future (a clock skew beyond the TTL) is refused.
	clk.Add(-time.Hour)
	if rec := digestGet(e, "/users/me", cl.authorization(t, chs[0], "GET", "/users/me")); rec.Code != 401 {
		t.Errorf("nonce from the future: %d", rec.Code)
	}
}

func TestDigestReplay(t *testing.T) {
	t.Parallel()
	clk := newTestClock()
	auth := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Now: clk.Now}
	e := digestApp(auth)
	cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
	ch := firstChallenge(t, e, "/users/me")
	status := func(nc int) int {
		return digestGet(e, "/users/me", cl.authorizationNC(t, ch, "GET", "/users/me", nc)).Code
	}
	for i, step := range []struct {
		nc, want int
	}{
		{1, 200}, {1, 401}, // replay
		{3, 200}, {2, 200}, {2, 401}, {3, 401}, // out of order within the window, once each
		{100, 200}, {36, 401}, // 64 behind: out of the window
		{37, 200}, {37, 401}, {100, 401}, {101, 200}, {101, 401},
	} {
		if got := status(step.nc); got != step.want {
			t.Errorf("step %d: nc=%d: %d, want %d", i, step.nc, got, step.want)
		}
	}
	// A replayed request is rejected, not stale: it proves nothing.
	rec := digestGet(e, "/users/me", cl.authorizationNC(t, ch, "GET", "/users/me", 1))
	if chs := parseChallenges(t, rec.Header()); rec.Code != 401 || chs[0].stale {
		t.Errorf("replay: %d %+v", rec.Code, chs)
	}
}

func TestDigestMaxNonces(t *testing.T) {
	t.Parallel()
	clk := newTestClock()
	auth := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Now: clk.Now, MaxNonces: 2}
	e := digestApp(auth)
	cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
	var chs []digestChallenge
	for range 3 {
		ch := firstChallenge(t, e, "/users/me")
		clk.Add(time.Second)
		want200(t, digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson"}`)
		chs = append(chs, ch)
	}
	// The first nonce was forgotten to make room for the third: its next
	// count cannot be checked, so it is stale (not accepted, not rejected).
	rec := digestGet(e, "/users/me", cl.authorization(t, chs[0], "GET", "/users/me"))
	if got := parseChallenges(t, rec.Header()); rec.Code != 401 || !got[0].stale {
		t.Errorf("forgotten nonce: %d %+v, want 401 stale", rec.Code, got)
	}
	want200(t, digestGet(e, "/users/me", cl.authorization(t, chs[2], "GET", "/users/me")), `{"username":"stanleyjobson"}`)
}

// TestDigestStateless: instances sharing a Key accept each other's nonces;
// another key or realm does not.
func TestDigestStateless(t *testing.T) {
	t.Parallel()
	key := []byte("0123456789abcdef0123456789abcdef")
	a := digestApp(&security.DigestAuth[string]{Realm: "r", Key: key, Lookup: lookupPasswords})
	b := digestApp(&security.DigestAuth[string]{Realm: "r", Key: key, Lookup: lookupPasswords})
	other := digestApp(&security.DigestAuth[string]{Realm: "r", Key: []byte("another key, 16+ bytes"), Lookup: lookupPasswords})
	cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
	ch := firstChallenge(t, a, "/users/me")
	want200(t, digestGet(b, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson"}`)
	want200(t, digestGet(a, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson"}`)
	if rec := digestGet(other, "/users/me", cl.authorization(t, ch, "GET", "/users/me")); rec.Code != 401 {
		t.Errorf("another key accepted the nonce: %d", rec.Code)
	}
	if got := firstChallenge(t, b, "/users/me").Opaque; got != ch.Opaque {
		t.Errorf("opaque differs between instances: %q, %q", got, ch.Opaque)
	}
}

// TestDigestOncePerRequest: a dependency reached twice checks the nonce
// count once (the second check would be a replay).
func TestDigestOncePerRequest(t *testing.T) {
	t.Parallel()
	auth := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords}
	twice := typed.Depends2[string, string](auth, typed.Depends(auth, func(c echo.Context, u string) (string, error) { return u, nil }),
		func(c echo.Context, a, b string) (string, error) { return a + "=" + b, nil })
	e := digestApp(twice)
	cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
	ch := firstChallenge(t, e, "/users/me")
	want200(t, digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson=stanleyjobson"}`)
}

func TestDigestLookupError(t *testing.T) {
	t.Parallel()
	auth := &security.DigestAuth[string]{Realm: "r",
		Lookup: func(context.Context, string, string) (security.DigestUser[string], bool, error) {
			return security.DigestUser[string]{}, false, typed.NewHTTPError(http.StatusServiceUnavailable, "user store down")
		}}
	e := digestApp(auth)
	ch := firstChallenge(t, e, "/users/me")
	rec := digestGet(e, "/users/me", (&digestClient{user: "u", pass: "p"}).authorization(t, ch, "GET", "/users/me"))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", rec.Code)
	}
}

// TestDigestLookupContext: Lookup receives the request's context, with the
// values middleware put in it.
func TestDigestLookupContext(t *testing.T) {
	t.Parallel()
	type ctxKey struct{}
	var got any
	auth := &security.DigestAuth[string]{Realm: "r",
		Lookup: func(ctx context.Context, username, algorithm string) (security.DigestUser[string], bool, error) {
			got = ctx.Value(ctxKey{})
			return lookupPasswords(ctx, username, algorithm)
		}}
	e := digestApp(auth)
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), ctxKey{}, "from middleware")))
			return next(c)
		}
	})
	ch := firstChallenge(t, e, "/users/me")
	cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
	want200(t, digestGet(e, "/users/me", cl.authorization(t, ch, "GET", "/users/me")), `{"username":"stanleyjobson"}`)
	if got != "from middleware" {
		t.Errorf("Lookup's context holds %v, want the request's", got)
	}
}

func TestDigestOptionalAndAnyOf(t *testing.T) {
	t.Parallel()
	digest := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords}
	e, _ := newServer[string](digest)
	want200(t, serve(e, "/opt", nil), "null")
	rec := serve(e, "/opt", auth(`Digest username="x`))
	want401(t, rec, notAuthenticatedBody, rec.Header().Values("WWW-Authenticate")...)

	bearer := &security.HTTPBearer{}
	either := security.AnyOfMatched[string](digest,
		typed.Depends(bearer, func(c echo.Context, b security.HTTPAuthorizationCredentials) (string, error) {
			return b.Credentials, nil
		}))
	e, _ = newServer(either)
	rec = serve(e, "/req", nil)
	chs := rec.Header().Values("WWW-Authenticate")
	if rec.Code != 401 || len(chs) != 2 || !challengeRE.MatchString(chs[0]) || chs[1] != "Bearer" {
		t.Errorf("AnyOf(digest, bearer) without credentials: %d %q", rec.Code, chs)
	}
	want200(t, serve(e, "/req", auth("Bearer tok")), `{"index":1,"value":"tok"}`)
}

func TestDigestNotAuthenticated(t *testing.T) {
	t.Parallel()
	auth := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords,
		HTTPDigest: security.HTTPDigest{SchemeName: "digest", NotAuthenticated: &typed.HTTPError{
			Status: http.StatusUnauthorized, Detail: "log in", Header: http.Header{"WWW-Authenticate": {"Digest"}, "X-Extra": {"1"}},
		}}}
	e := digestApp(auth)
	rec := digestGet(e, "/users/me", "")
	chs := rec.Header().Values("WWW-Authenticate")
	if rec.Code != 401 || len(chs) != 1 || !challengeRE.MatchString(chs[0]) || rec.Header().Get("X-Extra") != "1" {
		t.Errorf("got %d %q %q", rec.Code, chs, rec.Header())
	}
	wantJSON(t, rec.Body.String(), `{"detail":"log in"}`)
	if got := requirements(operation[string](auth)); len(got) != 1 || got[0] != "digest:" {
		t.Errorf("security = %q", got)
	}
	if so := auth.SchemeObject(); so.Type != "http" || so.Scheme != "digest" {
		t.Errorf("SchemeObject = %+v", so)
	}
}

func TestDigestConfigPanics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		when *security.DigestAuth[string]
	}{
		{name: "no realm", when: &security.DigestAuth[string]{Lookup: lookupPasswords}},
		{name: "no lookup", when: &security.DigestAuth[string]{Realm: "r"}},
		{name: "short key", when: &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Key: []byte("short")}},
		{name: "unknown algorithm", when: &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Algorithms: []string{"SHA-1"}}},
		{name: "algorithm twice", when: &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Algorithms: []string{"MD5", "md5"}}},
		{name: "negative TTL", when: &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, NonceTTL: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r, _ := recover().(string); !strings.HasPrefix(r, "security: ") {
					t.Errorf("panic %q, want a security: message", r)
				}
			}()
			operation[string](tt.when) // Describe checks the configuration
		})
	}
	defer func() {
		if r, _ := recover().(string); !strings.HasPrefix(r, "security: ") {
			t.Errorf("DigestHA1: panic %q", r)
		}
	}()
	security.DigestHA1("SHA-1", "u", "r", "p")
}

func TestDigestHA1(t *testing.T) {
	t.Parallel()
	// The user of RFC 7616 §3.9.1; values from Python's hashlib.
	for _, tt := range []struct{ alg, want string }{
		{"MD5", "3d78807defe7de2157e2b0b6573a855f"},
		{"MD5-sess", "3d78807defe7de2157e2b0b6573a855f"},
		{"SHA-256", "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232"},
		{"sha-256-sess", "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232"},
		{"SHA-512-256", "fb174f5c3c7802721517cae13b98e2b8dae2e0118cb705d94ee29946319204ce"},
	} {
		if got := security.DigestHA1(tt.alg, "Mufasa", "http-auth@example.org", "Circle of Life"); got != tt.want {
			t.Errorf("DigestHA1(%s) = %s, want %s", tt.alg, got, tt.want)
		}
	}
}
