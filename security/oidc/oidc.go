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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/go-jose/go-jose/v4"
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
//   - The provider cannot be reached while the token needs it (no keys
//     fetched yet, or a kid the cached keys do not have): 503
//     {"detail":"The identity provider is unavailable"} with
//     `Retry-After`, the seconds until the next attempt (see below).
//   - A discovery document whose issuer does not match the discovery URL
//     (see InsecureIssuerURL): 503 likewise, every attempt; the cause is
//     the error the 503 wraps.
//
// The checks are go-oidc's, and more: a JWT in compact serialization (RFC
// 7519 §7.2; not the JWS JSON serialization); the signature, with one of
// the algorithms the provider advertises (never HMAC or none); "iss" equal
// to the discovery document's issuer; "aud" containing ClientID; "exp"
// present and not past (no leeway); "nbf", if present, not more than five
// minutes ahead.
//
// The discovery document is checked as OpenID Connect Discovery §4.3 (and
// go-oidc's NewProvider) say: its "issuer", with any trailing "/" removed
// and "/.well-known/openid-configuration" appended, must be exactly the
// discovery URL, so that a document cannot name a provider other than the
// one configured.
//
// The provider's keys (its jwks_uri) are fetched on first use and cached.
// A token signed with a key the cache does not know makes it fetch them
// again, so the provider can rotate keys at any time; a token with a bad
// signature never does. Keys older than KeyMaxAge are fetched again in the
// background while requests go on being verified with them at once
// (stale-while-revalidate); they are kept while the provider is down, and
// once fetched again, keys the provider withdrew stop verifying. A request
// never waits for the provider while the cached keys can verify its token.
//
// A provider that does not answer never holds requests for long:
//
//   - At most one fetch of the discovery document and one of the keys run
//     at a time; a fetch is given up after 10 seconds (or the HTTPClient's
//     timeout, if shorter).
//   - A request that needs a fetch (the first ones, or a token whose key
//     is not cached) waits for it at most 2 seconds after the fetch
//     started, then is answered 503 with `Retry-After: 1`; the fetch goes
//     on in the background, and its keys serve the requests that follow.
//   - A failed fetch is not tried again for KeyRefreshInterval (the keys)
//     or 5 seconds (the discovery document), counted from its end; in that
//     window a request that needs it is answered 503 at once, its
//     `Retry-After` the time left.
//
// It documents itself as its Scheme.
type Verifier[C any] struct {
	// Scheme names the provider: its OpenIDConnectURL is the discovery
	// document, fetched on first use, and it is what the OpenAPI document
	// shows. It must be an absolute URL, or DiscoveryURL must be set.
	Scheme *security.OpenIDConnect
	// DiscoveryURL, if set, is fetched instead of Scheme.OpenIDConnectURL
	// (which may then be relative, for the docs).
	DiscoveryURL string
	// InsecureIssuerURL, if set, is the issuer the discovery document must
	// name instead of the one its URL implies, for a provider known to
	// publish its document elsewhere than under its issuer (go-oidc's
	// InsecureIssuerURLContext). The document's "issuer" must then equal
	// it exactly, and tokens must still carry it as their "iss".
	//
	// It gives up a check of OpenID Connect Discovery §4.3, which ties
	// the issuer to the URL the document was fetched from: with it, the
	// verifier trusts whatever answers at the discovery URL to speak for
	// that issuer, so if the URL is not the issuer's own (a shared or
	// multi-tenant host, a proxy, a mistyped tenant), whoever serves it
	// can point jwks_uri at keys of its choosing and mint tokens that
	// verify as the issuer's. Set it only for a provider whose
	// documentation says its issuer differs, to the issuer it documents.
	InsecureIssuerURL string
	// ClientID is the audience every token must name (its "aud").
	ClientID string
	// SkipClientIDCheck accepts tokens of any audience; only for access
	// tokens of providers that do not set "aud".
	SkipClientIDCheck bool
	// Algorithms are the accepted signature algorithms; nil means those
	// the provider advertises, or RS256.
	Algorithms []string
	// HTTPClient fetches the discovery document and keys; nil means a
	// client with a 10-second timeout.
	HTTPClient *http.Client
	// KeyRefreshInterval is the least time between the end of one fetch
	// of the provider's keys and the start of the next, whether caused by
	// a token signed with a key the cache does not know, by old keys or by
	// a failed fetch; 0 means 10 seconds.
	KeyRefreshInterval time.Duration
	// KeyMaxAge is how long fetched keys are used before they are fetched
	// again, in the background, the old ones serving until then; 0 means
	// an hour.
	KeyMaxAge time.Duration
	// Now is the clock of the token checks and of the key cache's
	// intervals, for tests; nil means time.Now. How long a request waits
	// for the provider is measured on the wall clock.
	Now func() time.Time

	verifier atomic.Pointer[gooidc.IDTokenVerifier]

	mu      sync.Mutex
	loading *fetchRun // the running discovery, nil when none
	failed  time.Time // when the last discovery failed, by now
	err     error     // its error
}

