// Package security provides FastAPI's security schemes (fastapi.security)
// as dependencies of package typed, served on Echo v4 or v5 through
// typed/echov4 or typed/echov5: API keys in a query parameter, header or
// cookie, HTTP Basic, Bearer and Digest, OAuth2 and its password and
// authorization-code bearer flows, and OpenID Connect. Each scheme is a
// config struct whose fields are FastAPI's keyword arguments; it extracts
// the credential as FastAPI does for the same bytes, answers a request
// without one with FastAPI's 401, and documents itself in OpenAPI (package
// openapi reads [Scheme]).
//
// # Schemes
//
// A scheme is a [typed.Dep]: hand it to [typed.Handle], or use it inside
// [typed.Depends] to turn the credential into a user.
//
//	basic := &security.HTTPBasic{Realm: "admin"}
//	api.GET("/users/me", typed.Handle[struct{}, User](basic, readMe))
//
//	func readMe(c echo.Context, _ struct{}, cred security.HTTPBasicCredentials) (User, error)
//
// Without a credential the handler does not run and the client gets
// 401 {"detail":"Not authenticated"} with the scheme's challenge:
// `WWW-Authenticate: Basic realm="admin"`, `Bearer`, `APIKey`… Schemes only
// extract credentials; checking them is your dependency's job. Compare
// secrets with [ConstantTimeEqual] or [HTTPBasicCredentials.Matches], and
// answer bad tokens with [InvalidToken] (RFC 6750 §3).
//
// Configure a scheme once and use it by pointer, and do not change it
// after first use: it builds its errors from its configuration then.
//
// # Optional credentials
//
// FastAPI's auto_error=False is [Optional]: it turns a Dep[T] into a
// Dep[*T] that is nil when the credential is missing. Missing means the
// scheme's error wraps [ErrNoCredentials]; a malformed credential
// ([ErrMalformedCredentials]) still fails.
//
//	api.GET("/whoami", typed.Handle[struct{}, string](security.Optional(apiKey), whoami))
//
//	func whoami(c echo.Context, _ struct{}, key *string) (string, error)
//
// # Alternatives
//
// [AnyOf] accepts the first of several schemes that finds a credential,
// and documents them as alternatives, which FastAPI cannot express.
// [AnyOfMatched] also reports which one matched. [AllOf] and [AllOf2]
// require several at once and document them as one requirement.
//
//	cookieOrBearer := security.AnyOf[string](cookie, oauth2)
//
// # Scopes
//
// [Security] adds OAuth2 scopes to a dependency. They accumulate down the
// chain, and a dependency that asks for [Scopes] sees those above it:
//
//	currentUser := typed.Depends2(security.Scopes(), oauth2, getCurrentUser)
//	activeUser := typed.Depends(security.Security(currentUser, "me"), checkActive)
//	api.GET("/users/me/items/", typed.Handle[struct{}, []Item](security.Security(activeUser, "items"), items))
//
// Here getCurrentUser receives SecurityScopes{Scopes: ["items", "me"],
// ScopeStr: "items me"}, and the operation requires OAuth2PasswordBearer
// with ["items", "me"]. [RequireScopes] does the check for you, answering
// [InsufficientScope]'s 403.
//
// # Errors
//
// Every error a scheme returns is a [*typed.HTTPError]; set a scheme's
// NotAuthenticated to change its status, detail or headers (FastAPI's
// make_not_authenticated_error). As every error of a typed route, it goes
// to the host framework's error handler, its headers (the challenge)
// already set on the response; there errors.As finds the
// [*typed.HTTPError] and errors.Is finds [ErrNoCredentials] (on Echo v4 it
// arrives as an *echo.HTTPError whose Internal is the original error).
//
// # Secrets
//
// [HTTPBasicCredentials] and [HTTPAuthorizationCredentials] print and log
// (fmt, slog) with the secret replaced by REDACTED; their JSON does not
// redact, as FastAPI's examples return them.
//
// # Differences from FastAPI
//
// Responses and OpenAPI match FastAPI's for the same configuration and
// request, including its parsing quirks (Latin-1 header bytes, lenient
// base64, the last query parameter and cookie winning). Beyond FastAPI:
// HTTPBasic's Charset "UTF-8" mode (RFC 7617 §2.1), escaped quotes in a
// realm, RFC 6750 challenges ([BearerChallenge]), and the combinators
// above. HTTPDigest and OpenIDConnect extract the header only, as in
// FastAPI; [DigestAuth] verifies Digest (RFC 7616) on top of HTTPDigest.
package security
