package security

import (
	"net/textproto"

	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

// apiKeyChallenge is FastAPI's WWW-Authenticate value for API keys. It is
// not a registered scheme, but RFC 9110 §15.5.2 requires a challenge on
// every 401.
const apiKeyChallenge = "APIKey"

var (
	_ typed.Dep[string] = (*APIKeyQuery)(nil)
	_ typed.Dep[string] = (*APIKeyHeader)(nil)
	_ typed.Dep[string] = (*APIKeyCookie)(nil)
	_ Scheme            = (*APIKeyQuery)(nil)
	_ Scheme            = (*APIKeyHeader)(nil)
	_ Scheme            = (*APIKeyCookie)(nil)
)

// APIKeyQuery is an API key sent as the query parameter Name. Resolve
// returns the value of the parameter's last occurrence, percent-decoded;
// a missing or empty value is a 401 wrapping [ErrNoCredentials]
// (`WWW-Authenticate: APIKey`). Name must not be empty. Use it by pointer
// and do not change it after first use.
//
// A key in the query string is part of the request's URI, which access
// logs record (Echo's RequestLogger logs it with LogURI): redact it there,
// as ExampleAPIKeyQuery_accessLog shows, or prefer [APIKeyHeader]. Proxies
// and browsers' histories keep URIs too.
//
// FastAPI: `fastapi.security.APIKeyQuery`.
type APIKeyQuery struct {
	Name        string // the query parameter
	SchemeName  string // key under components.securitySchemes; "" means "APIKeyQuery"
	Description string // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the key, or an error wrapping ErrNoCredentials.
func (s *APIKeyQuery) Resolve(r *typed.Request) (string, error) {
	v, _ := httpx.LastQuery(r.Request().URL.RawQuery, s.Name)
	if v == "" {
		return "", s.errs().missing
	}
	return v, nil
}

func (s *APIKeyQuery) errs() *prepared {
	if p := s.lazy.get(); p != nil {
		return p
	}
	return s.lazy.set(newPrepared(s.NotAuthenticated, apiKeyChallenge))
}

// Describe records s as a requirement of the operation, without scopes. It
// panics if Name is empty.
func (s *APIKeyQuery) Describe(d *typed.Doc) {
	if s.Name == "" {
		panic("security: APIKeyQuery.Name is empty")
	}
	d.AddSecurity(s, nil)
}

// SecuritySchemeName returns SchemeName, or "APIKeyQuery".
func (s *APIKeyQuery) SecuritySchemeName() string { return orDefault(s.SchemeName, "APIKeyQuery") }

// SchemeObject returns {"type":"apiKey","in":"query","name":Name}.
func (s *APIKeyQuery) SchemeObject() SchemeObject {
	return SchemeObject{Type: "apiKey", In: "query", Name: s.Name, Description: s.Description}
}

// APIKeyHeader is an API key sent in the request header Name, matched
// case-insensitively. Resolve returns the first such header's value (its
// bytes read as Latin-1, as Starlette does); a missing or empty first value
// is a 401 wrapping [ErrNoCredentials] (`WWW-Authenticate: APIKey`), even if
// a later header has a value. Name must not be empty. Use it by pointer and
// do not change it after first use.
//
// FastAPI: `fastapi.security.APIKeyHeader`.
type APIKeyHeader struct {
	Name        string // the header, in any case
	SchemeName  string // key under components.securitySchemes; "" means "APIKeyHeader"
	Description string // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the key, or an error wrapping ErrNoCredentials.
func (s *APIKeyHeader) Resolve(r *typed.Request) (string, error) {
	p := s.errs()
	v := firstHeader(r.Request().Header, p.key)
	if v == "" {
		return "", p.missing
	}
	return httpx.Latin1(v), nil
}

func (s *APIKeyHeader) errs() *prepared {
	if p := s.lazy.get(); p != nil {
		return p
	}
	p := newPrepared(s.NotAuthenticated, apiKeyChallenge)
	p.key = textproto.CanonicalMIMEHeaderKey(s.Name)
	return s.lazy.set(p)
}

// Describe records s as a requirement of the operation, without scopes. It
// panics if Name is empty.
func (s *APIKeyHeader) Describe(d *typed.Doc) {
	if s.Name == "" {
		panic("security: APIKeyHeader.Name is empty")
	}
	d.AddSecurity(s, nil)
}

// SecuritySchemeName returns SchemeName, or "APIKeyHeader".
func (s *APIKeyHeader) SecuritySchemeName() string {
	return orDefault(s.SchemeName, "APIKeyHeader")
}

// SchemeObject returns {"type":"apiKey","in":"header","name":Name}.
func (s *APIKeyHeader) SchemeObject() SchemeObject {
	return SchemeObject{Type: "apiKey", In: "header", Name: s.Name, Description: s.Description}
}

// APIKeyCookie is an API key sent as the cookie Name. Every Cookie header
// is read as Starlette does (split on ';', values trimmed and unquoted, no
// percent-decoding, spaces kept) and the last cookie called Name wins; a
// missing or empty value is a 401 wrapping [ErrNoCredentials]
// (`WWW-Authenticate: APIKey`). Name must not be empty. Use it by pointer
// and do not change it after first use.
//
// FastAPI: `fastapi.security.APIKeyCookie`.
type APIKeyCookie struct {
	Name        string // the cookie
	SchemeName  string // key under components.securitySchemes; "" means "APIKeyCookie"
	Description string // the scheme object's description
	// NotAuthenticated, if non-nil, replaces the default 401
	// {"detail":"Not authenticated"}; see [HTTPBasic.NotAuthenticated].
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the key, or an error wrapping ErrNoCredentials.
func (s *APIKeyCookie) Resolve(r *typed.Request) (string, error) {
	v, _ := httpx.Cookie(r.Request().Header["Cookie"], s.Name)
	if v == "" {
		return "", s.errs().missing
	}
	return v, nil
}

func (s *APIKeyCookie) errs() *prepared {
	if p := s.lazy.get(); p != nil {
		return p
	}
	return s.lazy.set(newPrepared(s.NotAuthenticated, apiKeyChallenge))
}

// Describe records s as a requirement of the operation, without scopes. It
// panics if Name is empty.
func (s *APIKeyCookie) Describe(d *typed.Doc) {
	if s.Name == "" {
		panic("security: APIKeyCookie.Name is empty")
	}
	d.AddSecurity(s, nil)
}

// SecuritySchemeName returns SchemeName, or "APIKeyCookie".
func (s *APIKeyCookie) SecuritySchemeName() string {
	return orDefault(s.SchemeName, "APIKeyCookie")
}

// SchemeObject returns {"type":"apiKey","in":"cookie","name":Name}.
func (s *APIKeyCookie) SchemeObject() SchemeObject {
	return SchemeObject{Type: "apiKey", In: "cookie", Name: s.Name, Description: s.Description}
}
