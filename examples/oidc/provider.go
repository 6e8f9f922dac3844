package main

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net"
	"net/http"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// devProvider is a tiny OpenID provider for the demo, on loopback: a
// discovery document, its signing key and a /token endpoint that issues a
// signed ID token for any username (there is no password: it is a demo
// stand-in for your real provider, which you name with -discovery).
type devProvider struct {
	URL    string // the issuer
	key    *rsa.PrivateKey
	signer jose.Signer
	srv    *http.Server
}

const devKeyID = "dev-key"

// startDevProvider listens on a free loopback port and serves the provider.
func startDevProvider(audience string) (*devProvider, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", devKeyID))
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &devProvider{URL: "http://" + ln.Addr().String(), key: key, signer: signer}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, map[string]any{
			"issuer": p.URL, "jwks_uri": p.URL + "/keys", "token_endpoint": p.URL + "/token",
			"authorization_endpoint": p.URL + "/authorize", "response_types_supported": []string{"id_token"},
			"subject_types_supported": []string{"public"}, "id_token_signing_alg_values_supported": []string{"RS256"},
		})
	})
	mux.HandleFunc("GET /keys", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &key.PublicKey, KeyID: devKeyID, Algorithm: "RS256", Use: "sig"}}})
	})
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		sub := r.FormValue("username")
		if sub == "" {
			w.WriteHeader(http.StatusBadRequest)
			writeJSON(w, map[string]string{"error": "invalid_request", "error_description": "username is required"})
			return
		}
		tok, err := p.Issue(sub, audience, time.Hour)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		writeJSON(w, map[string]any{"access_token": tok, "id_token": tok, "token_type": "Bearer", "expires_in": 3600})
	})
	p.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go p.srv.Serve(ln)
	return p, nil
}

// Issue signs an ID token for sub and audience, valid for ttl.
func (p *devProvider) Issue(sub, audience string, ttl time.Duration) (string, error) {
	now := time.Now()
	claims, _ := json.Marshal(map[string]any{
		"iss": p.URL, "sub": sub, "aud": audience, "iat": now.Unix(), "exp": now.Add(ttl).Unix(),
		"email": sub + "@example.com", "name": sub,
	})
	jws, err := p.signer.Sign(claims)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// Close stops the provider.
func (p *devProvider) Close() error { return p.srv.Close() }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
