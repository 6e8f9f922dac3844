package security_test

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// digestUsers is the user table of the Digest tests: FastAPI's Basic
// tutorial user, and one with a non-ASCII name.
var digestUsers = map[string]string{"stanleyjobson": "swordfish", "jöhn": "pässword"}

// lookupPasswords is a DigestAuth Lookup over digestUsers; the user is the
// name.
func lookupPasswords(_ context.Context, username, _ string) (security.DigestUser[string], bool, error) {
	p, ok := digestUsers[username]
	return security.DigestUser[string]{User: username, Password: p}, ok, nil
}

// testClock is a settable time for DigestAuth.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock { return &testClock{t: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// digestApp serves GET /users/me behind auth, answering {"username": user}.
func digestApp(auth typed.Dep[string]) *echo.Echo {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle[struct{}, map[string]string](auth,
		func(c echo.Context, _ struct{}, u string) (map[string]string, error) {
			return map[string]string{"username": u}, nil
		}))
	return e
}

// challenge is a parsed Digest challenge.
type digestChallenge struct {
	security.DigestCredentials // realm, nonce, opaque, algorithm, qop
	stale                      bool
}

// parseChallenges parses the Digest challenges of a response, one per
// WWW-Authenticate value, and fails the test on anything else.
func parseChallenges(t *testing.T, h http.Header) []digestChallenge {
	t.Helper()
	var out []digestChallenge
	for _, v := range h.Values("WWW-Authenticate") {
		params, ok := strings.CutPrefix(v, "Digest ")
		if !ok {
			continue
		}
		c, err := security.ParseDigestCredentials(params)
		if err != nil {
			t.Fatalf("challenge %q: %v", v, err)
		}
		out = append(out, digestChallenge{DigestCredentials: c, stale: strings.HasSuffix(v, ", stale=true")})
	}
	return out
}

// digestClient computes Authorization headers as RFC 7616 §3.4 says,
// independently of the package.
type digestClient struct {
	user, pass string
	cnonce     string
	nc         int
}

func digestHashFor(t *testing.T, alg string) func() hash.Hash {
	switch strings.TrimSuffix(alg, "-sess") {
	case "MD5", "":
		return md5.New
	case "SHA-256":
		return sha256.New
	case "SHA-512-256":
		return sha512.New512_256
	}
	t.Fatalf("algorithm %q", alg)
	return nil
}

func digestHex(h func() hash.Hash, s string) string {
	x := h()
	x.Write([]byte(s))
	return hex.EncodeToString(x.Sum(nil))
}

// authorization answers ch for method and uri with the next nonce count.
func (d *digestClient) authorization(t *testing.T, ch digestChallenge, method, uri string) string {
	d.nc++
	return d.authorizationNC(t, ch, method, uri, d.nc)
}

func (d *digestClient) authorizationNC(t *testing.T, ch digestChallenge, method, uri string, nc int) string {
	h := digestHashFor(t, ch.Algorithm)
	cnonce := d.cnonce
	if cnonce == "" {
		cnonce = "0a4f113b"
	}
	ncs := strings.ToLower(hex.EncodeToString([]byte{byte(nc >> 24), byte(nc >> 16), byte(nc >> 8), byte(nc)}))
	ha1 := digestHex(h, d.user+":"+ch.Realm+":"+d.pass)
	if strings.HasSuffix(ch.Algorithm, "-sess") {
		ha1 = digestHex(h, ha1+":"+ch.Nonce+":"+cnonce)
	}
	ha2 := digestHex(h, method+":"+uri)
	resp := digestHex(h, ha1+":"+ch.Nonce+":"+ncs+":"+cnonce+":auth:"+ha2)
	return `Digest username="` + d.user + `", realm="` + ch.Realm + `", nonce="` + ch.Nonce + `", uri="` + uri +
		`", algorithm=` + ch.Algorithm + `, response="` + resp + `", opaque="` + ch.Opaque +
		`", qop=auth, nc=` + ncs + `, cnonce="` + cnonce + `"`
}

// get sends GET target with the Authorization header authz ("" for none).
func digestGet(e *echo.Echo, target, authz string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if authz != "" {
		req.Header.Set("Authorization", authz)
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

// firstChallenge gets target without credentials and returns the first
// challenge of the 401.
func firstChallenge(t *testing.T, e *echo.Echo, target string) digestChallenge {
	t.Helper()
	rec := digestGet(e, target, "")
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("no credentials: status %d", rec.Code)
	}
	chs := parseChallenges(t, rec.Header())
	if len(chs) == 0 {
		t.Fatalf("no Digest challenge in %q", rec.Header().Values("WWW-Authenticate"))
	}
	return chs[0]
}
