package openapi

import (
	"net/http"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
)

// silentWhenOptional reports whether s, under security.Optional, lets
// every request through: a missing or unreadable credential is nil, as
// with FastAPI's auto_error=False. HTTP Basic still answers 401 to a
// header it cannot decode, a verifying scheme (security.DigestAuth) to a
// wrong password, and a scheme of another package is not assumed silent.
func silentWhenOptional(s typed.Scheme) bool {
	switch s.(type) {
	case *security.APIKeyQuery, *security.APIKeyHeader, *security.APIKeyCookie,
		*security.HTTPBearer, *security.HTTPDigest, *security.HTTPBase,
		*security.OAuth2, *security.OAuth2PasswordBearer, *security.OAuth2AuthorizationCodeBearer,
		*security.OpenIDConnect:
		return true
	}
	return false
}

// refusal is how a scheme answers a request without its credential.
type refusal struct {
	status    int
	challenge bool // a WWW-Authenticate header is sent
}

// refusals returns the answers op's schemes give a request without their
// credentials, each status once: none for a scheme that lets every request
// through under security.Optional (FastAPI documents no 401 at all; this
// document does where one can happen, and only there); otherwise a
// scheme's NotAuthenticated error when set (FastAPI's
// make_not_authenticated_error, such as a 403), else 401 with a challenge.
func refusals(op *typed.Operation) []refusal {
	var out []refusal
	for _, req := range op.Security {
		for _, ss := range req {
			if ss.Optional && silentWhenOptional(ss.Scheme) {
				continue
			}
			r := refusalOf(ss.Scheme)
			if !containsRefusal(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

func containsRefusal(list []refusal, r refusal) bool {
	for _, x := range list {
		if x.status == r.status {
			return true
		}
	}
	return false
}

func refusalOf(s typed.Scheme) refusal {
	var he *typed.HTTPError
	switch s := s.(type) {
	case *security.APIKeyQuery:
		he = s.NotAuthenticated
	case *security.APIKeyHeader:
		he = s.NotAuthenticated
	case *security.APIKeyCookie:
		he = s.NotAuthenticated
	case *security.HTTPBase:
		he = s.NotAuthenticated
	case *security.HTTPBasic:
		he = s.NotAuthenticated
	case *security.HTTPBearer:
		he = s.NotAuthenticated
	case *security.HTTPDigest:
		he = s.NotAuthenticated
	case *security.OAuth2:
		he = s.NotAuthenticated
	case *security.OAuth2PasswordBearer:
		he = s.NotAuthenticated
	case *security.OAuth2AuthorizationCodeBearer:
		he = s.NotAuthenticated
	case *security.OpenIDConnect:
		he = s.NotAuthenticated
	}
	if he == nil {
		return refusal{status: 401, challenge: true}
	}
	challenge := false
	for k := range he.Header {
		if http.CanonicalHeaderKey(k) == "Www-Authenticate" {
			challenge = true
		}
	}
	return refusal{status: he.StatusCode(), challenge: challenge}
}
