package security

// DigestAuth, in files of their own:
//   - digest.go: the type, its configuration and setup;
//   - digest_verify.go: Resolve, the checks of one request;
//   - digest_uri.go: whether the credentials' uri is the request target;
//   - digest_challenge.go: the 401 answers and their challenges;
//   - digest_alg.go: the algorithms and the response computation;
//   - digest_nonce.go: issuing and checking nonces;
//   - digest_nc.go: the nonce counts each nonce has used (replay);
//   - digest_params.go: parsing the Authorization parameters.

import (
	"context"
	"crypto/rand"
	"errors"
	"hash"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/fastecho/fastecho/typed"
)

var (
	_ typed.Dep[struct{}] = (*DigestAuth[struct{}])(nil)
	_ Scheme              = (*DigestAuth[struct{}])(nil)
)

// ErrDigestRejected is the cause of the errors [DigestAuth] returns for
// Digest credentials that do not authenticate: unknown user, a known user
// without a secret for the algorithm, wrong response, a nonce this server
// did not issue, a replayed nonce count, a realm, opaque, algorithm or qop
// other than challenged, a uri other than the request target. The error's
// text says which; the client's does not.
var ErrDigestRejected = errors.New("security: digest credentials rejected")

// ErrDigestStale is the cause of [DigestAuth]'s 401 with stale=true: the
// credentials were right but the nonce has expired (or this instance can
// no longer tell whether its count was used), so the client should retry
// with the new nonce without asking the user again (RFC 7616 §3.3).
var ErrDigestStale = errors.New("security: digest nonce stale")

// DigestUser is what [DigestAuth.Lookup] returns for a username: the value
// the handler receives, and the secret to check the response against,
// either the password or HA1. A user with neither is refused: the empty
// password never authenticates (store DigestHA1 of the empty password as
// HA1 if you really mean one).
type DigestUser[U any] struct {
	User     U      // handed to the handler when the response is right
	Password string // the password; used when HA1 is empty
	// HA1 is H(username ":" realm ":" password) in hexadecimal (either
	// case) for the algorithm Lookup was given: see [DigestHA1]. Storing
	// it rather than the password lets you keep no plain passwords, but
	// it is itself enough to authenticate to this realm: keep it secret.
	HA1 string
}

// DigestAuth is HTTP Digest authentication (RFC 7616) that verifies what
// [HTTPDigest] only extracts. Resolve reads the Authorization header as
// HTTPDigest does, parses it with [ParseDigestCredentials], and checks
// that the realm, opaque, algorithm and qop ("auth") are those challenged,
// that uri is the request target, that this server issued the nonce, that
// the nonce count was not used before on this instance, and that the
// response matches the one computed from what Lookup returns (compared in
// constant time). Then it resolves to the user.
//
// Every 401 carries one challenge per algorithm, most preferred first,
// each `Digest realm="…", qop="auth", algorithm=SHA-256, nonce="…",
// opaque="…"`, with a new nonce:
//
//   - no Digest credentials: {"detail":"Not authenticated"}, wrapping
//     [ErrNoCredentials], so [Optional] and [AnyOf] skip it;
//   - unreadable parameters: the same, wrapping [ErrMalformedCredentials];
//   - credentials that do not authenticate: {"detail":"Incorrect username
//     or password"}, wrapping [ErrDigestRejected];
//   - right credentials with an expired nonce: {"detail":"Not
//     authenticated"} and stale=true on every challenge, wrapping
//     [ErrDigestStale]; clients retry on their own.
//
// A uri that is not the request target is a 400 (RFC 7616 §3.4.6). An
// error from Lookup fails the request as it is.
//
// An unknown user, a known one with a wrong response and a known one
// without a secret cost the same hashing: the same number of hash
// computations with the same function, whether Lookup returns passwords or
// HA1 values.
//
// Nonces carry their time, random bytes and an HMAC under Key, so any
// instance sharing Key accepts a nonce another issued: no shared state is
// needed behind a load balancer. Each instance accepts a nonce count at
// most once per nonce (replay), remembering at most MaxNonces nonces; a
// nonce it forgot, because it expired or to make room, is never accepted
// again there. An instance that did not see the earlier uses of a nonce
// cannot tell a replay, so NonceTTL bounds how long one is possible across
// instances. Expiry follows the latest time the instance has seen: if its
// clock steps back by more than NonceTTL, its nonces are stale until the
// clock has caught up.
//
// It documents itself as the embedded HTTPDigest does: {"type": "http",
// "scheme": "digest"} under HTTPDigest's SchemeName, FastAPI's object.
// HTTPDigest's NotAuthenticated, if set, gives the status, detail and
// extra headers of the "no credentials" answers; the challenges replace
// its WWW-Authenticate. Within one request, Resolve checks the
// credentials once, however many dependencies reach it.
//
// Configure it once and use it by pointer; do not change it after first
// use. Beyond FastAPI, whose HTTPDigest does not verify anything.
type DigestAuth[U any] struct {
	HTTPDigest // the scheme: its name, description and NotAuthenticated

	// Realm is the protection space, sent in every challenge and required
	// in the credentials. Required.
	Realm string

	// Lookup returns the user named username and its password or HA1, or
	// ok false if there is none (a 401, after as much hashing as for a
	// known user). ctx is the request's context, with the values
	// middleware put in it. algorithm is the base algorithm, "MD5",
	// "SHA-256" or "SHA-512-256" (also for the -sess forms), for choosing
	// a stored HA1. A known user with neither HA1 nor password (say, no
	// HA1 stored for this algorithm) is a 401 for the client and an error
	// in Logger naming the user and the algorithm: it never authenticates
	// with the empty password. An error fails the request as it is (return
	// a *typed.HTTPError to choose the answer). Required.
	Lookup func(ctx context.Context, username, algorithm string) (user DigestUser[U], ok bool, err error)

	// Algorithms are the algorithms offered, one challenge each, most
	// preferred first; credentials with another are rejected. Nil means
	// {"SHA-256"}. Add "MD5" for clients that know no better, after
	// SHA-256: clients use the first challenge they support. (Python's
	// urllib reads only the first challenge, and before Python 3.14 knows
	// only MD5 (CPython gh-128192): serve "MD5" first if you must.)
	Algorithms []string

	// Key signs the nonces: at least 16 random bytes, the same on every
	// instance that serves the realm. Nil means a random key made on first
	// use, so nonces do not survive a restart or reach another instance.
	Key []byte

	// NonceTTL is how long a nonce is accepted; older ones get a stale=true
	// challenge. Zero means 5 minutes.
	NonceTTL time.Duration

	// MaxNonces bounds the nonces whose counts each instance remembers
	// (about 100 bytes each). When the table is full, the nonces used
	// first are forgotten and their clients get a new nonce (stale=true).
	// Only nonces of requests that authenticated are remembered. Zero
	// means 10000.
	MaxNonces int

	// Now returns the current time; nil means time.Now. For tests.
	Now func() time.Time

	// Logger receives the errors of the server's side that a request
	// reveals: a known user whom Lookup gave no secret for the algorithm.
	// Nil means slog.Default() at the time of the error.
	Logger *slog.Logger

	// hashHook, if set (by tests, before first use), wraps the hash each
	// response is computed with, to count the hashing of each path.
	hashHook func(hash.Hash) hash.Hash

	once  sync.Once
	state *digestState
}