// Resolve verifies the request's bearer token and returns its claims.
func (v *Verifier[C]) Resolve(r *typed.Request) (C, error) {
	var claims C
	header, err := typed.Resolve(r, typed.Dep[string](v.Scheme))
	if err != nil {
		return claims, err
	}
	scheme, token := httpx.SplitAuthorization(header)
	if !httpx.EqualFoldASCII(scheme, "bearer") || token == "" {
		return claims, errNotBearer
	}
	ctx := r.Request().Context()
	ver, err := v.load(ctx)
	if err != nil {
		return claims, unavailable(err)
	}
	var keyErr error
	idt, err := ver.Verify(context.WithValue(ctx, errSlot{}, &keyErr), token)
	if err != nil {
		if errors.Is(keyErr, ErrProviderUnavailable) {
			return claims, unavailable(keyErr)
		}
		if keyErr != nil {
			err = keyErr
		}
		return claims, describe(err)
	}
	if err := idt.Claims(&claims); err != nil {
		return claims, errClaims
	}
	return claims, nil
}

// Describe documents the Scheme.
func (v *Verifier[C]) Describe(d *typed.Doc) { v.Scheme.Describe(d) }

// unavailable is the 503 for err, a failure to reach the provider.
func unavailable(err error) error {
	return &typed.HTTPError{Status: http.StatusServiceUnavailable, Detail: "The identity provider is unavailable",
		Header: http.Header{"Retry-After": {strconv.Itoa(retryAfter(err))}}, Err: err}
}

func (v *Verifier[C]) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}

// load returns the token verifier, discovering the provider on first use.
// One discovery runs at a time, and requests wait for it at most fetchWait
// after it started; after a failure, requests are answered with its error
// for retryAfterFailure, counted from its end, before the next attempt.
func (v *Verifier[C]) load(ctx context.Context) (*gooidc.IDTokenVerifier, error) {
	if ver := v.verifier.Load(); ver != nil {
		return ver, nil
	}
	v.mu.Lock()
	if ver := v.verifier.Load(); ver != nil {
		v.mu.Unlock()
		return ver, nil
	}
	run := v.loading
	if run == nil {
		if v.err != nil {
			if wait := retryAfterFailure - v.now().Sub(v.failed); wait > 0 {
				err := v.err
				v.mu.Unlock()
				return nil, &retryError{err: err, after: wait}
			}
		}
		run = newFetchRun()
		v.loading = run
		go v.discover(run)
	}
	v.mu.Unlock()
	if err := run.wait(ctx); err != nil {
		return nil, err
	}
	if ver := v.verifier.Load(); ver != nil {
		return ver, nil
	}
	return nil, &retryError{err: run.err, after: retryAfterFailure}
}

// discover fetches the discovery document, builds the verifier and ends
// run. It runs on its own, so that a request giving up does not fail the
// others waiting for it.
func (v *Verifier[C]) discover(run *fetchRun) {
	client := v.HTTPClient
	if client == nil {
		client = defaultClient
	}
	url := v.DiscoveryURL
	if url == "" {
		url = v.Scheme.OpenIDConnectURL
	}
	cfg, err := discover(client, url, v.InsecureIssuerURL)
	v.mu.Lock()
	defer close(run.done)
	defer v.mu.Unlock()
	v.loading = nil
	if err != nil {
		v.err, v.failed = fmt.Errorf("%w: %v", ErrProviderUnavailable, err), v.now()
		run.err = v.err
		return
	}
	keys := &keySet{url: cfg.JWKSURL, client: client, now: v.now,
		refreshInterval: or(v.KeyRefreshInterval, defaultKeyRefreshInterval), maxAge: or(v.KeyMaxAge, defaultKeyMaxAge)}
	algs := v.Algorithms
	if algs == nil {
		algs = supported(cfg.Algorithms)
	}
	v.verifier.Store(gooidc.NewVerifier(cfg.IssuerURL, keys, &gooidc.Config{
		ClientID:             v.ClientID,
		SkipClientIDCheck:    v.SkipClientIDCheck,
		SupportedSigningAlgs: algs,
		Now:                  v.Now,
	}))
	v.err = nil
}

