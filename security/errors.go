package security

import (
	"errors"
	"net/http"
	"sync/atomic"

	"github.com/fastecho/fastecho/typed"
)

// ErrNoCredentials reports that a request carried no credential for a
// scheme: no header, cookie or query parameter, an empty one, or another
// scheme's Authorization header. Every scheme's "missing" error wraps it, so
// errors.Is(err, ErrNoCredentials) tells [Optional] and [AnyOf] to try
// without this scheme. FastAPI: the cases where auto_error=False returns None.
var ErrNoCredentials = errors.New("security: no credentials")

// ErrMalformedCredentials reports a credential that was sent but cannot be
// read, such as an HTTP Basic header that is not base64, not ASCII or has no
// ':'. It is never treated as missing: [Optional] and [AnyOf] fail the
// request with it. FastAPI: HTTPBasic raises even with auto_error=False.
var ErrMalformedCredentials = errors.New("security: malformed credentials")

// ErrInvalidToken is the cause of the errors [InvalidToken] returns (RFC
// 6750 §3.1 invalid_token).
var ErrInvalidToken = errors.New("security: invalid token")

// ErrInsufficientScope is the cause of the errors [InsufficientScope] and
// [RequireScopes] return (RFC 6750 §3.1 insufficient_scope).
var ErrInsufficientScope = errors.New("security: insufficient scope")

// notAuthenticated is FastAPI's detail for every scheme's 401.
const notAuthenticated = "Not authenticated"

const wwwAuthenticate = "Www-Authenticate" // canonical form, for http.Header maps

// isMissing reports whether err means "no credential": it wraps
// ErrNoCredentials and not ErrMalformedCredentials.
func isMissing(err error) bool {
	return errors.Is(err, ErrNoCredentials) && !errors.Is(err, ErrMalformedCredentials)
}

// prepared holds what a scheme computes once from its configuration: its
// errors, ready to return, and for APIKeyHeader the canonical header key.
type prepared struct {
	missing   *typed.HTTPError // wraps ErrNoCredentials
	malformed *typed.HTTPError // wraps ErrMalformedCredentials
	key       string
}

// lazy is the per-instance cache of a scheme's prepared state. Its zero
// value is empty; the state is built on first use. Two goroutines may both
// build it; they build equal values and either may win.
type lazy struct{ p atomic.Pointer[prepared] }

func (l *lazy) get() *prepared { return l.p.Load() }

func (l *lazy) set(p *prepared) *prepared {
	if l.p.CompareAndSwap(nil, p) {
		return p
	}
	return l.p.Load()
}

// newPrepared builds the errors of a scheme whose default challenge is
// challenge, or whose user-supplied template is custom.
func newPrepared(custom *typed.HTTPError, challenge string) *prepared {
	base := custom
	if base == nil {
		base = &typed.HTTPError{
			Status: http.StatusUnauthorized,
			Detail: notAuthenticated,
			Header: http.Header{wwwAuthenticate: {challenge}},
		}
	}
	return &prepared{
		missing:   withCause(base, ErrNoCredentials),
		malformed: withCause(base, ErrMalformedCredentials),
	}
}

// withCause returns a copy of base whose Err wraps cause (and
// base.Err, if any) and whose header keys are canonical.
func withCause(base *typed.HTTPError, cause error) *typed.HTTPError {
	err := cause
	if base.Err != nil {
		err = errors.Join(cause, base.Err)
	}
	var h http.Header
	if base.Header != nil {
		h = make(http.Header, len(base.Header))
		for k, vs := range base.Header {
			ck := http.CanonicalHeaderKey(k)
			h[ck] = append(h[ck], vs...)
		}
	}
	return &typed.HTTPError{Status: base.Status, Detail: base.Detail, Header: h, Err: err}
}
