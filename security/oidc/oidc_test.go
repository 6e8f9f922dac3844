package oidc_test

import (
	"crypto/rand"
	"crypto/rsa"
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
	"github.com/go-jose/go-jose/v4"
	"github.com/labstack/echo/v4"
)

// provider is a minimal OpenID provider: a discovery document and a key
// set that can rotate, and a signer for tokens.
type provider struct {
	srv   *httptest.Server
	mu    sync.Mutex
	keys  []jose.JSONWebKey // public keys served
	priv  *rsa.PrivateKey
	kid   string
	fetch int // key set fetches
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
		json.NewEncoder(w).Encode(map[string]any{
			"issuer": p.srv.URL, "jwks_uri": p.srv.URL + "/keys",
			"authorization_endpoint": p.srv.URL + "/auth", "token_endpoint": p.srv.URL + "/token",
			"id_token_signing_alg_values_supported": []string{"RS256"},
		})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.fetch++
		json.NewEncoder(w).Encode(jose.JSONWebKeySet{Keys: p.keys})
	})
	p.srv = httptest.NewServer(mux)
	if cleanup != nil {
		cleanup(p.srv.Close)
	}
	p.rotate()
	return p
}

// rotate makes a new signing key and serves only it.
func (p *provider) rotate() {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	check(err)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.priv, p.kid = key, fmt.Sprintf("k%d", len(p.keys)+p.fetch)
	p.keys = []jose.JSONWebKey{{Key: &key.PublicKey, KeyID: p.kid, Algorithm: "RS256", Use: "sig"}}
}

// sign returns a token with claims, signed with the current key (or with
// key when not nil).
func (p *provider) sign(claims map[string]any, key *rsa.PrivateKey) string {
	p.mu.Lock()
	priv, kid := p.priv, p.kid
	p.mu.Unlock()
	if key != nil {
		priv = key
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: priv},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", kid))
	check(err)
	payload, _ := json.Marshal(claims)
	jws, err := signer.Sign(payload)
	check(err)
	s, _ := jws.CompactSerialize()
	return s
}

type claims struct {
	Subject string `json:"sub"`
	Email   string `json:"email"`
}

func app(p *provider) *echo.Echo {
	oid := &security.OpenIDConnect{OpenIDConnectURL: p.srv.URL + "/.well-known/openid-configuration"}
	v := &oidc.Verifier[claims]{Scheme: oid, ClientID: "my-api"}
	e := echo.New()
	typed.New(e).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c claims) (claims, error) { return c, nil }))
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

func TestVerifier(t *testing.T) {
	p := newProvider(t.Cleanup)
	e := app(p)
	now := time.Now().Unix()
	good := map[string]any{"iss": p.srv.URL, "aud": "my-api", "sub": "alice", "email": "a@example.com", "exp": now + 600, "iat": now}
	with := func(k string, v any) map[string]any {
		c := map[string]any{}
		for kk, vv := range good {
			c[kk] = vv
		}
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	otherKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	const bad = `{"detail":"Could not validate credentials"}`
	challenge := func(desc string) string { return `Bearer error="invalid_token", error_description="` + desc + `"` }
	tests := []struct {
		name, auth string
		status     int
		challenge  string
		body       string
	}{
		{"valid", "Bearer " + p.sign(good, nil), 200, "", `{"sub":"alice","email":"a@example.com"}`},
		{"no token", "", 401, "Bearer", `{"detail":"Not authenticated"}`},
		{"not bearer", "Basic abc", 401, challenge("The access token must be sent as a Bearer token."), bad},
		{"bad signature", "Bearer " + p.sign(good, otherKey), 401, challenge("The token's signature is not valid."), bad},
		{"other issuer", "Bearer " + p.sign(with("iss", "https://evil.example"), nil), 401, challenge("The token was issued by another provider."), bad},
		{"other audience", "Bearer " + p.sign(with("aud", "someone-else"), nil), 401, challenge("The token is for another audience."), bad},
		{"expired", "Bearer " + p.sign(with("exp", now-3600), nil), 401, challenge("The token expired."), bad},
		{"not yet valid", "Bearer " + p.sign(with("nbf", now+3600), nil), 401, challenge("The token is not valid yet."), bad},
		{"garbage", "Bearer not-a-jwt", 401, challenge("The token is malformed."), bad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, ch, body := get(e, tt.auth)
			if status != tt.status || ch != tt.challenge || body != tt.body {
				t.Errorf("got %d %q %s\nwant %d %q %s", status, ch, body, tt.status, tt.challenge, tt.body)
			}
		})
	}

	// Key rotation: a token signed with a new key verifies after the
	// verifier fetches the key set again.
	p.rotate()
	if status, ch, body := get(e, "Bearer "+p.sign(good, nil)); status != 200 {
		t.Errorf("after rotation: %d %q %s", status, ch, body)
	}
}

func TestProviderUnavailable(t *testing.T) {
	oid := &security.OpenIDConnect{OpenIDConnectURL: "http://127.0.0.1:1/.well-known/openid-configuration"}
	v := &oidc.Verifier[map[string]any]{Scheme: oid, ClientID: "x"}
	e := echo.New()
	typed.New(e).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c map[string]any) (map[string]any, error) { return c, nil }))
	if status, _, body := get(e, "Bearer x.y.z"); status != http.StatusServiceUnavailable {
		t.Errorf("got %d %s", status, body)
	}
}

// Verified OpenID Connect: the handler receives the token's claims as its
// own type; a token that fails a check never reaches it.
func ExampleVerifier() {
	p := newProvider(nil)
	defer p.srv.Close()
	e := app(p)
	token := p.sign(map[string]any{"iss": p.srv.URL, "aud": "my-api", "sub": "alice",
		"email": "a@example.com", "exp": time.Now().Add(time.Hour).Unix()}, nil)
	fmt.Println(get(e, "Bearer "+token))
	fmt.Println(get(e, "Bearer "+token+"x"))
	// Output:
	// 200  {"sub":"alice","email":"a@example.com"}
	// 401 Bearer error="invalid_token", error_description="The token's signature is not valid." {"detail":"Could not validate credentials"}
}