var defaultClient = &http.Client{Timeout: 10 * time.Second}

func or(d, fallback time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return fallback
}

// supported keeps the advertised algorithms the key set can verify; none
// of them means RS256, the one every provider must support.
func supported(advertised []string) []string {
	var algs []string
	for _, a := range advertised {
		for _, s := range asymmetricAlgs {
			if a == string(s) {
				algs = append(algs, a)
			}
		}
	}
	if algs == nil {
		algs = []string{string(jose.RS256)}
	}
	return algs
}

// wellKnown is the path a discovery document is published at, under its
// issuer (OpenID Connect Discovery 1.0 §4).
const wellKnown = "/.well-known/openid-configuration"

// discover fetches and reads a discovery document (OpenID Connect
// Discovery 1.0 §4) and checks its issuer (§4.3): with insecureIssuer
// empty, the issuer without a trailing "/", followed by wellKnown, must be
// url; otherwise the issuer must be insecureIssuer.
func discover(client *http.Client, url, insecureIssuer string) (*gooidc.ProviderConfig, error) {
	ctx, cancel := context.WithTimeout(context.Background(), fetchTimeout)
	defer cancel()
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
	switch {
	case insecureIssuer != "" && doc.Issuer != insecureIssuer:
		return nil, fmt.Errorf("the discovery document's issuer %q is not InsecureIssuerURL %q", doc.Issuer, insecureIssuer)
	case insecureIssuer == "" && strings.TrimSuffix(doc.Issuer, "/")+wellKnown != url:
		return nil, fmt.Errorf("the discovery document's issuer %q does not match its URL %q "+
			"(OpenID Connect Discovery 1.0 §4.3); set InsecureIssuerURL only if the provider is known to differ", doc.Issuer, url)
	}
	return &gooidc.ProviderConfig{IssuerURL: doc.Issuer, AuthURL: doc.AuthURL, TokenURL: doc.TokenURL,
		UserInfoURL: doc.UserInfoURL, JWKSURL: doc.JWKSURL, Algorithms: doc.Algorithms}, nil
}

// The invalid_token answers: their descriptions say what is
// wrong without echoing the token.
var (
	errNotBearer  = security.InvalidToken("The access token must be sent as a Bearer token.")
	errClaims     = security.InvalidToken("The token's claims cannot be read.")
	errExpired    = security.InvalidToken("The token expired.")
	errNotYet     = security.InvalidToken("The token is not valid yet.")
	errIssuer     = security.InvalidToken("The token was issued by another provider.")
	errAudience   = security.InvalidToken("The token is for another audience.")
	errUnknownKid = security.InvalidToken("The token is signed with a key the provider does not publish.")
	errSignature  = security.InvalidToken("The token's signature is not valid.")
	errAlgorithm  = security.InvalidToken("The token's signature algorithm is not accepted.")
	errMalformed  = security.InvalidToken("The token is malformed.")
	errInvalidTok = security.InvalidToken("The token is not valid.")
)

// describe turns a verification error into its invalid_token answer.
// go-oidc's errors other than expiry are told apart by their text, which
// the tests pin.
func describe(err error) *typed.HTTPError {
	var expired *gooidc.TokenExpiredError
	msg := err.Error()
	switch {
	case errors.As(err, &expired):
		return errExpired
	case errors.Is(err, errUnknownKey):
		return errUnknownKid
	case errors.Is(err, errBadSignature):
		return errSignature
	case strings.Contains(msg, "before the nbf"):
		return errNotYet
	case strings.Contains(msg, "issued by a different provider"):
		return errIssuer
	case strings.Contains(msg, "expected audience"):
		return errAudience
	case strings.Contains(msg, "unexpected signature algorithm"):
		return errAlgorithm
	case strings.Contains(msg, "malformed"), strings.Contains(msg, "failed to unmarshal claims"):
		return errMalformed
	case strings.Contains(msg, "signature"), strings.Contains(msg, "signing"):
		return errSignature
	}
	return errInvalidTok
}
