package openapi

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v4"
)

// Mount serves on r (an *echo.Echo or *echo.Group) the document of api at
// cfg.SpecPath, Swagger UI at cfg.SwaggerUIPath with its OAuth2 redirect
// page, and ReDoc at cfg.RedocPath, with their assets: everything is
// embedded in the binary and nothing is fetched from elsewhere. Paths are
// relative to r, as Echo's are; the pages refer to each other by their full
// paths, group prefix included.
//
// The document is built at once, so that Mount reports what [Build] would,
// and served as bytes kept in memory. Operations registered on api after
// Mount are added on the next request for the document, which rebuilds it
// once. Swagger UI's Authorize button logs in with the OAuth2 password
// flow without configuration: it resolves the scheme's tokenUrl against the
// document's URL, as with FastAPI.
//
// It fails if a path does not start with "/" or the document cannot be
// built. Nothing is registered when cfg.SpecPath is "-".
func Mount(r typed.Router, api *typed.API, cfg Config) error {
	if r == nil || api == nil {
		return fmt.Errorf("openapi: Mount requires a router and an API")
	}
	specPath := cfg.specPath()
	if specPath == disabled {
		return nil
	}
	docsPath, redocPath := cfg.docsPath(), cfg.redocPath()
	for _, p := range []string{specPath, docsPath, redocPath} {
		if p != disabled && !strings.HasPrefix(p, "/") {
			return fmt.Errorf("openapi: path %q does not start with /", p)
		}
	}
	doc := &document{api: api, cfg: cfg}
	if _, err := doc.get(); err != nil {
		return err
	}
	specURL := add(r, specPath, doc.serve)
	prefix := strings.TrimSuffix(specURL, specPath) // the group's, if r is a group
	if docsPath != disabled {
		docsURL := prefix + strings.TrimSuffix(docsPath, "/")
		page, err := swaggerUIHTML(cfg, specURL, docsURL)
		if err != nil {
			return fmt.Errorf("openapi: Swagger UI parameters: %w", err)
		}
		add(r, docsPath, newBlob([]byte(page), echo.MIMETextHTMLCharsetUTF8).serve)
		base := strings.TrimSuffix(docsPath, "/")
		add(r, base+"/oauth2-redirect", swaggerAssets.redirect.serve)
		add(r, base+"/oauth2-redirect.js", swaggerAssets.redirectJS.serve)
		add(r, base+"/swagger-ui-bundle.js", swaggerAssets.bundle.serve)
		add(r, base+"/swagger-ui.css", swaggerAssets.css.serve)
		add(r, base+"/favicon-32x32.png", swaggerAssets.favicon.serve)
	}
	if redocPath != disabled {
		redocURL := prefix + strings.TrimSuffix(redocPath, "/")
		add(r, redocPath, newBlob([]byte(redocHTML(cfg, specURL, redocURL)), echo.MIMETextHTMLCharsetUTF8).serve)
		base := strings.TrimSuffix(redocPath, "/")
		add(r, base+"/redoc.standalone.js", redocAssets.script.serve)
		add(r, base+"/favicon-32x32.png", swaggerAssets.favicon.serve)
	}
	return nil
}

// add registers h for GET and HEAD and returns the route's full path.
func add(r typed.Router, path string, h echo.HandlerFunc) string {
	r.Add(http.MethodHead, path, h)
	return r.Add(http.MethodGet, path, h).Path
}

// blob is a response prepared once: the body, its type and its ETag.
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

// serve writes b with Echo, the body as it is (no copy): a conditional
// request with b's ETag gets 304.
func (b *blob) serve(c echo.Context) error {
	res := c.Response()
	h := res.Header()
	h["Etag"] = b.hETag
	h["Cache-Control"] = noCache
	if inm := c.Request().Header["If-None-Match"]; len(inm) > 0 && etagMatch(inm[0], b.etag) {
		res.WriteHeader(http.StatusNotModified)
		return nil
	}
	h["Content-Type"] = b.hCType
	res.WriteHeader(http.StatusOK)
	_, err := res.Write(b.body)
	return err
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

// lazyBlob is an embedded asset, prepared (hashed) on first use.
type lazyBlob struct {
	name, ctype string
	once        sync.Once
	b           *blob
}

func (l *lazyBlob) serve(c echo.Context) error {
	l.once.Do(func() { l.b = newBlob(asset(l.name), l.ctype) })
	return l.b.serve(c)
}

var swaggerAssets = struct {
	bundle, css, favicon, redirect, redirectJS lazyBlob
}{
	bundle:     lazyBlob{name: "swagger-ui-bundle.js", ctype: echo.MIMEApplicationJavaScriptCharsetUTF8},
	css:        lazyBlob{name: "swagger-ui.css", ctype: "text/css; charset=utf-8"},
	favicon:    lazyBlob{name: "favicon-32x32.png", ctype: "image/png"},
	redirect:   lazyBlob{name: "oauth2-redirect.html", ctype: echo.MIMETextHTMLCharsetUTF8},
	redirectJS: lazyBlob{name: "oauth2-redirect.js", ctype: echo.MIMEApplicationJavaScriptCharsetUTF8},
}

var redocAssets = struct{ script lazyBlob }{
	script: lazyBlob{name: "redoc.standalone.js", ctype: echo.MIMEApplicationJavaScriptCharsetUTF8},
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
	b := &builtDoc{ops: n, blob: newBlob(raw, echo.MIMEApplicationJSON)}
	d.cur.Store(b)
	return b.blob, nil
}

func (d *document) serve(c echo.Context) error {
	b, err := d.get()
	if err != nil {
		return err
	}
	return b.serve(c)
}
