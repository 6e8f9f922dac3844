package security

import (
	"strings"
	"unicode"

	"github.com/fastecho/fastecho/typed"
)

var (
	_ typed.Dep[HTTPAuthorizationCredentials] = (*HTTPBase)(nil)
	_ Scheme                                  = (*HTTPBase)(nil)
)

// HTTPBase is FastAPI's generic HTTP authentication scheme: the
// Authorization header split at its first space, whatever its scheme.
// Resolve returns the scheme as sent and the trimmed credentials; a
// missing header, or an empty scheme or credentials, is a 401 wrapping
// [ErrNoCredentials] whose challenge is Scheme as Python's str.title()
// writes it (HTTPBase{Scheme: "other"} challenges with "Other"). It is
// documented as {"type": "http", "scheme": Scheme}. Scheme must not be
// empty; use it by pointer and do not change it after first use.
//
// It checks nothing but presence: verify the credentials yourself, as
// with [HTTPBearer].
//
// FastAPI: `fastapi.security.HTTPBase`.
type HTTPBase struct {
	Scheme      string // the scheme's name, as documented and challenged
	SchemeName  string // key under components.securitySchemes; "" means "HTTPBase"
	Description string // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the Authorization header's scheme and credentials, or a
// 401 wrapping ErrNoCredentials.
func (s *HTTPBase) Resolve(r *typed.Request) (HTTPAuthorizationCredentials, error) {
	c, ok := splitCredentials(r, "")
	if !ok {
		return c, s.errs().missing
	}
	return c, nil
}

func (s *HTTPBase) errs() *prepared {
	if p := s.lazy.get(); p != nil {
		return p
	}
	return s.lazy.set(newPrepared(s.NotAuthenticated, pyTitle(s.Scheme)))
}

// Describe records s as a requirement of the operation, without scopes. It
// panics if Scheme is empty.
func (s *HTTPBase) Describe(d *typed.Doc) {
	if s.Scheme == "" {
		panic("security: HTTPBase.Scheme is empty")
	}
	d.AddSecurity(s, nil)
}

// SecuritySchemeName returns SchemeName, or "HTTPBase".
func (s *HTTPBase) SecuritySchemeName() string { return orDefault(s.SchemeName, "HTTPBase") }

// SchemeObject returns {"type":"http","scheme":Scheme}.
func (s *HTTPBase) SchemeObject() SchemeObject {
	return SchemeObject{Type: "http", Scheme: s.Scheme, Description: s.Description}
}

// pyTitle is Python's str.title(): the first letter of every run of
// letters upper case, the others lower case.
func pyTitle(s string) string {
	var b strings.Builder
	prevLetter := false
	for _, r := range s {
		if prevLetter {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToTitle(r))
		}
		prevLetter = unicode.IsLetter(r)
	}
	return b.String()
}
