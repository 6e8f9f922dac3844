package security

import (
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

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
		algName = DigestMD5 // RFC 7616 §3.4
	}
	alg, ok := s.offered(algName)
	if !ok {
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
		user = DigestUser[U]{} // hash all the same, and refuse below
	}
	// No secret: never the empty password (security review F6).
	secret := user.HA1 != "" || user.Password != ""
	h := alg.hash()
	if a.hashHook != nil {
		h = a.hashHook(h)
	}
	want := digestResponse(h, alg, cred, user.Password, user.HA1, a.Realm, req.Method)
	got := []byte(strings.ToLower(cred.Response))
	match := subtle.ConstantTimeCompare(want, got) == 1
	switch {
	case !known:
		return zero, reject("unknown user")
	case !secret:
		a.logger().ErrorContext(req.Context(),
			"security: DigestAuth.Lookup returned a known user with neither HA1 nor password for the algorithm; answered 401",
			slog.String("username", cred.Username), slog.String("algorithm", alg.base), slog.String("realm", a.Realm))
		return zero, reject("user " + strconv.Quote(cred.Username) + " has neither HA1 nor password for " + alg.base)
	case !match:
		return zero, reject("wrong response")
	}
	if issued := id.issued(); issued+s.ttl <= now || issued > now+s.ttl {
		return zero, a.stale(s, now, errors.New("security: digest: nonce expired"))
	}
	switch s.tracker.use(id, nc, now) {
	case ncReplay:
		return zero, reject("nonce count " + cred.NC + " replayed")
	case ncExpired:
		return zero, a.stale(s, now, errors.New("security: digest: nonce expired (by this instance's latest time)"))
	case ncLost:
		return zero, a.stale(s, now, errors.New("security: digest: nonce forgotten (MaxNonces)"))
	}
	return user.User, nil
}

// offered returns the algorithm named name (any case) if it was
// challenged.
func (s *digestState) offered(name string) (digestAlg, bool) {
	for _, have := range s.algs {
		if strings.EqualFold(have.name, name) {
			return have, true
		}
	}
	return digestAlg{}, false
}
