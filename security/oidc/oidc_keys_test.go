package oidc_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
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

// Keys older than KeyMaxAge are fetched again; while the provider is down
// the old ones keep verifying.
func TestKeyMaxAge(t *testing.T) {
	p := newProvider(t.Cleanup)
	clk := newClock()
	e := app(p, clk, func(v *oidc.Verifier[claims]) { v.KeyMaxAge = time.Minute })
	sign := func() string { return p.sign(goodClaims(p, clk.Now()), nil) }
	if status, _, _ := get(e, "Bearer "+sign()); status != 200 {
		t.Fatal(status)
	}
	clk.Add(2 * time.Minute)
	p.set(func(p *provider) { p.keysDown = true })
	_, fetches := p.counts()
	for range 5 {
		if status, _, body := get(e, "Bearer "+sign()); status != 200 {
			t.Errorf("provider down, cached keys: %d %s", status, body)
		}
	}
	// The old keys verify at once and are fetched again in the background.
	// A token with a key the cache does not know waits for that fetch, or
	// comes after its end: once it is answered, the fetch is over.
	unknown := signWith(jose.SigningKey{Algorithm: jose.RS256, Key: p.priv}, "unknown", goodClaims(p, clk.Now()))
	if status, _, body := get(e, "Bearer "+unknown); status != http.StatusServiceUnavailable {
		t.Errorf("unknown kid, provider down: %d %s", status, body)
	}
	if _, after := p.counts(); after != fetches+1 {
		t.Errorf("%d key set fetches while down, want 1 per refresh interval", after-fetches)
	}
	p.set(func(p *provider) { p.keysDown = false })
	before := p.sign(goodClaims(p, clk.Now()), nil)
	p.rotate(false)
	clk.Add(2 * time.Minute)
	if status, _, _ := get(e, "Bearer "+sign()); status != 200 {
		t.Errorf("new key after max age: %d", status)
	}
	if status, _, _ := get(e, "Bearer "+before); status != 401 {
		t.Errorf("withdrawn key after max age: %d", status)
	}
}

// A provider that cannot be reached is a 503 with Retry-After, not a 401:
// the token may be fine. Failures are remembered for 5 s so that requests
// do not queue behind one attempt after another.
func TestProviderUnavailable(t *testing.T) {
	p := newProvider(t.Cleanup)
	clk := newClock()
	e := app(p, clk)
	p.set(func(p *provider) { p.down = true })
	token := p.sign(goodClaims(p, clk.Now()), nil)
	req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	if rec.Code != 503 || rec.Header().Get("Retry-After") != "5" ||
		strings.TrimSpace(rec.Body.String()) != `{"detail":"The identity provider is unavailable"}` {
		t.Errorf("got %d %q %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	get(e, "Bearer "+token)
	if discovery, _ := p.counts(); discovery != 1 {
		t.Errorf("%d discovery attempts within 5 s, want 1", discovery)
	}
	p.set(func(p *provider) { p.down = false })
	if status, _, _ := get(e, "Bearer "+token); status != 503 {
		t.Errorf("within 5 s of the failure: %d", status)
	}
	clk.Add(6 * time.Second)
	if status, _, body := get(e, "Bearer "+token); status != 200 {
		t.Errorf("provider back: %d %s", status, body)
	}

	// Discovery works but the key set does not: 503 as well, without a
	// fetch per request.
	p2 := newProvider(t.Cleanup)
	clk2 := newClock()
	e2 := app(p2, clk2)
	p2.set(func(p *provider) { p.keysDown = true })
	token2 := p2.sign(goodClaims(p2, clk2.Now()), nil)
	for range 3 {
		if status, _, body := get(e2, "Bearer "+token2); status != 503 {
			t.Errorf("key set down: %d %s", status, body)
		}
	}
	if _, fetch := p2.counts(); fetch != 1 {
		t.Errorf("%d key set fetches, want 1", fetch)
	}
	p2.set(func(p *provider) { p.keysDown = false })
	clk2.Add(11 * time.Second)
	if status, _, body := get(e2, "Bearer "+token2); status != 200 {
		t.Errorf("key set back: %d %s", status, body)
	}

	// Nothing listening.
	oid := &security.OpenIDConnect{OpenIDConnectURL: "http://127.0.0.1:1/.well-known/openid-configuration"}
	v := &oidc.Verifier[map[string]any]{Scheme: oid, ClientID: "x"}
	e3 := echo.New()
	echov4.New(e3).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c map[string]any) (map[string]any, error) { return c, nil }))
	if status, _, body := get(e3, "Bearer x.y.z"); status != http.StatusServiceUnavailable {
		t.Errorf("got %d %s", status, body)
	}
}

// Concurrent first requests share one discovery and one key set fetch.
func TestConcurrentFirstUse(t *testing.T) {
	p := newProvider(t.Cleanup)
	e := app(p, nil)
	token := p.sign(goodClaims(p, time.Now()), nil)
	var wg sync.WaitGroup
	codes := make([]int, 20)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = get(e, "Bearer "+token)
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Errorf("request %d: %d", i, c)
		}
	}
	if discovery, fetch := p.counts(); discovery != 1 || fetch != 1 {
		t.Errorf("%d discoveries, %d key set fetches; want 1, 1", discovery, fetch)
	}
}

