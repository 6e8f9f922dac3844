package openapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/fastecho/fastecho/typed"
)

// Mount serves, as plain net/http handlers on the router that routes
// registers on (through its host adapter: [typed.API.HandleHTTP]), the
// document of routes at cfg.SpecPath, Swagger UI at cfg.SwaggerUIPath with
// its OAuth2 redirect page, and ReDoc at cfg.RedocPath, with their assets:
// everything is embedded in the binary and nothing is fetched from
// elsewhere. Paths are relative to that router (an Echo group's prefix
// applies); the pages refer to each other by their full paths, group
// prefix included.
//
// The document is built at once, so that Mount reports what [Build] would,
// and served as bytes kept in memory. Operations registered on routes after
// Mount are added on the next request for the document, which rebuilds it
// once. Swagger UI's Authorize button logs in with the OAuth2 password
// flow without configuration: it resolves the scheme's tokenUrl against the
// document's URL, as with FastAPI.
//
// It fails if a path does not start with "/" or the document cannot be
// built. Nothing is registered when cfg.SpecPath is "-". If an operation
// registered after Mount keeps the document from being built, requests for
// it are answered 500 {"detail":"Internal Server Error"} and the error is
// logged with slog.
func Mount(routes typed.Routes, cfg Config) error {
	if routes == nil {
		return fmt.Errorf("openapi: Mount requires an API")
	}
	api := routes.Core()
	if api == nil {
		return fmt.Errorf("openapi: Mount requires an API")
	}
	specPath := cfg.specPath()
	if specPath == disabled {
		return nil
	}
	docsPath, redocPath := cfg.docsPath(), cfg.redocPath()
	redirectPath := cfg.SwaggerUIOAuth2RedirectPath
	switch {
	case docsPath == disabled:
		redirectPath = disabled
	case redirectPath == "":
		redirectPath = strings.TrimSuffix(docsPath, "/") + "/oauth2-redirect"
	}
	for _, p := range []string{specPath, docsPath, redocPath, redirectPath} {
		if p != disabled && !strings.HasPrefix(p, "/") {
			return fmt.Errorf("openapi: path %q does not start with /", p)
		}
	}
	doc := &document{api: api, cfg: cfg}
	if _, err := doc.get(); err != nil {
		return err
	}
	specURL := add(api, specPath, doc.serve)
	prefix := strings.TrimSuffix(specURL, specPath) // the group's, if api is on a group
	if docsPath != disabled {
		docsURL := prefix + strings.TrimSuffix(docsPath, "/")
		redirectURL := ""
		if redirectPath != disabled {
			redirectURL = prefix + redirectPath
		}
		page, err := swaggerUIHTML(cfg, specURL, docsURL, redirectURL)
		if err != nil {
			return fmt.Errorf("openapi: Swagger UI parameters: %w", err)
		}
		add(api, docsPath, newBlob([]byte(page), "text/html; charset=utf-8").serve)
		base := strings.TrimSuffix(docsPath, "/")
		if redirectPath != disabled {
			add(api, redirectPath, swaggerAssets.redirect.serve)
			// The page loads its script from its own directory.
			add(api, redirectPath[:strings.LastIndexByte(redirectPath, '/')]+"/oauth2-redirect.js", swaggerAssets.redirectJS.serve)
		}
		add(api, base+"/swagger-ui-bundle.js", swaggerAssets.bundle.serve)
		add(api, base+"/swagger-ui.css", swaggerAssets.css.serve)
		add(api, base+"/favicon-32x32.png", swaggerAssets.favicon.serve)
	}
	if redocPath != disabled {
		redocURL := prefix + strings.TrimSuffix(redocPath, "/")
		add(api, redocPath, newBlob([]byte(redocHTML(cfg, specURL, redocURL)), "text/html; charset=utf-8").serve)
		base := strings.TrimSuffix(redocPath, "/")
		add(api, base+"/redoc.standalone.js", redocAssets.script.serve)
		add(api, base+"/favicon-32x32.png", swaggerAssets.favicon.serve)
	}
	return nil
}

// add registers h for GET and HEAD and returns the route's full path.
func add(api *typed.API, path string, h http.HandlerFunc) string {
	api.HandleHTTP(http.MethodHead, path, h)
	return api.HandleHTTP(http.MethodGet, path, h)
}

