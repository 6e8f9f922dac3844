package security

import (
	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

var (
	_ typed.Dep[string] = (*OpenIDConnect)(nil)
	_ Scheme            = (*OpenIDConnect)(nil)
)

// OpenIDConnect is OpenID Connect, documented by its discovery URL
// (OpenID Connect Discovery 1.0 §4). Like FastAPI's, it only extracts:
// Resolve returns the whole first Authorization header value, as sent; a
// missing or empty header is a 401 wrapping [ErrNoCredentials] with
// `WWW-Authenticate: Bearer`. Verifying the token is up to you. Describe
// records s with the scopes accumulated by [Security] and panics if
// OpenIDConnectURL is empty. Use it by pointer and do not change it after
// first use.
//
// FastAPI: `fastapi.security.OpenIdConnect`.
type OpenIDConnect struct {
	OpenIDConnectURL string // the discovery URL, FastAPI's openIdConnectUrl
	SchemeName       string // key under components.securitySchemes; "" means "OpenIdConnect"
	Description      string // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the Authorization header value, or a 401 wrapping
// ErrNoCredentials.
func (s *OpenIDConnect) Resolve(r *typed.Request) (string, error) {
	v := authorization(r)
	if v == "" {
		return "", bearerErrs(&s.lazy, s.NotAuthenticated).missing
	}
	return httpx.Latin1(v), nil
}

// Describe records s, with the accumulated scopes, as a requirement. It
// panics if OpenIDConnectURL is empty.
func (s *OpenIDConnect) Describe(d *typed.Doc) {
	if s.OpenIDConnectURL == "" {
		panic("security: OpenIDConnect.OpenIDConnectURL is empty")
	}
	d.AddSecurity(s, d.Scopes())
}

// SecuritySchemeName returns SchemeName, or "OpenIdConnect" (FastAPI's
// class name, which is the key FastAPI documents).
func (s *OpenIDConnect) SecuritySchemeName() string {
	return orDefault(s.SchemeName, "OpenIdConnect")
}

// SchemeObject returns {"type":"openIdConnect","openIdConnectUrl":…}.
func (s *OpenIDConnect) SchemeObject() SchemeObject {
	return SchemeObject{Type: "openIdConnect", OpenIDConnectURL: s.OpenIDConnectURL, Description: s.Description}
}
