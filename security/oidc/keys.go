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
	// retryAfterFailure is how long a failed discovery is remembered,
	// counted from its end: requests in that time get 503 at once instead
	// of queueing behind another attempt.
	retryAfterFailure = 5 * time.Second
	// fetchTimeout bounds a fetch of the discovery document or the keys,
	// whatever the HTTP client's own timeout.
	fetchTimeout = 10 * time.Second
	// fetchWait bounds how long requests wait for a fetch that has not
	// ended, counted from the start of the fetch: long enough for a
	// provider that answers at all, short next to fetchTimeout, so that a
	// provider that hangs costs each waiting request at most this much.
	// The fetch itself goes on in the background until fetchTimeout.
	fetchWait = 2 * time.Second
	// retryWhileFetching is the Retry-After of a request that stopped
	// waiting for a fetch still running.
	retryWhileFetching = time.Second
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
// implements go-oidc's KeySet, with these differences from its
// RemoteKeySet:
//
//   - A token whose kid names a cached key is verified with that key only; a
//     bad signature never makes it fetch the set again (RemoteKeySet fetches
//     it for every token that fails, so anyone could make the API hammer the
//     provider with forged tokens).
//   - A token signed with a key it does not know makes it fetch the set
//     (that is how a provider's key rotation is picked up, OpenID Connect
//     Core §10.1.1), but at most once per refreshInterval, counted from the
//     end of the last fetch, whether it succeeded or failed.
//   - Keys older than maxAge are used at once while a fetch runs in the
//     background (stale-while-revalidate), so keys the provider withdrew
//     stop verifying without valid requests ever waiting for the provider;
//     the old keys stay in use while the provider cannot be reached.
//   - At most one fetch runs at a time, and a request waits for it at most
//     fetchWait after it started; then it is a 503. After a failed fetch,
//     requests that need one are a 503 at once until refreshInterval has
//     passed.
type keySet struct {
	url             string
	client          *http.Client
	now             func() time.Time
	refreshInterval time.Duration
	maxAge          time.Duration

	snap atomic.Pointer[keySnapshot] // the cached keys, read without locking

	mu    sync.Mutex
	run   *fetchRun // the running fetch, nil when none
	ended time.Time // when the last fetch ended, by now
	err   error     // the last fetch's error
}

// keySnapshot is the key set as last fetched.
type keySnapshot struct {
	keys    []jose.JSONWebKey
	fetched time.Time
}

// fetchRun is one fetch of the discovery document or the key set, which
// requests wait for.
type fetchRun struct {
	done  chan struct{} // closed when the fetch ends
	until time.Time     // wall clock: waiting requests give up then
	err   error         // the fetch's error, set before done is closed
}

func newFetchRun() *fetchRun {
	return &fetchRun{done: make(chan struct{}), until: time.Now().Add(fetchWait)}
}

// wait waits for the fetch to end, but not past r.until nor past the end
// of the request. The deadline is on the wall clock, not on the
// verifier's Now: it bounds the time a request is held.
func (r *fetchRun) wait(ctx context.Context) error {
	select {
	case <-r.done:
		return nil
	default:
	}
	d := time.Until(r.until)
	if d <= 0 {
		return errStillFetching
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-r.done:
		return nil
	case <-t.C:
		return errStillFetching
	case <-ctx.Done():
		return &retryError{err: fmt.Errorf("%w: %w", ErrProviderUnavailable, ctx.Err()), after: retryWhileFetching}
	}
}

// errStillFetching answers a request that stopped waiting for a fetch.
var errStillFetching = &retryError{
	err:   fmt.Errorf("%w: no answer within %v", ErrProviderUnavailable, fetchWait),
	after: retryWhileFetching,
}

// retryError is a failure to reach the provider, with the time until the
// next attempt: the Retry-After of the 503.
type retryError struct {
	err   error
	after time.Duration
}

func (e *retryError) Error() string { return e.err.Error() }
func (e *retryError) Unwrap() error { return e.err }

