package openapi

// Config describes the document and where [Mount] serves it. A zero Config
// consists entirely of default values.
//
// A path set to "-" is not served, as FastAPI's docs_url=None: "-" for
// SpecPath turns off the document and both UIs, which need it.
type Config struct {
	// Title is info.title. Empty means "API".
	Title string
	// Version is info.version, the version of the API (not of OpenAPI).
	// Empty means "0.1.0", FastAPI's default.
	Version string
	// Summary is info.summary, a short line (OpenAPI 3.1).
	Summary string
	// Description is info.description, in CommonMark.
	Description string
	// Servers lists the servers of the API. Empty leaves the field out, so
	// clients use the server that served the document.
	Servers []Server

	// SpecPath is where the document is served as JSON. Empty means
	// "/openapi.json"; "-" serves neither the document nor the UIs.
	SpecPath string
	// SwaggerUIPath is where Swagger UI is served, its assets below it (its
	// OAuth2 redirect page too, unless SwaggerUIOAuth2RedirectPath says
	// otherwise). Empty means "/docs"; "-" turns it off, redirect page
	// included.
	SwaggerUIPath string
	// SwaggerUIOAuth2RedirectPath is where Swagger UI's OAuth2 redirect
	// page is served, its script beside it; Swagger UI is told of it.
	// Empty means SwaggerUIPath + "/oauth2-redirect"; "-" serves no such
	// page (the password flow needs none). FastAPI:
	// swagger_ui_oauth2_redirect_url.
	SwaggerUIOAuth2RedirectPath string
	// RedocPath is where ReDoc is served, its script below it. Empty means
	// "/redoc"; "-" turns it off.
	RedocPath string

	// SwaggerUIParameters are Swagger UI configuration options, merged over
	// the defaults: FastAPI's (dom_id, layout, deepLinking, showExtensions,
	// showCommonExtensions) and persistAuthorization. A nil value removes a
	// default. Values are encoded as JSON. FastAPI: swagger_ui_parameters.
	SwaggerUIParameters map[string]any
	// InitOAuth, when not nil, is passed to Swagger UI's initOAuth (for
	// instance {"clientId": "…", "usePkceWithAuthorizationCodeGrant": true}).
	// The password flow needs none. FastAPI: swagger_ui_init_oauth.
	InitOAuth map[string]any
}

// Server is an OpenAPI Server Object.
type Server struct {
	URL         string // may be relative, e.g. "/api"
	Description string
}

const (
	defaultTitle     = "API"
	defaultVersion   = "0.1.0"
	defaultSpecPath  = "/openapi.json"
	defaultDocsPath  = "/docs"
	defaultRedocPath = "/redoc"
	disabled         = "-"
)

func (c Config) title() string   { return or(c.Title, defaultTitle) }
func (c Config) version() string { return or(c.Version, defaultVersion) }

func (c Config) specPath() string  { return or(c.SpecPath, defaultSpecPath) }
func (c Config) docsPath() string  { return or(c.SwaggerUIPath, defaultDocsPath) }
func (c Config) redocPath() string { return or(c.RedocPath, defaultRedocPath) }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
