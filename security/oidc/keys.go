package oidc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Defaults of the key cache.
const (
	defaultKeyRefreshInterval = 10 * time.Second
	defaultKeyMaxAge          = time.Hour
	// retryAfterFailure is how long a failed discovery is remembered:
	// requests in that time get 503 at once instead of queueing behind
	// another attempt.
	retryAfterFailure = 5 * time.Second
	// fetchTimeout bounds a fetch of the discovery document or the keys,
	// whatever the HTTP client's own timeout.
	fetchTimeout = 10 * time.Second
)

// Errors of the key set, told apart by describe.
var (
	errUnknownKey   = errors.New("oidc: the token is signed with a key the provider does not publish")
	errBadSignature = errors.New("oidc: signature not valid")
)

// asymmetricAlgs are the algorithms a key set can verify. HMAC is left out:
// a provider's published keys are public, and a key set must never verify
// HS256 with one of them as the secret.
var asymmetricAlgs = []jose.SignatureAlgorithm{
	jose.RS256, jose.RS384, jose.RS512,
	jose.PS256, jose.PS384, jose.PS512,
	jose.ES256, jose.ES384, jose.ES512,
	jose.EdDSA,
}

// keySet is the provider's JSON Web Key Set (jwks_uri), cached. It
// implements go-oidc's KeySet, with two differences from its RemoteKeySet:
//
//   - A token whose kid names a cached key is verified with that key only; a
//     bad signature never makes it fetch the set again (RemoteKeySet fetches
//     it for every token that fails, so anyone could make the API hammer the
//     provider with forged tokens).
//   - A token signed with a key it does not know makes it fetch the set
//     (that is how a provider's key rotation is picked up, OpenID Connect
//     Core §10.1.1), but at most once per refreshInterval; keys older than
//     maxAge are fetched again, so keys the provider withdrew stop verifying.
//
// Concurrent fetches are coalesced into one.
type keySet struct {
	url             string
	client          *http.Client
	now             func() time.Time
	refreshInterval time.Duration
	maxAge          time.Duration

	snap atomic.Pointer[keySnapshot] // the cached keys, read without locking

	mu       sync.Mutex
	tried    time.Time     // when a fetch last started
	inflight chan struct{} // closed when the running fetch ends
	err      error         // the last fetch's error
}

// keySnapshot is the key set as last fetched.
type keySnapshot struct {
	keys    []jose.JSONWebKey
	fetched time.Time
}

// errSlot is the context key under which Verifier.Resolve leaves a place
// for the key set's error: go-oidc reports it only as text.
type errSlot struct{}

// VerifySignature verifies jwt's signature with the provider's keys and
// returns its payload. Its algorithm has been checked by go-oidc already.
// The error is also stored in the *error the context holds under errSlot.
func (k *keySet) VerifySignature(ctx context.Context, jwt string) ([]byte, error) {
	payload, err := k.verify(ctx, jwt)
	if slot, ok := ctx.Value(errSlot{}).(*error); ok {
		*slot = err
	}
	return payload, err
}

func (k *keySet) verify(ctx context.Context, jwt string) ([]byte, error) {
	jws, err := jose.ParseSigned(jwt, asymmetricAlgs)
	if err != nil {
		return nil, fmt.Errorf("oidc: malformed jwt: %v", err)
	}
	if len(jws.Signatures) != 1 {
		return nil, errors.New("oidc: malformed jwt: not exactly one signature")
	}
	header := jws.Signatures[0].Header

	keys, fetched := k.cached()
	if keys == nil || k.now().Sub(fetched) >= k.maxAge {
		// Nothing cached yet, or the keys are old: fetch (unless a fetch
		// started less than refreshInterval ago). Old keys are still used
		// when the provider cannot be reached.
		if fresh, err := k.refresh(ctx); err == nil {
			keys = fresh
		} else if keys == nil {
			return nil, err
		}
	}
	payload, err := verifyWith(jws, header, keys)
	if !errors.Is(err, errUnknownKey) {
		return payload, err
	}
	// A key the cache does not know: the provider may have rotated.
	keys, err = k.refresh(ctx)
	if err == nil {
		payload, err = verifyWith(jws, header, keys)
	}
	if errors.Is(err, errUnknownKey) && header.KeyID == "" {
		// Without a kid, no key verifying it is a bad signature.
		err = errBadSignature
	}
	return payload, err
}

