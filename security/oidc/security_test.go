package oidc_test

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/security/oidc"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/go-jose/go-jose/v4"
	"github.com/labstack/echo/v4"
)

// Regression tests of the security review (issue 12), over HTTP against a
// local provider.

// Bounds of the F4 tests, with room for a loaded machine. A request that
// must not wait for the provider answers within fast; one that waits for
// a fetch answers within bounded (the verifier gives up 2 s after the
// fetch began). Before the fix, both waited for the whole fetch: 10 s, or
// the HTTP client's timeout.
const (
	fast    = 1500 * time.Millisecond
	bounded = 4 * time.Second
)

// stall makes p's key set hang from now on; the returned function (also
// run at cleanup) releases it.
func stall(t *testing.T, p *provider) (release func()) {
	ch := make(chan struct{})
	p.set(func(p *provider) { p.stall = ch })
	var once sync.Once
	release = func() {
		once.Do(func() {
			p.set(func(p *provider) { p.stall = nil })
			close(ch)
		})
	}
	t.Cleanup(release)
	return release
}

// answer is one response of the app.
type answer struct {
	status           int
	retryAfter, body string
	took             time.Duration
}

// timedGet is get, timed, with the Retry-After header; an answer that took
// longer than limit fails the test. It may run on any goroutine.
func timedGet(t *testing.T, e *echo.Echo, auth string, limit time.Duration) answer {
	t.Helper()
	start := time.Now()
	req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
	req.Header.Set("Authorization", auth)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	a := answer{rec.Code, rec.Header().Get("Retry-After"), strings.TrimSpace(rec.Body.String()), time.Since(start)}
	if a.took > limit {
		t.Errorf("answered %d after %v, want within %v", a.status, a.took, limit)
	}
	return a
}