// blob is a response built once: the body, its type and its ETag.
type blob struct {
	body  []byte
	ctype string
	etag  string
	// Header values, built once and assigned as they are (capacity equal
	// to length, so a later append copies): serving allocates nothing.
	hCType, hETag []string
}

var noCache = []string{"no-cache"}

func newBlob(body []byte, ctype string) *blob {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	return &blob{body: body, ctype: ctype, etag: etag, hCType: []string{ctype}, hETag: []string{etag}}
}

// serve writes b, the body as it is (no copy): a conditional request with
// b's ETag gets 304.
func (b *blob) serve(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	h["Etag"] = b.hETag
	h["Cache-Control"] = noCache
	if inm := req.Header["If-None-Match"]; len(inm) > 0 && etagMatch(inm[0], b.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = b.hCType
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b.body)
}

// etagMatch reports whether an If-None-Match list names etag (weak
// comparison, RFC 9110 section 13.1.2).
func etagMatch(list, etag string) bool {
	for list != "" {
		var tag string
		tag, list, _ = strings.Cut(list, ",")
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}

// lazyBlob is an embedded asset, edited (when edit is set) and hashed on
// first use.
type lazyBlob struct {
	name, ctype string
	edit        func([]byte) []byte
	once        sync.Once
	b           *blob
}

func (l *lazyBlob) serve(w http.ResponseWriter, req *http.Request) {
	l.once.Do(func() {
		body := asset(l.name)
		if l.edit != nil {
			body = l.edit(body)
		}
		l.b = newBlob(body, l.ctype)
	})
	l.b.serve(w, req)
}

var swaggerAssets = struct {
	bundle, css, favicon, redirect, redirectJS lazyBlob
}{
	bundle:     lazyBlob{name: "swagger-ui-bundle.js", ctype: "application/javascript; charset=UTF-8"},
	css:        lazyBlob{name: "swagger-ui.css", ctype: "text/css; charset=utf-8"},
	favicon:    lazyBlob{name: "favicon-32x32.png", ctype: "image/png"},
	redirect:   lazyBlob{name: "oauth2-redirect.html", ctype: "text/html; charset=utf-8"},
	redirectJS: lazyBlob{name: "oauth2-redirect.js", ctype: "application/javascript; charset=UTF-8"},
}

var redocAssets = struct{ script lazyBlob }{
	script: lazyBlob{name: "redoc.standalone.js", ctype: "application/javascript; charset=UTF-8", edit: redocOffline},
}

// redocLogo is the one thing ReDoc's bundle fetches from elsewhere: the logo
// of the "API docs by Redocly" line at the foot of its menu, an <img> that
// ReDoc 2 renders on every load, with no option to turn it off
// (src/components/SideMenu/Logo.tsx).
const redocLogo = `"https://cdn.redoc.ly/redoc/logo-mini.svg"`

// redocOffline points the logo at an empty data: URL instead. The browser
// fetches nothing, the image fails to decode at once, and ReDoc's onError
// handler then drops it; the attribution's link and text stay. The file in
// assets/ is npm's, unchanged (see assets/README.md).
func redocOffline(script []byte) []byte {
	return bytes.ReplaceAll(script, []byte(redocLogo), []byte(`"data:,"`))
}

// document is api's document, built once and rebuilt when operations have
// been registered since (registrations only append).
type document struct {
	api *typed.API
	cfg Config
	mu  sync.Mutex
	cur atomic.Pointer[builtDoc]
}

type builtDoc struct {
	ops int
	*blob
}

func (d *document) get() (*blob, error) {
	n := len(d.api.Operations())
	if b := d.cur.Load(); b != nil && b.ops == n {
		return b.blob, nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if b := d.cur.Load(); b != nil && b.ops == n {
		return b.blob, nil
	}
	raw, err := JSON(d.api, d.cfg)
	if err != nil {
		return nil, err
	}
	b := &builtDoc{ops: n, blob: newBlob(raw, "application/json")}
	d.cur.Store(b)
	return b.blob, nil
}

// serve writes the document. It can fail only when an operation
// registered after Mount breaks the document: that is logged and answered
// 500.
func (d *document) serve(w http.ResponseWriter, req *http.Request) {
	b, err := d.get()
	if err != nil {
		slog.Error("openapi: the document cannot be built", "error", err)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"detail":"Internal Server Error"}` + "\n"))
		return
	}
	b.serve(w, req)
}
