package openapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

func get(t *testing.T, h http.Handler, method, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func mounted(t *testing.T, cfg openapi.Config) (*echo.Echo, *echov4.API) {
	t.Helper()
	e, api := newAPI(scopesApp)
	if err := openapi.Mount(api, cfg); err != nil {
		t.Fatal(err)
	}
	return e, api
}

func readAsset(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("assets/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// redocLogo is the logo ReDoc's bundle loads from its CDN on every load.
const redocLogo = `"https://cdn.redoc.ly/redoc/logo-mini.svg"`

// redocServed is ReDoc's bundle as Mount serves it: npm's file with the
// logo pointed at an empty data: URL.
func redocServed(t *testing.T) []byte {
	t.Helper()
	return bytes.ReplaceAll(readAsset(t, "redoc.standalone.js"), []byte(redocLogo), []byte(`"data:,"`))
}

// ReDoc fetches nothing from elsewhere: its bundle's one outside fetch, the
// logo of "API docs by Redocly", is gone from the served script. The
// vendored file must still hold it exactly once, so that a refresh of
// assets/ to a bundle that loads the logo otherwise fails here rather than
// silently fetching it again (the browser test in testdata/conformance sees
// every request /redoc makes).
func TestRedocFetchesNoLogo(t *testing.T) {
	t.Parallel()
	if n := bytes.Count(readAsset(t, "redoc.standalone.js"), []byte("cdn.redoc.ly")); n != 1 {
		t.Fatalf("assets/redoc.standalone.js names cdn.redoc.ly %d times, want 1 (the logo that Mount rewrites): check what the new bundle fetches", n)
	}
	if n := bytes.Count(readAsset(t, "redoc.standalone.js"), []byte(redocLogo)); n != 1 {
		t.Fatalf("assets/redoc.standalone.js names %s %d times, want 1", redocLogo, n)
	}
	e, _ := mounted(t, openapi.Config{})
	rec := get(t, e, http.MethodGet, "/redoc/redoc.standalone.js")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if bytes.Contains(rec.Body.Bytes(), []byte("cdn.redoc.ly")) {
		t.Error("the served ReDoc bundle still loads its logo from cdn.redoc.ly")
	}
	if !bytes.Contains(rec.Body.Bytes(), []byte(`alt:"redocly logo",onError:`)) {
		t.Error("the logo's <img> and its onError handler, which drops it, are not where they were")
	}
}

func TestMountServes(t *testing.T) {
	t.Parallel()
	e, api := mounted(t, openapi.Config{Title: "Scopes"})
	spec, err := openapi.JSON(api, openapi.Config{Title: "Scopes"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		whenPath  string
		wantType  string
		wantBody  []byte   // exact body, when set
		wantParts []string // substrings, otherwise
	}{
		{"spec", "/openapi.json", "application/json", spec, nil},
		{"swagger ui", "/docs", "text/html; charset=utf-8", nil, []string{
			`<title>Scopes - Swagger UI</title>`,
			`href="/docs/swagger-ui.css"`,
			`<script src="/docs/swagger-ui-bundle.js">`,
			`url: "/openapi.json",`,
			`"persistAuthorization": true,`,
			`"dom_id": "#swagger-ui",`,
			`"layout": "BaseLayout",`,
			`oauth2RedirectUrl: window.location.origin + '/docs/oauth2-redirect',`,
			`SwaggerUIBundle.SwaggerUIStandalonePreset`,
		}},
		{"oauth2 redirect page", "/docs/oauth2-redirect", "text/html; charset=utf-8", readAsset(t, "oauth2-redirect.html"), nil},
		{"oauth2 redirect script", "/docs/oauth2-redirect.js", "application/javascript; charset=UTF-8", readAsset(t, "oauth2-redirect.js"), nil},
		{"swagger ui bundle", "/docs/swagger-ui-bundle.js", "application/javascript; charset=UTF-8", readAsset(t, "swagger-ui-bundle.js"), nil},
		{"swagger ui css", "/docs/swagger-ui.css", "text/css; charset=utf-8", readAsset(t, "swagger-ui.css"), nil},
		{"favicon", "/docs/favicon-32x32.png", "image/png", readAsset(t, "favicon-32x32.png"), nil},
		{"redoc", "/redoc", "text/html; charset=utf-8", nil, []string{
			`<title>Scopes - ReDoc</title>`,
			`<redoc spec-url="/openapi.json"></redoc>`,
			`<script src="/redoc/redoc.standalone.js">`,
		}},
		{"redoc script", "/redoc/redoc.standalone.js", "application/javascript; charset=UTF-8", redocServed(t), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, e, http.MethodGet, tt.whenPath)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d, want 200", rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type %q, want %q", got, tt.wantType)
			}
			if tt.wantBody != nil && !bytes.Equal(rec.Body.Bytes(), tt.wantBody) {
				t.Errorf("body differs from the expected %d bytes (got %d)", len(tt.wantBody), rec.Body.Len())
			}
			for _, p := range tt.wantParts {
				if !strings.Contains(rec.Body.String(), p) {
					t.Errorf("body lacks %q:\n%s", p, rec.Body)
				}
			}
			if strings.HasPrefix(tt.wantType, "text/html") && strings.Contains(rec.Body.String(), "http") {
				t.Errorf("page refers to another site:\n%s", rec.Body)
			}
			head := get(t, e, http.MethodHead, tt.whenPath)
			if head.Code != http.StatusOK {
				t.Errorf("HEAD: status %d, want 200", head.Code)
			}
			etag := rec.Header().Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			if again := get(t, e, http.MethodGet, tt.whenPath, "If-None-Match", `W/"x", `+etag); again.Code != http.StatusNotModified {
				t.Errorf("If-None-Match: status %d, want 304", again.Code)
			}
		})
	}
}

