package security

import (
	"net/http"
	"strings"

	"github.com/fastecho/fastecho/typed"
)

// The error codes of RFC 6750 §3.1, for [BearerChallenge.ErrorCode].
const (
	BearerInvalidRequest    = "invalid_request"    // malformed request: 400
	BearerInvalidToken      = "invalid_token"      // expired, revoked or malformed token: 401
	BearerInsufficientScope = "insufficient_scope" // the token lacks a scope: 403
)

// BearerChallenge is a Bearer WWW-Authenticate challenge with the
// attributes of RFC 6750 §3. The zero value is the bare "Bearer" that every
// scheme of this package sends when a credential is missing (§3.1: no error
// code then). Beyond FastAPI, whose tutorials build the string by hand.
type BearerChallenge struct {
	Realm            string // protection space
	ErrorCode        string // "", or one of BearerInvalidRequest, BearerInvalidToken, BearerInsufficientScope
	ErrorDescription string // human-readable, for developers
	ErrorURI         string // a page explaining the error
	Scope            string // scopes needed, space-separated (RFC 6749 §3.3)
}

// String returns the challenge, e.g.
// `Bearer realm="api", error="invalid_token", error_description="expired"`.
// Attribute values are quoted strings with '"' and '\' backslash-escaped
// (RFC 9110 §5.6.4); empty attributes are left out. Characters a header
// cannot carry are replaced: control characters by spaces, and outside
// the realm, which may hold any text, non-ASCII characters by '?' (RFC
// 6750 §3 allows printable ASCII only).
func (c BearerChallenge) String() string {
	var b strings.Builder
	b.WriteString("Bearer")
	sep := " "
	for _, a := range [...]struct{ k, v string }{
		{"realm", c.Realm},
		{"error", c.ErrorCode},
		{"error_description", c.ErrorDescription},
		{"error_uri", c.ErrorURI},
		{"scope", c.Scope},
	} {
		if a.v == "" {
			continue
		}
		b.WriteString(sep)
		b.WriteString(a.k)
		b.WriteByte('=')
		b.WriteString(quote(challengeText(a.v, a.k != "realm")))
		sep = ", "
	}
	return b.String()
}

// Status returns the status RFC 6750 §3.1 gives ErrorCode: 400 for
// invalid_request, 403 for insufficient_scope, otherwise 401.
func (c BearerChallenge) Status() int {
	switch c.ErrorCode {
	case BearerInvalidRequest:
		return http.StatusBadRequest
	case BearerInsufficientScope:
		return http.StatusForbidden
	}
	return http.StatusUnauthorized
}

// HTTPError returns the answer carrying c: c.Status(), {"detail": detail}
// and `WWW-Authenticate: <c>`. Its Err is [ErrInvalidToken] or
// [ErrInsufficientScope] for those codes, else nil.
func (c BearerChallenge) HTTPError(detail any) *typed.HTTPError {
	e := &typed.HTTPError{
		Status: c.Status(),
		Detail: detail,
		Header: http.Header{wwwAuthenticate: {c.String()}},
	}
	switch c.ErrorCode {
	case BearerInvalidToken:
		e.Err = ErrInvalidToken
	case BearerInsufficientScope:
		e.Err = ErrInsufficientScope
	}
	return e
}

// InvalidToken returns a 401 with {"detail":"Could not validate
// credentials"} (FastAPI's tutorial wording) and
// `WWW-Authenticate: Bearer error="invalid_token"`, plus
// error_description when description is not empty (RFC 6750 §3.1). Return
// it from the dependency that checks a bearer token.
func InvalidToken(description string) *typed.HTTPError {
	return BearerChallenge{ErrorCode: BearerInvalidToken, ErrorDescription: description}.
		HTTPError("Could not validate credentials")
}

// InsufficientScope returns a 403 with {"detail":"Not enough permissions"}
// (FastAPI's tutorial wording) and
// `WWW-Authenticate: Bearer error="insufficient_scope", scope="<scopes>"`
// (RFC 6750 §3.1). FastAPI's tutorial answers 401 with
// `Bearer scope="<scopes>"`; build that with [BearerChallenge] if you need
// it.
func InsufficientScope(scopes ...string) *typed.HTTPError {
	return BearerChallenge{ErrorCode: BearerInsufficientScope, Scope: strings.Join(scopes, " ")}.
		HTTPError("Not enough permissions")
}