// eventually polls cond every 20 ms for up to 10 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSecurityF4HangingJWKS: a key set endpoint that hangs (accepts the
// connection, never answers) must not stall valid requests. Cached keys
// verify at once, even when older than KeyMaxAge (stale-while-revalidate);
// a request that needs a fetch waits for it a bounded time; after a failed
// fetch the 503 is immediate for the retry window, counted from the end of
// the fetch; and tokens with unknown kids share one fetch.
func TestSecurityF4HangingJWKS(t *testing.T) {
	unavailable := `{"detail":"The identity provider is unavailable"}`

	t.Run("old keys verify at once while the refresh hangs", func(t *testing.T) {
		p := newProvider(t.Cleanup)
		clk := newClock()
		e := app(p, clk, func(v *oidc.Verifier[claims]) { v.KeyMaxAge = time.Minute })
		if a := timedGet(t, e, "Bearer "+p.sign(goodClaims(p, clk.Now()), nil), bounded); a.status != 200 {
			t.Fatalf("first request: %+v", a)
		}
		release := stall(t, p)
		clk.Add(2 * time.Minute) // the keys are now older than KeyMaxAge
		for i := range 10 {
			if a := timedGet(t, e, "Bearer "+p.sign(goodClaims(p, clk.Now()), nil), fast); a.status != 200 || a.body != ok {
				t.Errorf("request %d with old keys, key set hanging: %+v", i, a)
			}
		}
		// The refresh runs in the background: one fetch, hanging.
		eventually(t, "the background fetch", func() bool { _, n := p.counts(); return n == 2 })

		// The provider rotates meanwhile. A token with the new kid waits for
		// the running fetch, a bounded time, then is a 503 to retry soon;
		// tokens with the old kid still verify at once.
		p.rotate(true)
		newKid := "Bearer " + p.sign(goodClaims(p, clk.Now()), nil)
		if a := timedGet(t, e, newKid, bounded); a.status != 503 || a.retryAfter != "1" || a.body != unavailable {
			t.Errorf("new kid while the fetch hangs: %+v, want 503 with Retry-After: 1", a)
		}
		if _, n := p.counts(); n != 2 {
			t.Errorf("%d key set fetches, want 2: one running", n)
		}
		// The provider answers at last: the fetch that was running brings
		// the new key, with no other fetch.
		release()
		eventually(t, "the new key", func() bool { status, _, _ := get(e, newKid); return status == 200 })
		if _, n := p.counts(); n != 2 {
			t.Errorf("%d key set fetches, want 2", n)
		}
	})

	t.Run("before the first fetch, default settings", func(t *testing.T) {
		// The defaults: a 10 s fetch timeout and refresh interval. The
		// first request waits 2 s, not 10; the next ones do not wait.
		p := newProvider(t.Cleanup)
		stall(t, p)
		e := app(p, nil)
		token := "Bearer " + p.sign(goodClaims(p, time.Now()), nil)
		if a := timedGet(t, e, token, bounded); a.status != 503 || a.retryAfter != "1" || a.body != unavailable {
			t.Errorf("first request, key set hanging: %+v, want 503 with Retry-After: 1", a)
		}
		for i := range 5 {
			if a := timedGet(t, e, token, fast); a.status != 503 || a.retryAfter == "" {
				t.Errorf("request %d while the fetch hangs: %+v, want an immediate 503 with Retry-After", i, a)
			}
		}
		if _, n := p.counts(); n != 1 {
			t.Errorf("%d key set fetches, want 1", n)
		}
	})

	t.Run("hanging discovery document", func(t *testing.T) {
		// The same bound before the keys: a provider whose discovery
		// endpoint accepts connections and never answers.
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		check(err)
		var mu sync.Mutex
		var conns []net.Conn
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				mu.Lock()
				conns = append(conns, c)
				mu.Unlock()
			}
		}()
		t.Cleanup(func() {
			ln.Close()
			mu.Lock()
			defer mu.Unlock()
			for _, c := range conns {
				c.Close()
			}
		})
		oid := &security.OpenIDConnect{OpenIDConnectURL: "http://" + ln.Addr().String() + "/.well-known/openid-configuration"}
		v := &oidc.Verifier[claims]{Scheme: oid, ClientID: "my-api"}
		e := echo.New()
		echov4.New(e).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c claims) (claims, error) { return c, nil }))
		if a := timedGet(t, e, "Bearer x.y.z", bounded); a.status != 503 || a.retryAfter != "1" || a.body != unavailable {
			t.Errorf("first request, discovery hanging: %+v, want 503 with Retry-After: 1", a)
		}
		for i := range 3 {
			if a := timedGet(t, e, "Bearer x.y.z", fast); a.status != 503 || a.retryAfter != "1" {
				t.Errorf("request %d while the discovery hangs: %+v, want an immediate 503 with Retry-After: 1", i, a)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if len(conns) != 1 {
			t.Errorf("%d connections to the discovery endpoint, want 1", len(conns))
		}
	})

	t.Run("retry window counted from the end of the failed fetch", func(t *testing.T) {
		// A fetch timeout equal to the refresh interval, as by default,
		// scaled down (1.5 s, less than the 2 s a request waits): counted
		// from the start of the fetch, the window would be over as soon as
		// the fetch failed, and every request would wait for a fetch of
		// its own.
		p := newProvider(t.Cleanup)
		stall(t, p)
		e := app(p, nil, func(v *oidc.Verifier[claims]) {
			v.HTTPClient = &http.Client{Timeout: 1500 * time.Millisecond}
			v.KeyRefreshInterval = 1500 * time.Millisecond
		})
		token := "Bearer " + p.sign(goodClaims(p, time.Now()), nil)
		// The window's seconds left, rounded up: 2, or 1 on a machine slow
		// enough to answer late.
		if a := timedGet(t, e, token, bounded); a.status != 503 || (a.retryAfter != "2" && a.retryAfter != "1") {
			t.Errorf("first request: %+v, want 503 with Retry-After: 2 (or 1)", a)
		}
		for i := range 3 {
			if a := timedGet(t, e, token, 750*time.Millisecond); a.status != 503 || (a.retryAfter != "1" && a.retryAfter != "2") || a.body != unavailable {
				t.Errorf("request %d right after the failed fetch: %+v, want an immediate 503 with Retry-After: 1 or 2", i, a)
			}
		}
		if _, n := p.counts(); n != 1 {
			t.Errorf("%d key set fetches, want 1", n)
		}
	})

	t.Run("unknown kids during an outage share one bounded wait", func(t *testing.T) {
		p := newProvider(t.Cleanup)
		clk := newClock()
		e := app(p, clk, func(v *oidc.Verifier[claims]) {
			v.HTTPClient = &http.Client{Timeout: 6 * time.Second}
		})
		valid := "Bearer " + p.sign(goodClaims(p, clk.Now()), nil)
		if a := timedGet(t, e, valid, bounded); a.status != 200 {
			t.Fatalf("first request: %+v", a)
		}
		stall(t, p)
		clk.Add(11 * time.Second) // past the refresh interval: unknown kids may fetch
		p.mu.Lock()
		priv := p.priv
		p.mu.Unlock()
		unknown := func(i int) string {
			return "Bearer " + signWith(jose.SigningKey{Algorithm: jose.RS256, Key: priv}, fmt.Sprintf("unknown-%d", i), goodClaims(p, clk.Now()))
		}
		var wg sync.WaitGroup
		answers := make([]answer, 40)
		for i := range answers {
			wg.Go(func() {
				if i%4 == 0 {
					answers[i] = timedGet(t, e, valid, fast)
				} else {
					answers[i] = timedGet(t, e, unknown(i), bounded)
				}
			})
		}
		wg.Wait()
		for i, a := range answers {
			if i%4 == 0 && a.status != 200 {
				t.Errorf("valid token %d during the outage: %+v", i, a)
			}
			if i%4 != 0 && (a.status != 503 || a.retryAfter != "1") {
				t.Errorf("unknown kid %d during the outage: %+v, want 503 with Retry-After: 1", i, a)
			}
		}
		if _, n := p.counts(); n != 2 {
			t.Errorf("%d key set fetches, want 2: the first and one shared", n)
		}
		// Once the fetch failed (the client's 6 s timeout), unknown kids
		// are a 503 at once, their Retry-After the refresh interval left
		// (the clock stands still); valid tokens still verify.
		eventually(t, "the fetch to fail", func() bool { return timedGet(t, e, unknown(0), bounded).retryAfter == "10" })
		for i := range 5 {
			if a := timedGet(t, e, unknown(i), fast); a.status != 503 || a.retryAfter != "10" {
				t.Errorf("unknown kid %d after the failed fetch: %+v, want an immediate 503 with Retry-After: 10", i, a)
			}
			if a := timedGet(t, e, valid, fast); a.status != 200 {
				t.Errorf("valid token after the failed fetch: %+v", a)
			}
		}
		if _, n := p.counts(); n != 2 {
			t.Errorf("%d key set fetches, want 2", n)
		}
	})
}

