// Package oidc verifies OpenID Connect tokens for fastecho: the bearer
// token of a request is checked against the provider named by a
// [security.OpenIDConnect] scheme (discovery, signature with the provider's
// rotating keys, issuer, audience, expiry and not-before) and its claims
// are decoded into the application's own type before the handler runs.
//
//	oid := &security.OpenIDConnect{OpenIDConnectURL: "https://accounts.example.com/.well-known/openid-configuration"}
//	verified := &oidc.Verifier[Claims]{Scheme: oid, ClientID: "my-api"}
//	api.GET("/users/me", typed.Handle(verified, readMe)) // readMe gets Claims
//
// It is a package of its own so that programs that do not verify tokens
// never link go-oidc and go-jose. FastAPI's OpenIdConnect only extracts the
// header; this is beyond FastAPI.
package oidc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
)

// ErrProviderUnavailable is the cause of the 503 answered while the
// provider's discovery document cannot be fetched.
var ErrProviderUnavailable = errors.New("oidc: provider unavailable")

// Verifier is a [typed.Dep] that resolves to the verified claims of the
// request's bearer token, decoded into C (a struct with json tags, or
// map[string]any). Use it by pointer; set its fields before first use.
//
//   - No Authorization header: the scheme's own 401 (`WWW-Authenticate:
//     Bearer`), so security.Optional and security.AnyOf treat it as absent.
//   - A header that is not a bearer token, or a token that fails any check:
//     401 {"detail":"Could not validate credentials"} with
//     `WWW-Authenticate: Bearer error="invalid_token", error_description="…"`
//     (RFC 6750 §3.1).
//   - The provider's discovery document unreachable: 503, retried on the
//     next request.
//
// The provider's keys are fetched on first use and cached; a token signed
// with a key the cache does not know makes it fetch the key set again, so
// the provider can rotate keys at any time. It documents itself as its
// Scheme.
type Verifier[C any] struct {
	// Scheme names the provider: its OpenIDConnectURL is the discovery
	// document, fetched on first use, and it is what the OpenAPI document
	// shows. It must be an absolute URL, or DiscoveryURL must be set.
	Scheme *security.OpenIDConnect
	// DiscoveryURL, if set, is fetched instead of Scheme.OpenIDConnectURL
	// (which may then be relative, for the docs).
	DiscoveryURL string
	// ClientID is the audience every token must name (its "aud").
	ClientID string
	// SkipClientIDCheck accepts tokens of any audience; only for access
	// tokens of providers that do not set "aud".
	SkipClientIDCheck bool
	// Algorithms are the accepted signature algorithms; nil means those
	// the provider advertises, or RS256.
	Algorithms []string
	// HTTPClient fetches the discovery document and keys; nil means
	// http.DefaultClient with a 10-second timeout.
	HTTPClient *http.Client
	// Now is the clock, for tests; nil means time.Now.
	Now func() time.Time

	mu       sync.Mutex
	verifier *gooidc.IDTokenVerifier
}

// Resolve verifies the request's bearer token and returns its claims.
func (v *Verifier[C]) Resolve(r *typed.Request) (C, error) {
	var claims C
	header, err := v.Scheme.Resolve(r)
	if err != nil {
		return claims, err
	}
	scheme, token := httpx.SplitAuthorization(header)
	if !httpx.EqualFoldASCII(scheme, "bearer") || token == "" {
		return claims, security.InvalidToken("The access token must be sent as a Bearer token.")
	}
	ver, err := v.load(r.Context().Request().Context())
	if err != nil {
		return claims, &typed.HTTPError{Status: http.StatusServiceUnavailable,
			Detail: "The identity provider is unavailable", Err: err}
	}
	idt, err := ver.Verify(r.Context().Request().Context(), token)
	if err != nil {
		return claims, security.InvalidToken(describe(err))
	}
	if err := idt.Claims(&claims); err != nil {
		return claims, security.InvalidToken("The token's claims cannot be read.")
	}
	return claims, nil
}

// Describe documents the Scheme.
func (v *Verifier[C]) Describe(d *typed.Doc) { v.Scheme.Describe(d) }

// load returns the token verifier, discovering the provider on first use
// (and again after a failure).
func (v *Verifier[C]) load(ctx context.Context) (*gooidc.IDTokenVerifier, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.verifier != nil {
		return v.verifier, nil
	}
	client := v.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	url := v.DiscoveryURL
	if url == "" {
		url = v.Scheme.OpenIDConnectURL
	}
	cfg, err := discover(ctx, client, url)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProviderUnavailable, err)
	}
	// The keys are fetched with a context that outlives this request.
	keyCtx := gooidc.ClientContext(context.Background(), client)
	provider := cfg.NewProvider(keyCtx)
	v.verifier = provider.VerifierContext(keyCtx, &gooidc.Config{
		ClientID:             v.ClientID,
		SkipClientIDCheck:    v.SkipClientIDCheck,
		SupportedSigningAlgs: v.algorithms(cfg),
		Now:                  v.Now,
	})
	return v.verifier, nil
}

func (v *Verifier[C]) algorithms(cfg *gooidc.ProviderConfig) []string {
	if v.Algorithms != nil {
		return v.Algorithms
	}
	return cfg.Algorithms
}

// discover fetches and reads a discovery document (OpenID Connect
// Discovery 1.0 §4).
func discover(ctx context.Context, client *http.Client, url string) (*gooidc.ProviderConfig, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, res.Status)
	}
	var doc struct {
		Issuer      string   `json:"issuer"`
		AuthURL     string   `json:"authorization_endpoint"`
		TokenURL    string   `json:"token_endpoint"`
		UserInfoURL string   `json:"userinfo_endpoint"`
		JWKSURL     string   `json:"jwks_uri"`
		Algorithms  []string `json:"id_token_signing_alg_values_supported"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("discovery document: %v", err)
	}
	if doc.Issuer == "" || doc.JWKSURL == "" {
		return nil, errors.New("discovery document without issuer or jwks_uri")
	}
	return &gooidc.ProviderConfig{IssuerURL: doc.Issuer, AuthURL: doc.AuthURL, TokenURL: doc.TokenURL,
		UserInfoURL: doc.UserInfoURL, JWKSURL: doc.JWKSURL, Algorithms: doc.Algorithms}, nil
}

// describe turns a verification error into an error_description that says
// what is wrong without echoing the token.
func describe(err error) string {
	var expired *gooidc.TokenExpiredError
	msg := err.Error()
	switch {
	case errors.As(err, &expired):
		return "The token expired."
	case strings.Contains(msg, "before the nbf"):
		return "The token is not valid yet."
	case strings.Contains(msg, "issued by a different provider"):
		return "The token was issued by another provider."
	case strings.Contains(msg, "expected audience"):
		return "The token is for another audience."
	case strings.Contains(msg, "signature"), strings.Contains(msg, "signing"):
		return "The token's signature is not valid."
	case strings.Contains(msg, "malformed"):
		return "The token is malformed."
	}
	return "The token is not valid."
}
