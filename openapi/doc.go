// Package openapi documents the typed routes of an API ([typed.Routes]: a
// host adapter's API, such as typed/echov4's, or its [typed.API]) as
// OpenAPI 3.1 and serves the document with Swagger UI and ReDoc, as FastAPI
// serves /openapi.json, /docs and /redoc. One declaration drives both the run-time check and the
// docs: the scheme a route depends on is the scheme its operation lists,
// and Swagger UI's Authorize button logs in with it.
//
//	e := echo.New()
//	api := echov4.New(e)
//	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token"}
//	api.POST("/token", typed.Handle[struct{}, Token](forms.Password(nil), login))
//	api.GET("/users/me", typed.Handle[struct{}, User](oauth2, readMe))
//	if err := openapi.Mount(api, openapi.Config{Title: "Users"}); err != nil {
//		log.Fatal(err)
//	}
//
// # The document
//
// [Build] reads [typed.API.Operations], the records that registration
// leaves, and reflects Go types with github.com/swaggest/openapi-go. Every
// operation gets FastAPI's operationId (read_me_users_me_get), summary
// (Read Me) and tags; its parameters in FastAPI's order (path, query,
// header, cookie); its request body; its success response with the
// operation's status and the description "Successful Response"; a 422
// response referring to FastAPI's HTTPValidationError schema when it reads
// parameters or a body; and a 401 response and a security list when it is
// behind a scheme (no 401 when the scheme, under security.Optional, lets
// every request through and so never sends one).
//
// Whether a parameter or body field is required is what package typed
// decided when it bound the request (a non-pointer field is required unless
// it has a default, omitempty or required:"false"), not swaggest's rule.
// Structs reflected as components follow the same rule. Pointers are
// nullable; slices and maps are not, as FastAPI documents list and dict.
// Field tags add schema keywords: title, description, format
// (format:"password" hides a field in Swagger UI), default, example,
// deprecated, and the keywords that constrain (pattern, enum, const,
// minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf,
// minLength, maxLength, minItems, maxItems, uniqueItems, minProperties,
// maxProperties), which package typed enforces. A parameter's description
// and deprecated are the parameter's and stay in its schema, as FastAPI
// writes them; hidden:"true" leaves a parameter out (FastAPI's
// include_in_schema=False).
//
// # Constraints: one declaration
//
// A validate tag (go-playground/validator, which checks the request) is
// documented as the JSON Schema keywords that say the same: min, max,
// len, gt, gte, lt, lte as minLength/maxLength on strings (in characters),
// minItems/maxItems on slices, minProperties/maxProperties on maps and
// minimum/maximum/exclusiveMinimum/exclusiveMaximum on numbers; eq and
// isdefault as const, ne as not, oneof as enum, noneof as not enum,
// required in the parent's required list (and minLength 1, not 0, true,
// not null as the kind needs); unique as uniqueItems; dive on the items,
// additionalProperties or propertyNames (keys … endkeys); alternatives
// ("a|b") as anyOf; omitempty as anyOf with the zero value. Tags that
// validator checks with a regular expression (alpha, alphanum, numeric,
// hexadecimal, uuid, base64, e164, semver, …) are their pattern, written
// so that Go and ECMA-262 read it alike; contains, startswith, endswith
// and the excludes family are patterns too. email, url, uri, ipv4, ipv6,
// hostname_rfc1123 and datetime (RFC 3339 or a date) add a format. A rule
// that no keyword states exactly (a format, a cross-field rule such as
// ltfield, a checksum such as isbn) is named in the field's description:
// "Validated as `ltfield=End` (go-playground/validator)." A property test
// runs a real JSON Schema validator over the generated document against
// the server's answers, on both sides of every boundary.
//
// A JSON body whose Go type holds only body fields refers to that type's
// schema, named after the type ("Item"), as FastAPI names it after the
// pydantic model. Form bodies (application/x-www-form-urlencoded) and JSON
// fields mixed with parameters in one request struct are an object named
// Body_<operationId>, FastAPI's name.
//
// # Security
//
// Every scheme reached by a route through its dependencies is listed under
// components.securitySchemes by its SecuritySchemeName, with the object
// FastAPI emits for the same configuration, for example
//
//	"OAuth2PasswordBearer": {"type": "oauth2", "flows": {"password": {"scopes": {}, "tokenUrl": "token"}}}
//
// A scheme describes itself by implementing [security.Scheme]. An
// operation's security lists one requirement object per alternative that
// typed recorded: a scheme reached through a chain of dependencies with the
// scopes accumulated along it ({"OAuth2PasswordBearer": ["items", "me"]}),
// security.AnyOf as several objects (OR), schemes required together as
// one object (AND). Scopes are always a list, never null.
//
// [Check] verifies what OpenAPI validators let pass but a client trips
// over: every requirement names a defined scheme, every OAuth2 scope is
// declared in the scheme's flows, every local $ref resolves, path
// templates match path parameters, and no two paths differ only in the
// names of their parameters. Build runs it, so Mount refuses such a
// document with Check's message. A route registered twice for one method
// and path is documented as its last registration, the one Echo v4
// serves; Echo's wildcard "*" is the path parameter "path".
//
// # Serving
//
// [Mount] registers the document and the UIs as plain net/http handlers,
// through the API's host adapter, on the router the API registers on (with
// typed/echov4, an Echo app or group, whose prefix applies): the package
// itself does not depend on Echo. The document is encoded once and served
// as the same bytes with an ETag; it is rebuilt only if routes were
// registered after Mount.
// Swagger UI (swagger-ui-dist 5) and ReDoc (redoc 2) are embedded in the
// binary and served below their pages, so the docs work offline. Swagger
// UI keeps its login across reloads (persistAuthorization) and has a real
// OAuth2 redirect page, by default at /docs/oauth2-redirect
// (Config.SwaggerUIOAuth2RedirectPath). Its password flow needs no
// configuration: it posts the login form to the scheme's tokenUrl, resolved
// against the document's URL, with an "Authorization: Basic Og==" header
// for the empty client credentials, which the token route ignores.
//
// [Config] sets the document's info and servers and moves or turns off
// each path ("-", as FastAPI's docs_url=None).
//
// # Compared with FastAPI
//
// Security schemes, security requirements, operation ids, summaries,
// parameters, form bodies and the 422 response are FastAPI's. The schemas
// differ in form, not in meaning: properties are listed in alphabetical
// order (Go encodes maps so; JSON key order carries no meaning), schemas
// carry no generated titles, and a nullable value is {"type": ["null",
// "string"]} rather than an anyOf. Operations behind a scheme also
// document their 401 response, and public operations say "security": [],
// both of which FastAPI leaves out.
package openapi
