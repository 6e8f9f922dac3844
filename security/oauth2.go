package security

import (
	"maps"

	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

var (
	_ typed.Dep[string] = (*OAuth2)(nil)
	_ typed.Dep[string] = (*OAuth2PasswordBearer)(nil)
	_ typed.Dep[string] = (*OAuth2AuthorizationCodeBearer)(nil)
	_ Scheme            = (*OAuth2)(nil)
	_ Scheme            = (*OAuth2PasswordBearer)(nil)
	_ Scheme            = (*OAuth2AuthorizationCodeBearer)(nil)
)

// OAuth2 is OAuth 2.0 (RFC 6749) with the flows in Flows, documented as
// given. Resolve returns the whole first Authorization header value, as
// sent (its bytes read as Latin-1); a missing or empty header is a 401
// wrapping [ErrNoCredentials] with `WWW-Authenticate: Bearer`. Describe
// records s with the scopes accumulated by [Security]. The zero value
// resolves requests, but document at least one flow: FastAPI writes
// "flows": {} for none, which package openapi rejects. Use it by pointer
// and do not change it after first use.
//
// FastAPI: `fastapi.security.OAuth2`.
type OAuth2 struct {
	Flows       OAuthFlows // the flows to document; a nil flow is left out
	SchemeName  string     // key under components.securitySchemes; "" means "OAuth2"
	Description string     // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the Authorization header value, or a 401 wrapping
// ErrNoCredentials.
func (s *OAuth2) Resolve(r *typed.Request) (string, error) {
	v := authorization(r)
	if v == "" {
		return "", bearerErrs(&s.lazy, s.NotAuthenticated).missing
	}
	return httpx.Latin1(v), nil
}

// Describe records s, with the accumulated scopes, as a requirement.
func (s *OAuth2) Describe(d *typed.Doc) { d.AddSecurity(s, d.Scopes()) }

// SecuritySchemeName returns SchemeName, or "OAuth2".
func (s *OAuth2) SecuritySchemeName() string { return orDefault(s.SchemeName, "OAuth2") }

// SchemeObject returns {"type":"oauth2","flows":Flows}, each flow's scopes
// present ({} when nil).
func (s *OAuth2) SchemeObject() SchemeObject {
	f := OAuthFlows{
		Implicit:          cloneFlow(s.Flows.Implicit),
		Password:          cloneFlow(s.Flows.Password),
		ClientCredentials: cloneFlow(s.Flows.ClientCredentials),
		AuthorizationCode: cloneFlow(s.Flows.AuthorizationCode),
	}
	return SchemeObject{Type: "oauth2", Flows: &f, Description: s.Description}
}

// OAuth2PasswordBearer is OAuth 2.0's resource owner password flow (RFC
// 6749 §4.3) with a bearer token (RFC 6750 §2.1): clients get a token at
// TokenURL and send it as `Authorization: Bearer <token>`. Resolve returns
// the token; a missing header or a scheme other than "Bearer" (any case) is
// a 401 wrapping [ErrNoCredentials] with `WWW-Authenticate: Bearer`. Like
// FastAPI, "Bearer" with nothing after it gives the empty token "" (also
// under [Optional]: a non-nil pointer to ""). Describe records s with the
// scopes accumulated by [Security] and panics if TokenURL is empty. Use it
// by pointer and do not change it after first use.
//
// FastAPI: `fastapi.security.OAuth2PasswordBearer`.
type OAuth2PasswordBearer struct {
	TokenURL    string            // where clients get a token (a path such as "token" works)
	RefreshURL  string            // where clients refresh it; optional
	Scopes      map[string]string // scope → description, for the documentation
	SchemeName  string            // key under components.securitySchemes; "" means "OAuth2PasswordBearer"
	Description string            // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the bearer token, or a 401 wrapping ErrNoCredentials.
func (s *OAuth2PasswordBearer) Resolve(r *typed.Request) (string, error) {
	tok, ok := bearerToken(r)
	if !ok {
		return "", bearerErrs(&s.lazy, s.NotAuthenticated).missing
	}
	return tok, nil
}

// Describe records s, with the accumulated scopes, as a requirement. It
// panics if TokenURL is empty.
func (s *OAuth2PasswordBearer) Describe(d *typed.Doc) {
	if s.TokenURL == "" {
		panic("security: OAuth2PasswordBearer.TokenURL is empty")
	}
	d.AddSecurity(s, d.Scopes())
}

// SecuritySchemeName returns SchemeName, or "OAuth2PasswordBearer".
func (s *OAuth2PasswordBearer) SecuritySchemeName() string {
	return orDefault(s.SchemeName, "OAuth2PasswordBearer")
}

// SchemeObject returns {"type":"oauth2","flows":{"password":{"tokenUrl":…,
// "refreshUrl":…,"scopes":…}}}, scopes {} when nil.
func (s *OAuth2PasswordBearer) SchemeObject() SchemeObject {
	flow := cloneFlow(&OAuthFlow{TokenURL: s.TokenURL, RefreshURL: s.RefreshURL, Scopes: s.Scopes})
	return SchemeObject{Type: "oauth2", Flows: &OAuthFlows{Password: flow}, Description: s.Description}
}

// OAuth2AuthorizationCodeBearer is OAuth 2.0's authorization code flow (RFC
// 6749 §4.1) with a bearer token: clients are sent to AuthorizationURL,
// exchange the code at TokenURL and send the token as
// `Authorization: Bearer <token>`. Resolve behaves as
// [OAuth2PasswordBearer.Resolve]. Describe panics if AuthorizationURL or
// TokenURL is empty. Use it by pointer and do not change it after first use.
//
// FastAPI: `fastapi.security.OAuth2AuthorizationCodeBearer`.
type OAuth2AuthorizationCodeBearer struct {
	AuthorizationURL string            // where users authorize the client
	TokenURL         string            // where the client exchanges the code for a token
	RefreshURL       string            // where clients refresh it; optional
	Scopes           map[string]string // scope → description, for the documentation
	SchemeName       string            // key under components.securitySchemes; "" means "OAuth2AuthorizationCodeBearer"
	Description      string            // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the bearer token, or a 401 wrapping ErrNoCredentials.
func (s *OAuth2AuthorizationCodeBearer) Resolve(r *typed.Request) (string, error) {
	tok, ok := bearerToken(r)
	if !ok {
		return "", bearerErrs(&s.lazy, s.NotAuthenticated).missing
	}
	return tok, nil
}

// Describe records s, with the accumulated scopes, as a requirement. It
// panics if AuthorizationURL or TokenURL is empty.
func (s *OAuth2AuthorizationCodeBearer) Describe(d *typed.Doc) {
	switch {
	case s.AuthorizationURL == "":
		panic("security: OAuth2AuthorizationCodeBearer.AuthorizationURL is empty")
	case s.TokenURL == "":
		panic("security: OAuth2AuthorizationCodeBearer.TokenURL is empty")
	}
	d.AddSecurity(s, d.Scopes())
}

// SecuritySchemeName returns SchemeName, or "OAuth2AuthorizationCodeBearer".
func (s *OAuth2AuthorizationCodeBearer) SecuritySchemeName() string {
	return orDefault(s.SchemeName, "OAuth2AuthorizationCodeBearer")
}

// SchemeObject returns {"type":"oauth2","flows":{"authorizationCode":{…}}},
// scopes {} when nil.
func (s *OAuth2AuthorizationCodeBearer) SchemeObject() SchemeObject {
	flow := cloneFlow(&OAuthFlow{AuthorizationURL: s.AuthorizationURL, TokenURL: s.TokenURL, RefreshURL: s.RefreshURL, Scopes: s.Scopes})
	return SchemeObject{Type: "oauth2", Flows: &OAuthFlows{AuthorizationCode: flow}, Description: s.Description}
}

// bearerToken reads the request's Authorization header as FastAPI's OAuth2
// bearer classes do: ok is false when it is missing or its scheme is not
// "bearer"; the token may be empty.
func bearerToken(r *typed.Request) (string, bool) {
	v := authorization(r)
	scheme, param := httpx.SplitAuthorization(v)
	if v == "" || !httpx.EqualFoldASCII(scheme, "bearer") {
		return "", false
	}
	return httpx.Latin1(param), true
}

// bearerErrs returns the prepared errors of an OAuth2 or OpenID Connect
// scheme, whose challenge is "Bearer".
func bearerErrs(l *lazy, custom *typed.HTTPError) *prepared {
	if p := l.get(); p != nil {
		return p
	}
	return l.set(newPrepared(custom, "Bearer"))
}

// cloneFlow copies f, with a non-nil Scopes map.
func cloneFlow(f *OAuthFlow) *OAuthFlow {
	if f == nil {
		return nil
	}
	c := *f
	c.Scopes = maps.Clone(f.Scopes)
	if c.Scopes == nil {
		c.Scopes = map[string]string{}
	}
	return &c
}
