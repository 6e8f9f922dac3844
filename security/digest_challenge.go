package security

import (
	"errors"
	"net/http"

	"github.com/fastecho/fastecho/typed"
)

// challengeTemplate is one challenge around its nonce.
type challengeTemplate struct{ prefix, suffix string }

// newChallengeTemplate returns the challenge of realm for algorithm.
func newChallengeTemplate(realm, algorithm, opaque string) challengeTemplate {
	return challengeTemplate{
		prefix: "Digest realm=" + quote(realm) + `, qop="auth", algorithm=` + algorithm + `, nonce="`,
		suffix: `", opaque="` + opaque + `"`,
	}
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