// digestState is what a DigestAuth computes on first use.
type digestState struct {
	nonces     nonces
	opaque     string // sent in every challenge, required back
	algs       []digestAlg
	ttl        int64
	tracker    *ncTracker
	challenges []challengeTemplate
}

// setup returns the state, building it on first use. It panics on a bad
// configuration.
func (a *DigestAuth[U]) setup() *digestState {
	a.once.Do(func() { a.state = a.newState() })
	return a.state
}

func (a *DigestAuth[U]) newState() *digestState {
	switch {
	case a.Realm == "":
		panic("security: DigestAuth needs a Realm")
	case challengeText(a.Realm, false) != a.Realm:
		panic("security: DigestAuth.Realm holds a control character")
	case a.Lookup == nil:
		panic("security: DigestAuth needs a Lookup")
	case len(a.Key) > 0 && len(a.Key) < 16:
		panic("security: DigestAuth.Key must be at least 16 bytes")
	case a.NonceTTL < 0, a.MaxNonces < 0:
		panic("security: DigestAuth.NonceTTL and MaxNonces must not be negative")
	}
	key := append([]byte(nil), a.Key...)
	if len(key) == 0 {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			panic("security: crypto/rand failed: " + err.Error())
		}
	}
	names := a.Algorithms
	if len(names) == 0 {
		names = []string{digestDefaultAlgorithm}
	}
	s := &digestState{
		nonces: nonces{key: key, realm: a.Realm},
		ttl:    int64(5 * time.Minute),
	}
	if a.NonceTTL > 0 {
		s.ttl = int64(a.NonceTTL)
	}
	maxNonces := a.MaxNonces
	if maxNonces == 0 {
		maxNonces = 10000
	}
	s.tracker = newNCTracker(maxNonces, s.ttl)
	s.opaque = s.nonces.opaque()
	for _, name := range names {
		alg, ok := findDigestAlg(name)
		if !ok {
			panic("security: DigestAuth.Algorithms: unsupported algorithm " + strconv.Quote(name))
		}
		for _, have := range s.algs {
			if have.name == alg.name {
				panic("security: DigestAuth.Algorithms: " + alg.name + " given twice")
			}
		}
		s.algs = append(s.algs, alg)
		s.challenges = append(s.challenges, newChallengeTemplate(a.Realm, alg.name, s.opaque))
	}
	return s
}

// now returns the current time in Unix nanoseconds.
func (a *DigestAuth[U]) now() int64 {
	if a.Now != nil {
		return a.Now().UnixNano()
	}
	return time.Now().UnixNano()
}

// logger returns Logger, or slog.Default().
func (a *DigestAuth[U]) logger() *slog.Logger {
	if a.Logger != nil {
		return a.Logger
	}
	return slog.Default()
}

// Describe checks the configuration (it panics on a bad one) and records
// the scheme as a requirement of the operation, without scopes.
func (a *DigestAuth[U]) Describe(d *typed.Doc) {
	a.setup()
	d.AddSecurity(a, nil)
}
