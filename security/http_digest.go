package security

import "github.com/fastecho/fastecho/typed"

var (
	_ typed.Dep[HTTPAuthorizationCredentials] = (*HTTPDigest)(nil)
	_ Scheme                                  = (*HTTPDigest)(nil)
)

// HTTPDigest is HTTP Digest authentication (RFC 7616), extraction only:
// Resolve returns the Authorization header split as [HTTPBearer] does, for
// the scheme "Digest" (any case), and a missing header, empty scheme or
// parameter, or another scheme is a 401 wrapping [ErrNoCredentials] with
// `WWW-Authenticate: Digest`. Credentials holds the raw, unparsed
// parameters; checking the response hash is up to you. The zero value is
// ready to use; use it by pointer and do not change it after first use.
//
// FastAPI: `fastapi.security.HTTPDigest` (also a stub).
type HTTPDigest struct {
	SchemeName  string // key under components.securitySchemes; "" means "HTTPDigest"
	Description string // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the scheme as sent and the raw parameters, or a 401
// wrapping ErrNoCredentials.
func (s *HTTPDigest) Resolve(r *typed.Request) (HTTPAuthorizationCredentials, error) {
	c, ok := splitCredentials(r, "digest")
	if !ok {
		return c, s.errs().missing
	}
	return c, nil
}

func (s *HTTPDigest) errs() *prepared {
	if p := s.lazy.get(); p != nil {
		return p
	}
	return s.lazy.set(newPrepared(s.NotAuthenticated, "Digest"))
}

// Describe records s as a requirement of the operation, without scopes.
func (s *HTTPDigest) Describe(d *typed.Doc) { d.AddSecurity(s, nil) }

// SecuritySchemeName returns SchemeName, or "HTTPDigest".
func (s *HTTPDigest) SecuritySchemeName() string { return orDefault(s.SchemeName, "HTTPDigest") }

// SchemeObject returns {"type":"http","scheme":"digest"}.
func (s *HTTPDigest) SchemeObject() SchemeObject {
	return SchemeObject{Type: "http", Scheme: "digest", Description: s.Description}
}
