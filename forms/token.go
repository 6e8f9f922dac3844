package forms

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

// How a client authenticated to the token endpoint (RFC 6749 §2.3.1), as
// OpenID Connect's token_endpoint_auth_method names them.
const (
	ClientSecretBasic = "client_secret_basic" // HTTP Basic: client_id:client_secret
	ClientSecretPost  = "client_secret_post"  // client_id and client_secret form fields
)

// The error codes of RFC 6749 §5.2.
const (
	ErrorInvalidRequest       = "invalid_request"
	ErrorInvalidClient        = "invalid_client"
	ErrorInvalidGrant         = "invalid_grant"
	ErrorUnauthorizedClient   = "unauthorized_client"
	ErrorUnsupportedGrantType = "unsupported_grant_type"
	ErrorInvalidScope         = "invalid_scope"
)

// OAuth2ClientCredentialsRequestForm is the token request of OAuth2's client
// credentials grant (RFC 6749 §4.4.2), with the client's credentials taken
// from HTTP Basic or from the form, whichever the client used (§2.3.1).
// ClientSecret is kept out of fmt and slog output.
type OAuth2ClientCredentialsRequestForm struct {
	GrantType    string   `json:"grant_type"` // always "client_credentials"
	Scopes       []string `json:"scopes"`     // the scope field split on whitespace; never nil
	ClientID     string   `json:"client_id"`
	ClientSecret string   `json:"client_secret"`
	ClientAuth   string   `json:"client_auth"` // ClientSecretBasic or ClientSecretPost
}

// String prints the form with the client secret masked.
func (f OAuth2ClientCredentialsRequestForm) String() string {
	secret := ""
	if f.ClientSecret != "" {
		secret = "REDACTED"
	}
	return "OAuth2ClientCredentialsRequestForm{GrantType:" + f.GrantType + " Scopes:[" + strings.Join(f.Scopes, " ") +
		"] ClientID:" + f.ClientID + " ClientSecret:" + secret + " ClientAuth:" + f.ClientAuth + "}"
}

// GoString is String, for %#v.
func (f OAuth2ClientCredentialsRequestForm) GoString() string { return f.String() }

// LogValue implements [slog.LogValuer], without the client secret.
func (f OAuth2ClientCredentialsRequestForm) LogValue() slog.Value {
	return slog.GroupValue(slog.String("grant_type", f.GrantType), slog.Any("scopes", f.Scopes),
		slog.String("client_id", f.ClientID), slog.String("client_auth", f.ClientAuth))
}

// ClientCredentials returns a [typed.Dep] that reads an
// [OAuth2ClientCredentialsRequestForm] and answers what is wrong with it as
// RFC 6749 §5.2 says, with [TokenError]: no form body or a client that used
// both authentication methods is invalid_request; a missing grant_type is
// invalid_request and another one unsupported_grant_type; no client
// credentials, unreadable HTTP Basic ones, or an empty client id or secret
// on either path is invalid_client (401 with WWW-Authenticate: Basic). A
// resolved form therefore always has both ClientID and ClientSecret set, so
// comparing the secret with a lookup that answers "" for unknown clients
// can never accept an empty secret. Checking the client's secret is the handler's
// job: compare it with security.ConstantTimeEqual and answer
// TokenError(ErrorInvalidClient, …) when it is wrong.
//
// With HTTP Basic, client_id and client_secret are form-urlencoded before
// base64 (§2.3.1) and are decoded here; a client_id field may accompany
// Basic only if it names the same client.
func ClientCredentials() typed.Dep[OAuth2ClientCredentialsRequestForm] { return clientCredentials }

var clientCredentials = &clientCredentialsDep{doc: typed.Bind[clientCredentialsDoc]()}

type clientCredentialsDep struct {
	doc typed.Dep[clientCredentialsDoc]
}

// The answers to the failures that echo nothing of the request.
var (
	errNoForm          = TokenError(ErrorInvalidRequest, "The request body must be an application/x-www-form-urlencoded form.")
	errBadForm         = TokenError(ErrorInvalidRequest, "The request body cannot be read.")
	errNoGrantType     = TokenError(ErrorInvalidRequest, "The grant_type parameter is missing.")
	errGrantType       = TokenError(ErrorUnsupportedGrantType, "Only the client_credentials grant type is supported.")
	errTwoMethods      = TokenError(ErrorInvalidRequest, "The client used more than one authentication method.")
	errNoClient        = TokenError(ErrorInvalidClient, "Client authentication is required.")
	errBadBasic        = TokenError(ErrorInvalidClient, "The HTTP Basic client credentials cannot be read.")
	errEmptyBasic      = TokenError(ErrorInvalidClient, "The HTTP Basic client credentials need a client id and a secret.")
	errRepeatedParam   = TokenError(ErrorInvalidRequest, "A parameter was sent more than once.")
	errUnsupportedAuth = TokenError(ErrorInvalidClient, "Only HTTP Basic client authentication is supported in the Authorization header.")
)

