package security

import (
	"context"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"hash"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

var (
	_ typed.Dep[struct{}] = (*DigestAuth[struct{}])(nil)
	_ Scheme              = (*DigestAuth[struct{}])(nil)
)

// The algorithms of RFC 7616 §3.3 that [DigestAuth] supports, for its
// Algorithms field and [DigestHA1]. The -sess forms hash the nonce and
// cnonce into HA1.
const (
	DigestMD5              = "MD5"              // for old clients only
	DigestMD5Sess          = "MD5-sess"         // MD5, HA1 bound to the nonce and cnonce
	DigestSHA256           = "SHA-256"          // the default, and RFC 7616's mandatory algorithm
	DigestSHA256Sess       = "SHA-256-sess"     // SHA-256, HA1 bound to the nonce and cnonce
	DigestSHA512_256       = "SHA-512-256"      // SHA-512/256, RFC 7616's backup algorithm
	DigestSHA512_256Sess   = "SHA-512-256-sess" // SHA-512/256, HA1 bound to the nonce and cnonce
	digestDefaultAlgorithm = DigestSHA256
)

// ErrDigestRejected is the cause of the errors [DigestAuth] returns for
// Digest credentials that do not authenticate: unknown user, wrong
// response, a nonce this server did not issue, a replayed nonce count, a
// realm, opaque, algorithm or qop other than challenged, a uri other than
// the request target. The error's text says which; the client's does not.
var ErrDigestRejected = errors.New("security: digest credentials rejected")

// ErrDigestStale is the cause of [DigestAuth]'s 401 with stale=true: the
// credentials were right but the nonce has expired (or this instance can
// no longer tell whether its count was used), so the client should retry
// with the new nonce without asking the user again (RFC 7616 §3.3).
var ErrDigestStale = errors.New("security: digest nonce stale")

// DigestUser is what [DigestAuth.Lookup] returns for a username: the value
// the handler receives, and the secret to check the response against,
// either the password or HA1.
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
// Nonces carry their time, random bytes and an HMAC under Key, so any
// instance sharing Key accepts a nonce another issued: no shared state is
// needed behind a load balancer. Each instance rejects a nonce count it
// has already seen for a nonce (replay), remembering at most MaxNonces
// nonces; an instance that did not see the earlier uses of a nonce cannot
// tell a replay, so NonceTTL bounds how long one is possible across
// instances.
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
	// a stored HA1. An error fails the request as it is (return a
	// *typed.HTTPError to choose the answer). Required.
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

// challengeTemplate is one challenge around its nonce.
type challengeTemplate struct{ prefix, suffix string }

// digestAlg is a supported algorithm.
type digestAlg struct {
	name string           // as in the challenge, e.g. "SHA-256-sess"
	base string           // without -sess
	sess bool             // a -sess form
	hash func() hash.Hash // the hash function
}

var digestAlgs = []digestAlg{
	{name: DigestMD5, base: DigestMD5, hash: md5.New},
	{name: DigestMD5Sess, base: DigestMD5, sess: true, hash: md5.New},
	{name: DigestSHA256, base: DigestSHA256, hash: sha256.New},
	{name: DigestSHA256Sess, base: DigestSHA256, sess: true, hash: sha256.New},
	{name: DigestSHA512_256, base: DigestSHA512_256, hash: sha512.New512_256},
	{name: DigestSHA512_256Sess, base: DigestSHA512_256, sess: true, hash: sha512.New512_256},
}

// findDigestAlg returns the algorithm named name (any case).
func findDigestAlg(name string) (digestAlg, bool) {
	for _, a := range digestAlgs {
		if strings.EqualFold(a.name, name) {
			return a, true
		}
	}
	return digestAlg{}, false
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
		s.challenges = append(s.challenges, challengeTemplate{
			prefix: "Digest realm=" + quote(a.Realm) + `, qop="auth", algorithm=` + alg.name + `, nonce="`,
			suffix: `", opaque="` + s.opaque + `"`,
		})
	}
	return s
}

// Challenges returns the WWW-Authenticate values of a 401: one challenge
// per algorithm, sharing a new nonce, with stale=true if stale.
func (a *DigestAuth[U]) Challenges(stale bool) []string {
	s := a.setup()
	return s.challengeValues(a.now(), stale)
}

