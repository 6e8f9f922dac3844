package oidc_test

import (
	"crypto/rand"
	"crypto/rsa"
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

// provider is a minimal OpenID provider: a discovery document and a key
// set that can rotate, and a signer for tokens. It counts fetches and can
// be taken down.
type provider struct {
	srv *httptest.Server

	mu        sync.Mutex
	keys      []jose.JSONWebKey // public keys served
	extra     []json.RawMessage // more entries of the key set, served as is
	priv      *rsa.PrivateKey
	kid       string
	n         int           // keys made
	fetch     int           // key set fetches
	discovery int           // discovery document fetches
	down      bool          // both endpoints answer 500
	keysDown  bool          // the key set answers 500
	issuer    string        // the discovery document's issuer; "" means srv.URL
	stall     chan struct{} // if set, the key set hangs until it is closed
}

// check panics on err: the provider is test scaffolding, used by tests and
// by the Example alike.
func check(err error) {
	if err != nil {
		panic(err)
	}
}

// newProvider starts a provider; cleanup (t.Cleanup in tests) stops it.
func newProvider(cleanup func(func())) *provider {
	p := &provider{}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.discovery++
		down, issuer := p.down, p.issuer
		p.mu.Unlock()
		if down {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		if issuer == "" {
			issuer = p.srv.URL
		}
		json.NewEncoder(w).Encode(map[string]any{
			"issuer": issuer, "jwks_uri": p.srv.URL + "/keys",
			"authorization_endpoint": p.srv.URL + "/auth", "token_endpoint": p.srv.URL + "/token",
			"id_token_signing_alg_values_supported": []string{"RS256", "HS256", "none"},
		})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.fetch++
		if stall := p.stall; stall != nil {
			// A provider that hangs: no answer until released, or until
			// the client gives up.
			p.mu.Unlock()
			select {
			case <-stall:
			case <-r.Context().Done():
				return
			}
			p.mu.Lock()
		}
		defer p.mu.Unlock()
		if p.down || p.keysDown {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		entries := append([]json.RawMessage{}, p.extra...)
		for _, k := range p.keys {
			b, err := k.MarshalJSON()
			check(err)
			entries = append(entries, b)
		}
		json.NewEncoder(w).Encode(map[string]any{"keys": entries})
	})
	p.srv = httptest.NewServer(mux)
	if cleanup != nil {
		cleanup(p.srv.Close)
	}
	p.rotate(false)
	return p
}

// rotate makes a new signing key and serves it, with the old ones if keep.
func (p *provider) rotate(keep bool) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	check(err)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.priv, p.kid = key, fmt.Sprintf("k%d", p.n)
	pub := jose.JSONWebKey{Key: &key.PublicKey, KeyID: p.kid, Algorithm: "RS256", Use: "sig"}
	if keep {
		p.keys = append(p.keys, pub)
	} else {
		p.keys = []jose.JSONWebKey{pub}
	}
}

func (p *provider) counts() (discovery, fetch int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.discovery, p.fetch
}

func (p *provider) set(f func(p *provider)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f(p)
}

// sign returns a token with claims, signed with the current key (or with
// key when not nil) under the current kid.
func (p *provider) sign(claims map[string]any, key *rsa.PrivateKey) string {
	p.mu.Lock()
	priv, kid := p.priv, p.kid
	p.mu.Unlock()
	if key != nil {
		priv = key
	}
	return signWith(jose.SigningKey{Algorithm: jose.RS256, Key: priv}, kid, claims)
}

func signWith(key jose.SigningKey, kid string, claims map[string]any) string {
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if kid != "" {
		opts = opts.WithHeader("kid", kid)
	}
	signer, err := jose.NewSigner(key, opts)
	check(err)
	payload, _ := json.Marshal(claims)
	jws, err := signer.Sign(payload)
	check(err)
	s, _ := jws.CompactSerialize()
	return s
}

// clock is a settable clock, starting at the real time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Now()} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type claims struct {
	Subject string `json:"sub"`
	Email   string `json:"email"`
}

// app serves GET /users/me behind a verifier of p's tokens for "my-api".
func app(p *provider, clk *clock, opts ...func(*oidc.Verifier[claims])) *echo.Echo {
	oid := &security.OpenIDConnect{OpenIDConnectURL: p.srv.URL + "/.well-known/openid-configuration"}
	v := &oidc.Verifier[claims]{Scheme: oid, ClientID: "my-api"}
	if clk != nil {
		v.Now = clk.Now
	}
	for _, o := range opts {
		o(v)
	}
	e := echo.New()
	echov4.New(e).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c claims) (claims, error) { return c, nil }))
	return e
}