// verifyWith verifies jws with the key its header names (or, without a
// kid, with each key in turn). It answers errUnknownKey when no key fits.
func verifyWith(jws *jose.JSONWebSignature, header jose.Header, keys []jose.JSONWebKey) ([]byte, error) {
	tried := false
	for i := range keys {
		key := &keys[i]
		if header.KeyID != "" && key.KeyID != header.KeyID ||
			key.Use != "" && key.Use != "sig" ||
			key.Algorithm != "" && key.Algorithm != header.Algorithm {
			continue
		}
		tried = true
		if payload, err := jws.Verify(key); err == nil {
			return payload, nil
		}
	}
	if tried && header.KeyID != "" {
		return nil, errBadSignature
	}
	// No key with that kid, or no kid and no key verifies: maybe a key
	// published since the last fetch.
	return nil, errUnknownKey
}

func (k *keySet) cached() ([]jose.JSONWebKey, time.Time) {
	if s := k.snap.Load(); s != nil {
		return s.keys, s.fetched
	}
	return nil, time.Time{}
}

// refresh fetches the key set, or waits for the fetch already running. It
// fetches only if no fetch started in the last refreshInterval; otherwise
// it answers the last fetch's error, or errUnknownKey if it succeeded.
func (k *keySet) refresh(ctx context.Context) ([]jose.JSONWebKey, error) {
	k.mu.Lock()
	wait := k.inflight
	if wait == nil {
		if !k.tried.IsZero() && k.now().Sub(k.tried) < k.refreshInterval {
			err := k.err
			k.mu.Unlock()
			if err == nil {
				err = errUnknownKey
			}
			return nil, err
		}
		wait = make(chan struct{})
		k.inflight, k.tried = wait, k.now()
		go k.fetch(wait)
	}
	k.mu.Unlock()
	select {
	case <-wait:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	k.mu.Lock()
	err := k.err
	k.mu.Unlock()
	if err != nil {
		return nil, err
	}
	keys, _ := k.cached()
	return keys, nil
}

// fetch gets the key set and closes done. It runs on its own, so that one
// request giving up does not fail the others waiting for the same fetch.
func (k *keySet) fetch(done chan struct{}) {
	keys, err := k.get()
	k.mu.Lock()
	if err == nil {
		k.snap.Store(&keySnapshot{keys: keys, fetched: k.now()})
	}
	k.err, k.inflight = err, nil
	k.mu.Unlock()
	close(done)
}

func (k *keySet) get() ([]jose.JSONWebKey, error) {
	ctx, cancel := context.WithTimeout(context.Background(), fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, k.url, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProviderUnavailable, err)
	}
	req.Header.Set("Accept", "application/json")
	res, err := k.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProviderUnavailable, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProviderUnavailable, err)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: GET %s: %s", ErrProviderUnavailable, k.url, res.Status)
	}
	keys, err := parseKeySet(body)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrProviderUnavailable, k.url, err)
	}
	return keys, nil
}

// parseKeySet reads a JSON Web Key Set (RFC 7517 §5), keeping the public
// keys go-jose understands and skipping the others, as §5 says.
func parseKeySet(body []byte) ([]jose.JSONWebKey, error) {
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(body, &set); err != nil {
		return nil, err
	}
	keys := make([]jose.JSONWebKey, 0, len(set.Keys))
	for _, raw := range set.Keys {
		var key jose.JSONWebKey
		if err := json.Unmarshal(raw, &key); err != nil || !key.Valid() || !key.IsPublic() {
			continue
		}
		keys = append(keys, key)
	}
	return keys, nil
}