// TestSecurityF12IssuerMismatch: the discovery document's issuer must be
// the issuer its URL was built from (OpenID Connect Discovery §4.3):
// otherwise a document could vouch for tokens of another issuer. A
// mismatch is a 503 whose cause names it, even for tokens that carry the
// document's issuer and are signed with its keys. InsecureIssuerURL pins
// the issuer of a provider known to differ.
func TestSecurityF12IssuerMismatch(t *testing.T) {
	tests := []struct {
		name     string
		issuer   func(srv string) string // the document's; its tokens carry it
		insecure func(srv string) string // InsecureIssuerURL
		status   int
	}{
		{"same", func(srv string) string { return srv }, nil, 200},
		{"same with a trailing slash (§4.1)", func(srv string) string { return srv + "/" }, nil, 200},
		{"another host", func(string) string { return "https://accounts.example.com" }, nil, 503},
		{"a path below", func(srv string) string { return srv + "/tenant" }, nil, 503},
		{"upper-case scheme", func(srv string) string { return "HTTP" + strings.TrimPrefix(srv, "http") }, nil, 503},
		{"the discovery URL itself", func(srv string) string { return srv + "/.well-known/openid-configuration" }, nil, 503},
		{"two trailing slashes", func(srv string) string { return srv + "//" }, nil, 503},
		{"pinned by InsecureIssuerURL", func(string) string { return "https://accounts.example.com" },
			func(string) string { return "https://accounts.example.com" }, 200},
		{"InsecureIssuerURL pins another", func(string) string { return "https://accounts.example.com" },
			func(string) string { return "https://login.example.com" }, 503},
		{"InsecureIssuerURL replaces the URL's", func(srv string) string { return srv },
			func(string) string { return "https://accounts.example.com" }, 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProvider(t.Cleanup)
			issuer := tt.issuer(p.srv.URL)
			p.set(func(p *provider) { p.issuer = issuer })
			e := app(p, nil, func(v *oidc.Verifier[claims]) {
				if tt.insecure != nil {
					v.InsecureIssuerURL = tt.insecure(p.srv.URL)
				}
			})
			var cause error
			handler := e.HTTPErrorHandler
			e.HTTPErrorHandler = func(err error, c echo.Context) {
				cause = err
				handler(err, c)
			}
			token := p.sign(with(goodClaims(p, time.Now()), "iss", issuer), nil)
			status, _, body := get(e, "Bearer "+token)
			if status != tt.status {
				t.Fatalf("issuer %q: %d %s, want %d", issuer, status, body, tt.status)
			}
			var he *typed.HTTPError
			if status == 503 && (!errors.As(cause, &he) || !errors.Is(he.Err, oidc.ErrProviderUnavailable) ||
				!strings.Contains(he.Err.Error(), fmt.Sprintf("issuer %q", issuer))) {
				t.Errorf("the 503's cause is %v, want ErrProviderUnavailable naming the issuer %q", he.Err, issuer)
			}
		})
	}
}