func (s *digestState) challengeValues(now int64, stale bool) []string {
	nonce := s.nonces.issue(now)
	out := make([]string, len(s.challenges))
	for i, c := range s.challenges {
		v := c.prefix + nonce + c.suffix
		if stale {
			v += ", stale=true"
		}
		out[i] = v
	}
	return out
}

func (a *DigestAuth[U]) now() int64 {
	if a.Now != nil {
		return a.Now().UnixNano()
	}
	return time.Now().UnixNano()
}

// Resolve returns the authenticated user, or the errors described on
// [DigestAuth].
func (a *DigestAuth[U]) Resolve(r *typed.Request) (U, error) {
	s := a.setup()
	// A nonce count may be used once: the check runs once per request,
	// however many dependencies reach a.
	return typed.Memo(r, a, func() (U, error) { return a.verify(r.Request(), s) })
}

func (a *DigestAuth[U]) verify(req *http.Request, s *digestState) (U, error) {
	var zero U
	now := a.now()
	v := firstHeader(req.Header, "Authorization")
	scheme, param := httpx.SplitAuthorization(v)
	if scheme == "" || param == "" || !httpx.EqualFoldASCII(scheme, "digest") {
		return zero, a.notAuthenticated(s, now, ErrNoCredentials)
	}
	cred, err := ParseDigestCredentials(param)
	if err != nil {
		return zero, a.notAuthenticated(s, now, err)
	}
	reject := func(why string) error {
		return a.rejected(s, now, errors.Join(ErrDigestRejected, errors.New("security: digest: "+why)))
	}
	switch {
	case cred.Username == "" || cred.Nonce == "" || cred.URI == "" || cred.Response == "":
		return zero, reject("username, nonce, uri or response missing")
	case cred.UserHash:
		return zero, reject("userhash was not offered")
	case cred.Realm != a.Realm:
		return zero, reject("wrong realm")
	case cred.Opaque != s.opaque:
		return zero, reject("wrong opaque")
	case !strings.EqualFold(cred.QOP, "auth"):
		return zero, reject("qop is not auth")
	case cred.CNonce == "":
		return zero, reject("cnonce missing")
	}
	if !sameTarget(cred.URI, req) {
		return zero, (&typed.HTTPError{
			Status: http.StatusBadRequest,
			Detail: "Digest uri does not match the request target",
			Err:    errors.Join(ErrDigestRejected, errors.New("security: digest: uri "+strconv.Quote(cred.URI)+" is not the request target")),
		})
	}
	algName := cred.Algorithm
	if algName == "" {
		algName = DigestMD5
	}
	var alg digestAlg
	found := false
	for _, have := range s.algs {
		if strings.EqualFold(have.name, algName) {
			alg, found = have, true
			break
		}
	}
	if !found {
		return zero, reject("algorithm " + strconv.Quote(algName) + " was not offered")
	}
	nc, ok := parseNC(cred.NC)
	if !ok {
		return zero, reject("nc is not 8 hexadecimal digits above 0")
	}
	id, ok := s.nonces.check(cred.Nonce)
	if !ok {
		return zero, reject("nonce not issued by this realm and key")
	}
	user, known, err := a.Lookup(req.Context(), cred.Username, alg.base)
	if err != nil {
		return zero, err
	}
	if !known {
		user = DigestUser[U]{Password: "\x00unknown user"} // hash all the same
	}
	want := digestResponse(alg, cred, user, a.Realm, req.Method)
	got := []byte(strings.ToLower(cred.Response))
	if subtle.ConstantTimeCompare(want, got) != 1 || !known {
		return zero, reject("wrong response or unknown user")
	}
	if issued := id.issued(); issued+s.ttl <= now || issued > now+s.ttl {
		return zero, a.stale(s, now, errors.New("security: digest: nonce expired"))
	}
	switch s.tracker.use(id, nc, now) {
	case ncReplay:
		return zero, reject("nonce count " + cred.NC + " replayed")
	case ncLost:
		return zero, a.stale(s, now, errors.New("security: digest: nonce forgotten (MaxNonces)"))
	}
	return user.User, nil
}