// retryAfter is the Retry-After, in whole seconds, for err.
func retryAfter(err error) int {
	after := retryAfterFailure
	var re *retryError
	if errors.As(err, &re) {
		after = re.after
	}
	secs := int((after + time.Second - 1) / time.Second)
	return max(secs, 1)
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
	// Only the compact serialization is a JWT (RFC 7519 §7.2). go-jose's
	// ParseSigned, which go-oidc calls first, also takes the JWS JSON
	// serialization, whose unprotected header members no signature covers.
	jws, err := jose.ParseSignedCompact(jwt, asymmetricAlgs)
	if err != nil {
		return nil, fmt.Errorf("oidc: malformed jwt: %v", err)
	}
	if len(jws.Signatures) != 1 {
		return nil, errors.New("oidc: malformed jwt: not exactly one signature")
	}
	header := jws.Signatures[0].Header

	snap := k.snap.Load()
	if snap == nil {
		// Nothing cached yet: there is nothing to verify with but what
		// this fetch (or the one running) brings.
		err := k.refresh(ctx)
		if snap = k.snap.Load(); snap == nil {
			if err == nil {
				err = fmt.Errorf("%w: no key set fetched yet", ErrProviderUnavailable)
			}
			return nil, err
		}
	} else if k.now().Sub(snap.fetched) >= k.maxAge {
		// Old keys: verify with them now, fetch them again meanwhile.
		k.revalidate()
	}
	payload, err := verifyWith(jws, header, snap.keys)
	if !errors.Is(err, errUnknownKey) {
		return payload, err
	}
	// A key the cache does not know: the provider may have rotated. Any
	// keys fetched since snap (by this refresh or by another) are tried;
	// without any, the refresh's failure is the answer.
	err = k.refresh(ctx)
	if latest := k.snap.Load(); latest != snap {
		payload, err = verifyWith(jws, header, latest.keys)
	} else if err == nil {
		err = errUnknownKey
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

// untilNext is how long until a fetch may start again (at most 0 when it
// may now). k.mu is held.
func (k *keySet) untilNext() time.Duration {
	if k.ended.IsZero() {
		return 0
	}
	return k.refreshInterval - k.now().Sub(k.ended)
}

// start starts a fetch. k.mu is held and no fetch is running.
func (k *keySet) start() *fetchRun {
	run := newFetchRun()
	k.run = run
	go k.fetch(run)
	return run
}

// revalidate starts a fetch in the background, unless one is running or
// the last one ended less than refreshInterval ago.
func (k *keySet) revalidate() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.run == nil && k.untilNext() <= 0 {
		k.start()
	}
}

// refresh fetches the key set, or waits for the fetch already running (at
// most until fetchWait after it started); the keys fetched are in k.snap.
// It starts a fetch only if the last one ended at least refreshInterval
// ago; otherwise it answers at once, with the last fetch's error.
func (k *keySet) refresh(ctx context.Context) error {
	k.mu.Lock()
	run := k.run
	if run == nil {
		if wait := k.untilNext(); wait > 0 {
			err := k.err
			k.mu.Unlock()
			if err == nil {
				return nil
			}
			return &retryError{err: err, after: wait}
		}
		run = k.start()
	}
	k.mu.Unlock()
	if err := run.wait(ctx); err != nil {
		return err
	}
	if run.err != nil {
		return &retryError{err: run.err, after: k.refreshInterval}
	}
	return nil
}

// fetch gets the key set and ends run. It runs on its own, so that one
// request giving up does not fail the others waiting for the same fetch,
// and so that a fetch started for old keys delays no request.
func (k *keySet) fetch(run *fetchRun) {
	keys, err := k.get()
	k.mu.Lock()
	end := k.now()
	if err == nil {
		k.snap.Store(&keySnapshot{keys: keys, fetched: end})
	}
	k.err, k.ended, k.run = err, end, nil
	run.err = err
	k.mu.Unlock()
	close(run.done)
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