// Entries of the key set that are not public signature keys go-jose knows
// are skipped (RFC 7517 §5), and a symmetric key published by mistake
// never verifies anything.
func TestKeySetEntriesSkipped(t *testing.T) {
	p := newProvider(t.Cleanup)
	secret := []byte("0123456789abcdef0123456789abcdef")
	p.set(func(p *provider) {
		p.extra = []json.RawMessage{
			json.RawMessage(`{"kty":"oct","kid":"hmac","k":"` + base64.RawURLEncoding.EncodeToString(secret) + `"}`),
			json.RawMessage(`{"kty":"OKP","crv":"X448","kid":"x448","x":"AAAA"}`),
			json.RawMessage(`{"kty":"EC","crv":"secp256k1","alg":"ES256K","kid":"k1","x":"AAAA","y":"AAAA"}`),
			json.RawMessage(`{"kty":"unknown"}`),
		}
	})
	e := app(p, nil, func(v *oidc.Verifier[claims]) { v.Algorithms = []string{"RS256", "HS256"} })
	good := goodClaims(p, time.Now())
	if status, _, body := get(e, "Bearer "+p.sign(good, nil)); status != 200 {
		t.Fatalf("valid token beside odd keys: %d %s", status, body)
	}
	hs := signWith(jose.SigningKey{Algorithm: jose.HS256, Key: secret}, "hmac", good)
	if status, _, _ := get(e, "Bearer "+hs); status != 401 {
		t.Errorf("HS256 with a published oct key: %d", status)
	}
}

// Verified OpenID Connect: the handler receives the token's claims as its
// own type; a token that fails a check never reaches it.
func ExampleVerifier() {
	p := newProvider(nil)
	defer p.srv.Close()
	e := app(p, nil)
	token := p.sign(map[string]any{"iss": p.srv.URL, "aud": "my-api", "sub": "alice",
		"email": "a@example.com", "exp": time.Now().Add(time.Hour).Unix()}, nil)
	fmt.Println(get(e, "Bearer "+token))
	fmt.Println(get(e, "Bearer "+token+"x"))
	// Output:
	// 200  {"sub":"alice","email":"a@example.com"}
	// 401 Bearer error="invalid_token", error_description="The token's signature is not valid." {"detail":"Could not validate credentials"}
}

// Verifier is a typed.Dep of its claims type.
var _ typed.Dep[claims] = (*oidc.Verifier[claims])(nil)

// Under security.Optional, no header is nil; a bad token is still a 401.
func TestOptional(t *testing.T) {
	p := newProvider(t.Cleanup)
	oid := &security.OpenIDConnect{OpenIDConnectURL: p.srv.URL + "/.well-known/openid-configuration"}
	v := &oidc.Verifier[claims]{Scheme: oid, ClientID: "my-api"}
	e := echo.New()
	echov4.New(e).GET("/users/me", typed.Handle(security.Optional[claims](v), func(_ echo.Context, _ struct{}, c *claims) (string, error) {
		if c == nil {
			return "anonymous", nil
		}
		return c.Subject, nil
	}))
	for _, tt := range []struct {
		auth, want string
		status     int
	}{
		{"", `"anonymous"`, 200},
		{"Bearer " + p.sign(goodClaims(p, time.Now()), nil), `"alice"`, 200},
		{"Bearer x.y.z", bad, 401},
	} {
		if status, _, body := get(e, tt.auth); status != tt.status || body != tt.want {
			t.Errorf("%q: %d %s, want %d %s", tt.auth, status, body, tt.status, tt.want)
		}
	}
}

// TestOverrideScheme: the verifier reaches its scheme with typed.Resolve,
// so typed.Override of the scheme applies inside it: here a test supplies
// the Authorization value the client did not send.
func TestOverrideScheme(t *testing.T) {
	p := newProvider(t.Cleanup)
	oid := &security.OpenIDConnect{OpenIDConnectURL: p.srv.URL + "/.well-known/openid-configuration"}
	v := &oidc.Verifier[claims]{Scheme: oid, ClientID: "my-api"}
	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c claims) (claims, error) { return c, nil }))

	status, ch, body := get(e, "")
	if status != http.StatusUnauthorized || ch != "Bearer" || body != `{"detail":"Not authenticated"}` {
		t.Fatalf("without the override: %d %q %s", status, ch, body)
	}
	restore := typed.Override[string](api, oid, typed.Value("Bearer "+p.sign(goodClaims(p, time.Now()), nil)))
	if status, ch, body := get(e, ""); status != http.StatusOK || ch != "" || body != ok {
		t.Errorf("overridden: %d %q %s, want 200 %s", status, ch, body, ok)
	}
	restore()
	if status2, ch2, body2 := get(e, ""); status2 != status || ch2 != ch || body2 != body {
		t.Errorf("restored: %d %q %s, want %d %q %s", status2, ch2, body2, status, ch, body)
	}
}