// digestResponse returns the expected response, lower-case hex (RFC 7616
// §3.4.1, qop=auth).
func digestResponse[U any](alg digestAlg, cred DigestCredentials, user DigestUser[U], realm, method string) []byte {
	h := alg.hash()
	var ha1 []byte
	if user.HA1 != "" {
		ha1 = []byte(strings.ToLower(user.HA1))
	} else {
		ha1 = hexHash(h, cred.Username, realm, user.Password)
	}
	if alg.sess {
		ha1 = hexHash(h, string(ha1), cred.Nonce, cred.CNonce)
	}
	ha2 := hexHash(h, method, cred.URI)
	return hexHash(h, string(ha1), cred.Nonce, cred.NC, cred.CNonce, cred.QOP, string(ha2))
}

// hexHash returns the hex digest of parts joined by ':'.
func hexHash(h hash.Hash, parts ...string) []byte {
	h.Reset()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{':'})
		}
		h.Write([]byte(p))
	}
	var sum [64]byte
	return hex.AppendEncode(nil, h.Sum(sum[:0]))
}

// DigestHA1 returns H(username ":" realm ":" password) in lower-case hex
// for algorithm ("MD5", "SHA-256", "SHA-512-256" or their -sess forms,
// which share HA1): what [DigestUser.HA1] holds, to store instead of the
// password. It panics on another algorithm.
func DigestHA1(algorithm, username, realm, password string) string {
	alg, ok := findDigestAlg(algorithm)
	if !ok {
		panic("security: DigestHA1: unsupported algorithm " + strconv.Quote(algorithm))
	}
	return string(hexHash(alg.hash(), username, realm, password))
}

// parseNC parses a nonce count: exactly 8 hex digits, not 0.
func parseNC(s string) (uint32, bool) {
	if len(s) != 8 {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 16, 32)
	return uint32(n), err == nil && n != 0
}

// sameTarget reports whether uri, from the credentials, designates the
// request target: equal to it, or both in absolute or origin form with the
// same path and query.
func sameTarget(uri string, req *http.Request) bool {
	target := req.RequestURI
	if target == "" && req.URL != nil {
		target = req.URL.RequestURI()
	}
	if uri == target {
		return true
	}
	return originForm(uri) == originForm(target) && originForm(uri) != ""
}

// originForm returns the path and query of an absolute-form target, and
// an origin-form one as is.
func originForm(t string) string {
	if strings.HasPrefix(t, "/") {
		return t
	}
	u, err := url.Parse(t)
	if err != nil || !u.IsAbs() {
		return ""
	}
	return u.RequestURI()
}

// notAuthenticated is the 401 for missing or malformed credentials, with
// HTTPDigest's NotAuthenticated as a template.
func (a *DigestAuth[U]) notAuthenticated(s *digestState, now int64, cause error) error {
	e := &typed.HTTPError{Status: http.StatusUnauthorized, Detail: notAuthenticated, Err: cause}
	h := http.Header{}
	if na := a.NotAuthenticated; na != nil {
		e.Status, e.Detail = na.Status, na.Detail
		if na.Err != nil {
			e.Err = errors.Join(cause, na.Err)
		}
		for k, vs := range na.Header {
			if k = http.CanonicalHeaderKey(k); k != wwwAuthenticate {
				h[k] = append(h[k], vs...)
			}
		}
	}
	h[wwwAuthenticate] = s.challengeValues(now, false)
	e.Header = h
	return e
}

// rejected is the 401 for credentials that do not authenticate.
func (a *DigestAuth[U]) rejected(s *digestState, now int64, cause error) error {
	return &typed.HTTPError{
		Status: http.StatusUnauthorized,
		Detail: "Incorrect username or password",
		Header: http.Header{wwwAuthenticate: s.challengeValues(now, false)},
		Err:    cause,
	}
}

// stale is the 401 asking for a retry with a new nonce.
func (a *DigestAuth[U]) stale(s *digestState, now int64, why error) error {
	return &typed.HTTPError{
		Status: http.StatusUnauthorized,
		Detail: notAuthenticated,
		Header: http.Header{wwwAuthenticate: s.challengeValues(now, true)},
		Err:    errors.Join(ErrDigestStale, why),
	}
}

// Describe checks the configuration (it panics on a bad one) and records
// the scheme as a requirement of the operation, without scopes.
func (a *DigestAuth[U]) Describe(d *typed.Doc) {
	a.setup()
	d.AddSecurity(a, nil)
}
