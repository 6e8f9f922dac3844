package openapi_test

import (
	"net/http"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
)

// The schemes below stand in for package security's while it is being
// written: each describes itself as FastAPI's class of the same name does.

// fakeScheme is a security scheme that reads a credential from the
// Authorization header (or where its SchemeObject says).
type fakeScheme struct {
	name string
	obj  security.SchemeObject
}

var _ security.Scheme = (*fakeScheme)(nil)
var _ typed.Dep[string] = (*fakeScheme)(nil)

func (f *fakeScheme) SecuritySchemeName() string          { return f.name }
func (f *fakeScheme) SchemeObject() security.SchemeObject { return f.obj }
func (f *fakeScheme) Describe(d *typed.Doc)               { d.AddSecurity(f, d.Scopes()) }

func (f *fakeScheme) Resolve(r *typed.Request) (string, error) {
	req := r.Context().Request()
	var v string
	switch f.obj.In {
	case "query":
		v = req.URL.Query().Get(f.obj.Name)
	case "header":
		v = req.Header.Get(f.obj.Name)
	case "cookie":
		if c, err := req.Cookie(f.obj.Name); err == nil {
			v = c.Value
		}
	default:
		scheme, param, _ := strings.Cut(req.Header.Get("Authorization"), " ")
		if strings.EqualFold(scheme, "bearer") {
			v = param
		}
	}
	if v == "" {
		return "", typed.NewHTTPError(http.StatusUnauthorized, "Not authenticated", "WWW-Authenticate", "Bearer")
	}
	return v, nil
}

func apiKey(in, name string) *fakeScheme {
	cls := map[string]string{"query": "APIKeyQuery", "header": "APIKeyHeader", "cookie": "APIKeyCookie"}[in]
	return &fakeScheme{name: cls, obj: security.SchemeObject{Type: "apiKey", In: in, Name: name}}
}

func httpScheme(name, scheme, bearerFormat, description string) *fakeScheme {
	return &fakeScheme{name: name, obj: security.SchemeObject{Type: "http", Scheme: scheme, BearerFormat: bearerFormat, Description: description}}
}

func passwordBearer(tokenURL string, scopes map[string]string) *fakeScheme {
	return &fakeScheme{name: "OAuth2PasswordBearer", obj: security.SchemeObject{
		Type:  "oauth2",
		Flows: &security.OAuthFlows{Password: &security.OAuthFlow{TokenURL: tokenURL, Scopes: scopes}},
	}}
}

// scoped is security.Security: dep with scopes added for it and below.
type scoped[T any] struct {
	dep    typed.Dep[T]
	scopes []string
}

func withScopes[T any](dep typed.Dep[T], scopes ...string) typed.Dep[T] {
	return &scoped[T]{dep: dep, scopes: scopes}
}

func (s *scoped[T]) Resolve(r *typed.Request) (T, error) {
	return s.dep.Resolve(r.WithScopes(s.scopes...))
}
func (s *scoped[T]) Describe(d *typed.Doc) { s.dep.Describe(d.WithScopes(s.scopes...)) }

// anyOf is security.AnyOf: the first member that resolves; documented as
// one alternative per member (OpenAPI OR).
type anyOf[T any] struct{ deps []typed.Dep[T] }

func (a *anyOf[T]) Resolve(r *typed.Request) (T, error) {
	var err error
	var v T
	for _, d := range a.deps {
		if v, err = d.Resolve(r); err == nil {
			return v, nil
		}
	}
	return v, err
}

func (a *anyOf[T]) Describe(d *typed.Doc) {
	for _, dep := range a.deps {
		for _, req := range d.Collect(dep.Describe) {
			d.AddRequirement(req)
		}
	}
}

// allOf needs every member: documented as one requirement naming them all
// (OpenAPI AND).
type allOf[T any] struct{ deps []typed.Dep[T] }

func (a *allOf[T]) Resolve(r *typed.Request) (T, error) {
	var v T
	for _, d := range a.deps {
		var err error
		if v, err = d.Resolve(r); err != nil {
			return v, err
		}
	}
	return v, nil
}

func (a *allOf[T]) Describe(d *typed.Doc) {
	var and typed.SecurityRequirement
	for _, dep := range a.deps {
		for _, req := range d.Collect(dep.Describe) {
			and = append(and, req...)
		}
	}
	d.AddRequirement(and)
}