func TestMountDisabled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		whenCfg   openapi.Config
		want404   []string
		wantFound []string
	}{
		{"no swagger ui", openapi.Config{SwaggerUIPath: "-"},
			[]string{"/docs", "/docs/oauth2-redirect", "/docs/swagger-ui-bundle.js"},
			[]string{"/openapi.json", "/redoc", "/redoc/redoc.standalone.js"}},
		{"no redoc", openapi.Config{RedocPath: "-"},
			[]string{"/redoc", "/redoc/redoc.standalone.js"},
			[]string{"/openapi.json", "/docs"}},
		{"no document", openapi.Config{SpecPath: "-"},
			[]string{"/openapi.json", "/docs", "/redoc", "/docs/swagger-ui-bundle.js"}, nil},
		{"other paths", openapi.Config{SpecPath: "/spec.json", SwaggerUIPath: "/ui", RedocPath: "/reference"},
			[]string{"/openapi.json", "/docs", "/redoc"},
			[]string{"/spec.json", "/ui", "/ui/oauth2-redirect", "/ui/swagger-ui.css", "/reference", "/reference/redoc.standalone.js"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, _ := mounted(t, tt.whenCfg)
			for _, p := range tt.want404 {
				if rec := get(t, e, http.MethodGet, p); rec.Code != http.StatusNotFound {
					t.Errorf("GET %s: status %d, want 404", p, rec.Code)
				}
			}
			for _, p := range tt.wantFound {
				if rec := get(t, e, http.MethodGet, p); rec.Code != http.StatusOK {
					t.Errorf("GET %s: status %d, want 200", p, rec.Code)
				}
			}
		})
	}
}

func TestMountOnGroup(t *testing.T) {
	t.Parallel()
	e := echo.New()
	g := e.Group("/api")
	api := echov4.New(g)
	api.GET("/items/", typed.Handle[struct{}, map[string]string](&security.OAuth2PasswordBearer{TokenURL: "token"}, readItems))
	if err := openapi.Mount(api, openapi.Config{}); err != nil {
		t.Fatal(err)
	}
	docs := get(t, e, http.MethodGet, "/api/docs").Body.String()
	for _, want := range []string{`url: "/api/openapi.json"`, `href="/api/docs/swagger-ui.css"`, `'/api/docs/oauth2-redirect'`} {
		if !strings.Contains(docs, want) {
			t.Errorf("/api/docs lacks %q", want)
		}
	}
	if !strings.Contains(get(t, e, http.MethodGet, "/api/redoc").Body.String(), `spec-url="/api/openapi.json"`) {
		t.Error("/api/redoc does not load /api/openapi.json")
	}
	for _, p := range []string{"/api/openapi.json", "/api/docs/swagger-ui-bundle.js", "/api/redoc/redoc.standalone.js"} {
		if rec := get(t, e, http.MethodGet, p); rec.Code != http.StatusOK {
			t.Errorf("GET %s: status %d", p, rec.Code)
		}
	}
	if !strings.Contains(get(t, e, http.MethodGet, "/api/openapi.json").Body.String(), `"/api/items/"`) {
		t.Error("document lacks /api/items/")
	}
}