func get(e *echo.Echo, auth string) (int, string, string) {
	req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String())
}

// goodClaims are valid claims for p, audience my-api, at now.
func goodClaims(p *provider, now time.Time) map[string]any {
	return map[string]any{"iss": p.srv.URL, "aud": "my-api", "sub": "alice", "email": "a@example.com",
		"exp": now.Unix() + 600, "iat": now.Unix()}
}

// with returns a copy of c with k set to v, or deleted when v is nil.
func with(c map[string]any, k string, v any) map[string]any {
	out := map[string]any{}
	for kk, vv := range c {
		out[kk] = vv
	}
	if v == nil {
		delete(out, k)
	} else {
		out[k] = v
	}
	return out
}

const (
	bad = `{"detail":"Could not validate credentials"}`
	ok  = `{"sub":"alice","email":"a@example.com"}`
)

func challenge(desc string) string {
	return `Bearer error="invalid_token", error_description="` + desc + `"`
}

func TestVerifier(t *testing.T) {
	p := newProvider(t.Cleanup)
	e := app(p, nil)
	now := time.Now()
	good := goodClaims(p, now)
	otherKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	pubJWK, _ := json.Marshal(p.keys[0])
	tests := []struct {
		name, auth string
		status     int
		challenge  string
		body       string
	}{
		{"valid", "Bearer " + p.sign(good, nil), 200, "", ok},
		{"scheme is case-insensitive", "bearer " + p.sign(good, nil), 200, "", ok},
		{"audience in a list", "Bearer " + p.sign(with(good, "aud", []string{"x", "my-api"}), nil), 200, "", ok},
		{"nbf within the 5-minute leeway", "Bearer " + p.sign(with(good, "nbf", now.Unix()+60), nil), 200, "", ok},
		{"no token", "", 401, "Bearer", `{"detail":"Not authenticated"}`},
		{"not bearer", "Basic abc", 401, challenge("The access token must be sent as a Bearer token."), bad},
		{"bearer without token", "Bearer", 401, challenge("The access token must be sent as a Bearer token."), bad},
		{"bad signature", "Bearer " + p.sign(good, otherKey), 401, challenge("The token's signature is not valid."), bad},
		{"other issuer", "Bearer " + p.sign(with(good, "iss", "https://evil.example"), nil), 401, challenge("The token was issued by another provider."), bad},
		{"other audience", "Bearer " + p.sign(with(good, "aud", "someone-else"), nil), 401, challenge("The token is for another audience."), bad},
		{"no audience", "Bearer " + p.sign(with(good, "aud", nil), nil), 401, challenge("The token is for another audience."), bad},
		{"expired", "Bearer " + p.sign(with(good, "exp", now.Unix()-3600), nil), 401, challenge("The token expired."), bad},
		{"no expiry", "Bearer " + p.sign(with(good, "exp", nil), nil), 401, challenge("The token expired."), bad},
		{"not yet valid", "Bearer " + p.sign(with(good, "nbf", now.Unix()+3600), nil), 401, challenge("The token is not valid yet."), bad},
		{"garbage", "Bearer not-a-jwt", 401, challenge("The token is malformed."), bad},
		{"null claims", "Bearer " + signWith(jose.SigningKey{Algorithm: jose.RS256, Key: p.priv}, p.kid, nil), 401, challenge("The token was issued by another provider."), bad},
		// The discovery document advertises HS256 and none: neither is
		// accepted, and the public key is never an HMAC secret.
		{"HS256 keyed with the public key", "Bearer " + signWith(jose.SigningKey{Algorithm: jose.HS256, Key: pubJWK}, p.kid, good), 401, challenge("The token's signature algorithm is not accepted."), bad},
		{"unknown kid", "Bearer " + signWith(jose.SigningKey{Algorithm: jose.RS256, Key: p.priv}, "nope", good), 401, challenge("The token is signed with a key the provider does not publish."), bad},
		{"no kid, right key", "Bearer " + signWith(jose.SigningKey{Algorithm: jose.RS256, Key: p.priv}, "", good), 200, "", ok},
		{"no kid, wrong key", "Bearer " + signWith(jose.SigningKey{Algorithm: jose.RS256, Key: otherKey}, "", good), 401, challenge("The token's signature is not valid."), bad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, ch, body := get(e, tt.auth)
			if status != tt.status || ch != tt.challenge || body != tt.body {
				t.Errorf("got %d %q %s\nwant %d %q %s", status, ch, body, tt.status, tt.challenge, tt.body)
			}
		})
	}
	t.Run("JWS JSON serialization", func(t *testing.T) {
		// A valid signature, but not a JWT (RFC 7519 §7.2: compact only);
		// its unprotected header could say anything.
		jws, err := jose.ParseSigned(p.sign(good, nil), []jose.SignatureAlgorithm{jose.RS256})
		check(err)
		if status, ch, _ := get(e, "Bearer "+jws.FullSerialize()); status != 401 || ch != challenge("The token is malformed.") {
			t.Errorf("got %d %q", status, ch)
		}
	})
	t.Run("alg none", func(t *testing.T) {
		payload, _ := json.Marshal(good)
		enc := base64.RawURLEncoding.EncodeToString
		none := enc([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc(payload) + "."
		if status, ch, _ := get(e, "Bearer "+none); status != 401 || ch != challenge("The token's signature algorithm is not accepted.") {
			t.Errorf("got %d %q", status, ch)
		}
	})
}

// Key rotation as OpenID Connect Core §10.1.1 describes it: the provider
// publishes a new key and signs with it; the verifier fetches the key set
// when it meets the new kid, at most once per KeyRefreshInterval.
func TestKeyRotation(t *testing.T) {
	p := newProvider(t.Cleanup)
	clk := newClock()
	e := app(p, clk)
	old := p.sign(goodClaims(p, clk.Now()), nil)
	if status, _, body := get(e, "Bearer "+old); status != 200 {
		t.Fatalf("before rotation: %d %s", status, body)
	}

	// Rotation right after the first fetch: the new kid is unknown and the
	// key set was fetched less than 10 s ago, so no fetch yet.
	p.rotate(true)
	rotated := p.sign(goodClaims(p, clk.Now()), nil)
	if status, ch, _ := get(e, "Bearer "+rotated); status != 401 || ch != challenge("The token is signed with a key the provider does not publish.") {
		t.Errorf("new kid within the refresh interval: %d %q", status, ch)
	}
	if _, fetch := p.counts(); fetch != 1 {
		t.Errorf("%d key set fetches, want 1", fetch)
	}
	clk.Add(11 * time.Second)
	if status, ch, body := get(e, "Bearer "+rotated); status != 200 {
		t.Errorf("after rotation: %d %q %s", status, ch, body)
	}
	if status, _, _ := get(e, "Bearer "+old); status != 200 {
		t.Errorf("old key still published: %d", status)
	}
	if _, fetch := p.counts(); fetch != 2 {
		t.Errorf("%d key set fetches, want 2", fetch)
	}

	// The provider withdraws the old key: once fetched again, it no
	// longer verifies.
	p.rotate(false)
	clk.Add(11 * time.Second)
	if status, _, _ := get(e, "Bearer "+p.sign(goodClaims(p, clk.Now()), nil)); status != 200 {
		t.Errorf("third key: %d", status)
	}
	if status, ch, _ := get(e, "Bearer "+old); status != 401 || ch != challenge("The token is signed with a key the provider does not publish.") {
		t.Errorf("withdrawn key: %d %q", status, ch)
	}
}

// Forged tokens must not make the API hammer the provider: a bad signature
// under a known kid never fetches the key set, and unknown kids fetch it at
// most once per KeyRefreshInterval.
func TestForgedTokensDoNotFetch(t *testing.T) {
	p := newProvider(t.Cleanup)
	clk := newClock()
	e := app(p, clk)
	good := goodClaims(p, clk.Now())
	otherKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	for i := range 50 {
		get(e, "Bearer "+p.sign(good, otherKey))
		get(e, "Bearer "+signWith(jose.SigningKey{Algorithm: jose.RS256, Key: otherKey}, fmt.Sprintf("forged-%d", i), good))
		get(e, "Bearer "+signWith(jose.SigningKey{Algorithm: jose.RS256, Key: otherKey}, "", good))
	}
	if discovery, fetch := p.counts(); discovery != 1 || fetch != 1 {
		t.Errorf("%d discoveries, %d key set fetches after 150 forged tokens; want 1, 1", discovery, fetch)
	}
	clk.Add(11 * time.Second)
	for i := range 50 {
		get(e, "Bearer "+signWith(jose.SigningKey{Algorithm: jose.RS256, Key: otherKey}, fmt.Sprintf("again-%d", i), good))
	}
	if _, fetch := p.counts(); fetch != 2 {
		t.Errorf("%d key set fetches, want 2", fetch)
	}
}

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