func (d *clientCredentialsDep) Resolve(r *typed.Request) (OAuth2ClientCredentialsRequestForm, error) {
	var f OAuth2ClientCredentialsRequestForm
	req := r.Request()
	if httpx.KindOf(req.Header.Get("Content-Type")) == httpx.NotForm {
		return f, errNoForm
	}
	form, err := typed.Form(r)
	if err != nil {
		var he *typed.HTTPError
		if errors.As(err, &he) && he.Status == http.StatusRequestEntityTooLarge {
			return f, err
		}
		return f, errBadForm
	}
	// RFC 6749 §3.2: parameters must not be included more than once.
	for _, name := range [...]string{"grant_type", "scope", "client_id", "client_secret"} {
		if len(form[name]) > 1 {
			return f, errRepeatedParam
		}
	}
	one := func(name string) string {
		if v := form[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	switch gt := one("grant_type"); gt {
	case "":
		return f, errNoGrantType
	case "client_credentials":
		f.GrantType = gt
	default:
		return f, errGrantType
	}
	f.Scopes = strings.Fields(one("scope"))
	if f.Scopes == nil {
		f.Scopes = []string{}
	}
	formID, formSecret := one("client_id"), one("client_secret")
	if auth := req.Header.Get("Authorization"); auth != "" {
		scheme, param := httpx.SplitAuthorization(auth)
		if !httpx.EqualFoldASCII(scheme, "basic") {
			return f, errUnsupportedAuth
		}
		raw, err := httpx.DecodeBase64(nil, param)
		id, secret, found := strings.Cut(string(raw), ":")
		if err != nil || !found {
			return f, errBadBasic
		}
		id, secret = httpx.Unescape(id), httpx.Unescape(secret)
		if formSecret != "" || formID != "" && formID != id {
			return f, errTwoMethods
		}
		// An empty id or secret is no credential: a handler comparing the
		// secret with a lookup that answers "" for unknown clients would
		// otherwise accept Basic base64(":") for any client.
		if id == "" || secret == "" {
			return f, errEmptyBasic
		}
		f.ClientID, f.ClientSecret, f.ClientAuth = id, secret, ClientSecretBasic
		return f, nil
	}
	if formID == "" || formSecret == "" {
		return f, errNoClient
	}
	f.ClientID, f.ClientSecret, f.ClientAuth = formID, formSecret, ClientSecretPost
	return f, nil
}

func (d *clientCredentialsDep) Describe(doc *typed.Doc) { d.doc.Describe(doc) }

// clientCredentialsDoc is the documented body of the client credentials
// token request.
type clientCredentialsDoc struct {
	GrantType    string  `form:"grant_type" pattern:"^client_credentials$"`
	Scope        string  `form:"scope" default:""`
	ClientID     *string `form:"client_id"`
	ClientSecret *string `form:"client_secret" format:"password"`
}

// TokenErrorBody is the body of an RFC 6749 §5.2 error response.
type TokenErrorBody struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description,omitempty"`
	ErrorURI         string `json:"error_uri,omitempty"`
}

// TokenError returns the RFC 6749 §5.2 answer for code: status 400, or 401
// with `WWW-Authenticate: Basic` for invalid_client; body
// {"error": code, "error_description": description}; and
// `Cache-Control: no-store` and `Pragma: no-cache`, as every token
// response must carry. invalid_client is a 401 whichever way the client
// authenticated: §5.2 requires it after HTTP Basic and allows it otherwise,
// and the challenge tells every client that Basic is accepted.
func TokenError(code, description string) *typed.HTTPError {
	status := http.StatusBadRequest
	h := http.Header{"Cache-Control": {"no-store"}, "Pragma": {"no-cache"}}
	if code == ErrorInvalidClient {
		status = http.StatusUnauthorized
		h["Www-Authenticate"] = []string{"Basic"}
	}
	return &typed.HTTPError{Status: status, Detail: description, Header: h,
		Body: TokenErrorBody{Error: code, ErrorDescription: description}}
}

// TokenResponse is a successful token response (RFC 6749 §5.1). Return it
// with [Token], which sets the headers it needs.
type TokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in,omitempty"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope,omitempty"`
}

// NoStore sets `Cache-Control: no-store` and `Pragma: no-cache` in h, a
// response's header (c.Response().Header() on either Echo major), as RFC
// 6749 §5.1 requires of every response with a token. [Token] calls it.
func NoStore(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
}