func TestMountSwaggerUIParameters(t *testing.T) {
	t.Parallel()
	e, _ := mounted(t, openapi.Config{
		SwaggerUIParameters: map[string]any{"deepLinking": false, "layout": nil, "syntaxHighlight": map[string]string{"theme": "obsidian"}},
		InitOAuth:           map[string]any{"clientId": "docs"},
	})
	page := get(t, e, http.MethodGet, "/docs").Body.String()
	for _, want := range []string{`"deepLinking": false,`, `"syntaxHighlight": {"theme": "obsidian"},`, `ui.initOAuth({"clientId": "docs"})`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `"layout"`) {
		t.Error("a nil parameter did not remove the default")
	}
}

// Routes registered after Mount are in the document served next.
func TestMountLaterRoutes(t *testing.T) {
	t.Parallel()
	e, api := mounted(t, openapi.Config{})
	before := get(t, e, http.MethodGet, "/openapi.json")
	api.GET("/later", typed.Handle[struct{}, string](typed.None, readFile))
	after := get(t, e, http.MethodGet, "/openapi.json")
	if strings.Contains(before.Body.String(), `"/later"`) || !strings.Contains(after.Body.String(), `"/later"`) {
		t.Error("the document does not follow registrations")
	}
	if before.Header().Get("ETag") == after.Header().Get("ETag") {
		t.Error("the ETag did not change with the document")
	}
}

// A route registered after Mount that breaks the document makes the
// document answer 500 in FastAPI's shape; the pages still load.
func TestMountBrokenLater(t *testing.T) {
	t.Parallel()
	e, api := mounted(t, openapi.Config{})
	api.GET("/other", typed.Handle[struct{}, map[string]string](&security.OAuth2PasswordBearer{TokenURL: "elsewhere"}, readItems))
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		rec := get(t, e, method, "/openapi.json")
		if rec.Code != http.StatusInternalServerError || rec.Header().Get("Content-Type") != "application/json" {
			t.Errorf("%s /openapi.json: %d %q, want 500 application/json", method, rec.Code, rec.Header().Get("Content-Type"))
		}
		if method == http.MethodGet && rec.Body.String() != `{"detail":"Internal Server Error"}`+"\n" {
			t.Errorf("GET /openapi.json: body %q", rec.Body)
		}
	}
	if rec := get(t, e, http.MethodGet, "/docs"); rec.Code != http.StatusOK {
		t.Errorf("GET /docs: %d, want 200", rec.Code)
	}
}

func TestMountErrors(t *testing.T) {
	t.Parallel()
	e, api := newAPI(scopesApp)
	if err := openapi.Mount(api, openapi.Config{SwaggerUIPath: "docs"}); err == nil {
		t.Error("a path without / was accepted")
	}
	if rec := get(t, e, http.MethodGet, "/openapi.json"); rec.Code != http.StatusNotFound {
		t.Errorf("GET /openapi.json after a failed Mount: %d, want 404 (nothing registered)", rec.Code)
	}
	if err := openapi.Mount(nil, openapi.Config{}); err == nil {
		t.Error("Mount without an API succeeded")
	}
	bad := echov4.New(echo.New())
	bad.GET("/x", typed.Handle[struct{}, string](&typedOnly{}, readTyped))
	if err := openapi.Mount(bad, openapi.Config{}); err == nil || !strings.Contains(err.Error(), "does not implement security.Scheme") {
		t.Errorf("err = %v, want a scheme without SchemeObject reported", err)
	}
}

// typedOnly is a scheme that package openapi cannot describe.
type typedOnly struct{}

func (*typedOnly) SecuritySchemeName() string                        { return "Custom" }
func (*typedOnly) Resolve(r *typed.Request) (string, error)          { return "", nil }
func (s *typedOnly) Describe(d *typed.Doc)                           { d.AddSecurity(s, nil) }
func readTyped(c echo.Context, _ struct{}, _ string) (string, error) { return "", nil }

// discard is a ResponseWriter that keeps nothing, so that only the
// handler's own allocations are counted.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}

