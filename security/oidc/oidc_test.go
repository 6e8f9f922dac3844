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
