package openapi

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/swaggest/openapi-go/openapi31"
)

type schemeEntry struct {
	obj  *openapi31.SecurityScheme
	json []byte // for comparing two schemes of one name
	src  typed.Scheme
}

// security returns op's security requirements, one object per
// alternative, and records every scheme they name. Scopes are always a
// list ([] rather than null); an empty alternative is {} (anonymous
// access).
func (b *builder) security(op *typed.Operation) ([]map[string][]string, error) {
	var out []map[string][]string
	for _, req := range op.Security {
		m := make(map[string][]string, len(req))
		for _, ss := range req {
			if ss.Scheme == nil {
				return nil, fmt.Errorf("openapi: a security requirement has a nil scheme")
			}
			name, err := b.scheme(ss.Scheme)
			if err != nil {
				return nil, err
			}
			scopes := m[name]
			if scopes == nil {
				scopes = []string{}
			}
			for _, s := range ss.Scopes {
				if !contains(scopes, s) {
					scopes = append(scopes, s)
				}
			}
			m[name] = scopes
		}
		out = append(out, m)
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// scheme records s under components.securitySchemes and returns its name.
func (b *builder) scheme(s typed.Scheme) (string, error) {
	name := s.SecuritySchemeName()
	if name == "" {
		return "", fmt.Errorf("openapi: security scheme %T has an empty SecuritySchemeName", s)
	}
	if e, ok := b.schemes[name]; ok && e.src == s {
		return name, nil
	}
	ds, ok := s.(security.Scheme)
	if !ok {
		return "", fmt.Errorf("openapi: security scheme %q (%T) does not implement security.Scheme", name, s)
	}
	obj, err := securityScheme(ds.SchemeObject())
	if err != nil {
		return "", fmt.Errorf("openapi: security scheme %q: %w", name, err)
	}
	j, err := json.Marshal(obj)
	if err != nil {
		return "", fmt.Errorf("openapi: security scheme %q: %w", name, err)
	}
	if e, ok := b.schemes[name]; ok {
		if string(e.json) != string(j) {
			return "", fmt.Errorf("openapi: two security schemes are named %q: %s and %s", name, e.json, j)
		}
		return name, nil
	}
	b.schemes[name] = schemeEntry{obj: obj, json: j, src: s}
	return name, nil
}

// securityScheme converts a scheme's description into swaggest's Security
// Scheme Object, exactly as FastAPI emits it: empty fields left out, and
// every OAuth2 flow's scopes present, {} when there are none. It fails when
// a field OpenAPI requires is empty (an apiKey's Name or In, an http
// Scheme, a flow's URLs, an openIdConnect URL, or every oauth2 flow).
func securityScheme(so security.SchemeObject) (*openapi31.SecurityScheme, error) {
	s := &openapi31.SecurityScheme{}
	if so.Description != "" {
		s.WithDescription(so.Description)
	}
	switch so.Type {
	case "apiKey":
		if so.Name == "" {
			return nil, fmt.Errorf("apiKey needs a Name")
		}
		switch so.In {
		case "query", "header", "cookie":
		default:
			return nil, fmt.Errorf("apiKey In is %q, not query, header or cookie", so.In)
		}
		s.WithAPIKey(openapi31.SecuritySchemeAPIKey{Name: so.Name, In: openapi31.SecuritySchemeAPIKeyIn(so.In)})
	case "http":
		switch {
		case so.Scheme == "":
			return nil, fmt.Errorf("http needs a Scheme")
		case strings.EqualFold(so.Scheme, "bearer"):
			hb := openapi31.SecuritySchemeHTTPBearer{Scheme: so.Scheme}
			if so.BearerFormat != "" {
				hb.WithBearerFormat(so.BearerFormat)
			}
			s.WithHTTPBearer(hb)
		default:
			s.WithHTTP(openapi31.SecuritySchemeHTTP{Scheme: so.Scheme})
		}
	case "oauth2":
		flows, err := oauthFlows(so.Flows)
		if err != nil {
			return nil, err
		}
		s.WithOauth2(openapi31.SecuritySchemeOauth2{Flows: flows})
	case "openIdConnect":
		if so.OpenIDConnectURL == "" {
			return nil, fmt.Errorf("openIdConnect needs an OpenIDConnectURL")
		}
		s.WithOidc(openapi31.SecuritySchemeOidc{OpenIDConnectURL: so.OpenIDConnectURL})
	case "mutualTLS":
		s.WithMutualTLS(openapi31.MutualTLS{})
	default:
		return nil, fmt.Errorf("unknown type %q", so.Type)
	}
	return s, nil
}

func oauthFlows(f *security.OAuthFlows) (openapi31.OauthFlows, error) {
	var out openapi31.OauthFlows
	if f == nil || (f.Implicit == nil && f.Password == nil && f.ClientCredentials == nil && f.AuthorizationCode == nil) {
		return out, fmt.Errorf("oauth2 needs at least one flow")
	}
	if fl := f.Implicit; fl != nil {
		if fl.AuthorizationURL == "" {
			return out, fmt.Errorf("the implicit flow needs an AuthorizationURL")
		}
		out.Implicit = &openapi31.OauthFlowsDefsImplicit{AuthorizationURL: fl.AuthorizationURL, RefreshURL: optional(fl.RefreshURL), Scopes: scopes(fl.Scopes)}
	}
	if fl := f.Password; fl != nil {
		if fl.TokenURL == "" {
			return out, fmt.Errorf("the password flow needs a TokenURL")
		}
		out.Password = &openapi31.OauthFlowsDefsPassword{TokenURL: fl.TokenURL, RefreshURL: optional(fl.RefreshURL), Scopes: scopes(fl.Scopes)}
	}
	if fl := f.ClientCredentials; fl != nil {
		if fl.TokenURL == "" {
			return out, fmt.Errorf("the clientCredentials flow needs a TokenURL")
		}
		out.ClientCredentials = &openapi31.OauthFlowsDefsClientCredentials{TokenURL: fl.TokenURL, RefreshURL: optional(fl.RefreshURL), Scopes: scopes(fl.Scopes)}
	}
	if fl := f.AuthorizationCode; fl != nil {
		if fl.AuthorizationURL == "" || fl.TokenURL == "" {
			return out, fmt.Errorf("the authorizationCode flow needs an AuthorizationURL and a TokenURL")
		}
		out.AuthorizationCode = &openapi31.OauthFlowsDefsAuthorizationCode{AuthorizationURL: fl.AuthorizationURL, TokenURL: fl.TokenURL, RefreshURL: optional(fl.RefreshURL), Scopes: scopes(fl.Scopes)}
	}
	return out, nil
}

// scopes copies m, and makes a nil map {}: swaggest would write null, which
// OpenAPI forbids.
func scopes(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
