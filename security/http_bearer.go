package security

import (
	"log/slog"
	"strconv"

	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

var (
	_ typed.Dep[HTTPAuthorizationCredentials] = (*HTTPBearer)(nil)
	_ Scheme                                  = (*HTTPBearer)(nil)
	_ slog.LogValuer                          = HTTPAuthorizationCredentials{}
)

// HTTPBearer is a bearer token in the Authorization header (RFC 6750 §2.1).
// Resolve splits the first Authorization header at its first space: a
// missing header, an empty scheme or token, or a scheme other than
// "Bearer" (any case) is a 401 wrapping [ErrNoCredentials] with
// `WWW-Authenticate: Bearer`. "Bearer<TAB>tok" has no space, so it is all
// scheme (401); "Bearer <TAB>tok" gives "tok". The zero value is ready to
// use; use it by pointer and do not change it after first use.
//
// It only extracts the token; verify it yourself (a [typed.Depends] on it),
// and answer failures with [InvalidToken] if you want RFC 6750 challenges.
//
// FastAPI: `fastapi.security.HTTPBearer`.
type HTTPBearer struct {
	BearerFormat string // a hint such as "JWT", for the documentation only
	SchemeName   string // key under components.securitySchemes; "" means "HTTPBearer"
	Description  string // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the scheme as sent and the token, or a 401 wrapping
// ErrNoCredentials.
func (s *HTTPBearer) Resolve(r *typed.Request) (HTTPAuthorizationCredentials, error) {
	c, ok := splitCredentials(r, "bearer")
	if !ok {
		return c, s.errs().missing
	}
	return c, nil
}

func (s *HTTPBearer) errs() *prepared {
	if p := s.lazy.get(); p != nil {
		return p
	}
	return s.lazy.set(newPrepared(s.NotAuthenticated, "Bearer"))
}

// Describe records s as a requirement of the operation, without scopes.
func (s *HTTPBearer) Describe(d *typed.Doc) { d.AddSecurity(s, nil) }

// SecuritySchemeName returns SchemeName, or "HTTPBearer".
func (s *HTTPBearer) SecuritySchemeName() string { return orDefault(s.SchemeName, "HTTPBearer") }

// SchemeObject returns {"type":"http","scheme":"bearer"}, with
// "bearerFormat" when BearerFormat is set.
func (s *HTTPBearer) SchemeObject() SchemeObject {
	return SchemeObject{Type: "http", Scheme: "bearer", BearerFormat: s.BearerFormat, Description: s.Description}
}

// splitCredentials reads the request's Authorization header as FastAPI's
// HTTPBearer and HTTPDigest do: ok is false when the header, its scheme or
// its parameter is empty, or the scheme is not want (lower case; "" takes
// any scheme, as HTTPBase).
func splitCredentials(r *typed.Request, want string) (HTTPAuthorizationCredentials, bool) {
	v := authorization(r)
	scheme, param := httpx.SplitAuthorization(v)
	if scheme == "" || param == "" || want != "" && !httpx.EqualFoldASCII(scheme, want) {
		return HTTPAuthorizationCredentials{}, false
	}
	return HTTPAuthorizationCredentials{Scheme: scheme, Credentials: httpx.Latin1(param)}, true
}

// HTTPAuthorizationCredentials are an Authorization header split at its
// first space: Scheme as sent (e.g. "bearer") and the trimmed rest. String,
// GoString and LogValue print Credentials as REDACTED; JSON encoding does
// not redact (FastAPI's examples return them).
//
// FastAPI: `fastapi.security.HTTPAuthorizationCredentials`.
type HTTPAuthorizationCredentials struct {
	Scheme      string `json:"scheme"`
	Credentials string `json:"credentials"`
}

// String returns {Scheme:<scheme> Credentials:REDACTED}.
func (c HTTPAuthorizationCredentials) String() string {
	return "{Scheme:" + c.Scheme + " Credentials:REDACTED}"
}

// GoString is String for %#v, which would otherwise print the credentials.
func (c HTTPAuthorizationCredentials) GoString() string {
	return "security.HTTPAuthorizationCredentials{Scheme:" + strconv.Quote(c.Scheme) + `, Credentials:"REDACTED"}`
}

// LogValue implements [slog.LogValuer]: a group of scheme and
// credentials=REDACTED.
func (c HTTPAuthorizationCredentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("scheme", c.Scheme), slog.String("credentials", "REDACTED"))
}