// Serving the document allocates no more than Echo's own c.Blob with the
// two cache headers does: nothing is encoded or copied per request.
func TestServeAllocations(t *testing.T) {
	e, _ := mounted(t, openapi.Config{})
	spec := get(t, e, http.MethodGet, "/openapi.json").Body.Bytes()
	baseline := func(c echo.Context) error {
		c.Response().Header().Set("ETag", `"x"`)
		c.Response().Header().Set("Cache-Control", "no-cache")
		return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, spec)
	}
	measure := func(path string, h echo.HandlerFunc) float64 {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		w := &discard{h: http.Header{}}
		c := e.NewContext(req, w)
		return testing.AllocsPerRun(200, func() {
			clear(w.h)
			c.Reset(req, w)
			if h == nil {
				e.Router().Find(http.MethodGet, path, c)
				h = c.Handler()
			}
			_ = h(c)
		})
	}
	want := measure("/openapi.json", baseline)
	t.Logf("baseline %v", want)
	for _, p := range []string{"/openapi.json", "/docs", "/docs/swagger-ui-bundle.js"} {
		got := measure(p, nil)
		t.Logf("%s %v", p, got)
		if got > want {
			t.Errorf("GET %s: %v allocations, Echo's c.Blob needs %v", p, got, want)
		}
	}
}

// Concurrent requests after a registration rebuild the document once and
// each get the whole new document (run with -race).
func TestMountConcurrent(t *testing.T) {
	t.Parallel()
	e, api := mounted(t, openapi.Config{})
	api.GET("/later", typed.Handle[struct{}, string](typed.None, readFile))
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
			if rec.Code != http.StatusOK || !json.Valid(rec.Body.Bytes()) || !strings.Contains(rec.Body.String(), `"/later"`) {
				done <- "bad document"
				return
			}
			done <- ""
		}()
	}
	for i := 0; i < 8; i++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

// TestSwaggerUIOAuth2Redirect is FastAPI's test_custom_swagger_ui_redirect
// and test_no_swagger_ui_redirect: the redirect page moves, or is gone and
// Swagger UI is not told of one.
func TestSwaggerUIOAuth2Redirect(t *testing.T) {
	tests := []struct {
		name, path            string
		wantPage, wantGone    string
		wantInDocs, notInDocs string
	}{
		{name: "default", path: "", wantPage: "/docs/oauth2-redirect", wantInDocs: `oauth2RedirectUrl: window.location.origin + '/docs/oauth2-redirect'`},
		{name: "moved", path: "/docs/redirect", wantPage: "/docs/redirect", wantGone: "/docs/oauth2-redirect",
			wantInDocs: `oauth2RedirectUrl: window.location.origin + '/docs/redirect'`},
		{name: "off", path: "-", wantGone: "/docs/oauth2-redirect", notInDocs: "oauth2RedirectUrl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, api := newAPI(func(*echov4.API) {})
			if err := openapi.Mount(api, openapi.Config{SwaggerUIOAuth2RedirectPath: tt.path}); err != nil {
				t.Fatal(err)
			}
			get := func(p string) *httptest.ResponseRecorder {
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
				return rec
			}
			docs := get("/docs").Body.String()
			if tt.wantInDocs != "" && !strings.Contains(docs, tt.wantInDocs) {
				t.Errorf("/docs lacks %q", tt.wantInDocs)
			}
			if tt.notInDocs != "" && strings.Contains(docs, tt.notInDocs) {
				t.Errorf("/docs has %q", tt.notInDocs)
			}
			if tt.wantPage != "" {
				if rec := get(tt.wantPage); rec.Code != 200 || !strings.Contains(rec.Body.String(), "oauth2-redirect.js") {
					t.Errorf("%s: %d", tt.wantPage, rec.Code)
				}
				dir := tt.wantPage[:strings.LastIndexByte(tt.wantPage, '/')]
				if rec := get(dir + "/oauth2-redirect.js"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "swaggerUIRedirectOauth2") {
					t.Errorf("%s/oauth2-redirect.js: %d", dir, rec.Code)
				}
			}
			if tt.wantGone != "" {
				if rec := get(tt.wantGone); rec.Code != 404 {
					t.Errorf("%s: %d, want 404", tt.wantGone, rec.Code)
				}
			}
		})
	}
}
