package security

import "github.com/fastecho/fastecho/typed"

// SchemeObject is a scheme's OpenAPI Security Scheme Object, as FastAPI
// emits it for the same configuration. Empty fields are left out.
type SchemeObject struct {
	Type             string      // "apiKey", "http", "oauth2" or "openIdConnect"
	Description      string      // the scheme's Description
	Name             string      // apiKey: the parameter, header or cookie name
	In               string      // apiKey: "query", "header" or "cookie"
	Scheme           string      // http: "basic", "bearer" or "digest"
	BearerFormat     string      // http bearer: e.g. "JWT"
	OpenIDConnectURL string      // openIdConnect: openIdConnectUrl
	Flows            *OAuthFlows // oauth2
}

// OAuthFlows is OpenAPI's OAuth Flows Object. Nil flows are left out.
type OAuthFlows struct {
	Implicit          *OAuthFlow
	Password          *OAuthFlow
	ClientCredentials *OAuthFlow
	AuthorizationCode *OAuthFlow
}

// OAuthFlow is OpenAPI's OAuth Flow Object. Scopes maps each scope to its
// description; a nil map is documented as {} (OpenAPI requires the field).
type OAuthFlow struct {
	AuthorizationURL string
	TokenURL         string
	RefreshURL       string
	Scopes           map[string]string
}

// A Scheme is a security scheme that package openapi can document: its
// name under components.securitySchemes and its Security Scheme Object.
type Scheme interface {
	typed.Scheme
	SchemeObject() SchemeObject
}
