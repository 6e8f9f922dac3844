package echov4

import (
	"net/http"
	"reflect"

	"github.com/fastecho/fastecho/internal/slash"
	"github.com/labstack/echo/v4"
)

// RedirectSlashes makes e answer as Starlette's redirect_slashes (FastAPI's
// default): a request whose path matches no route, while the same path with
// its trailing slash removed or added does match one (for any method), is
// answered 307 with an empty body and Location set to that path's absolute
// URL (http://<Host><path>[?query as sent]). Nothing else changes: a
// request to an existing route, or to a path whose twin would also be a
// 404, is routed as before. Echo's router decides; no handler or
// dependency runs before the redirect.
func RedirectSlashes(e *echo.Echo) {
	notFound := reflect.ValueOf(echo.NotFoundHandler).Pointer()
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if reflect.ValueOf(c.Handler()).Pointer() != notFound {
				// Echo lets a route's last parameter take a trailing slash
				// (":name" matches "ann/"); Starlette's does not, and
				// redirects to the path without it.
				if trimmed, ok := slash.TrailingParam(req.URL.Path, c.Path()); ok {
					return c.Redirect(http.StatusTemporaryRedirect, slash.Location(req, trimmed))
				}
				return next(c)
			}
			path, ok := slash.Toggled(echo.GetPath(req))
			if !ok || !routes(e, req, path, notFound) {
				return next(c)
			}
			decoded, _ := slash.Toggled(req.URL.Path)
			return c.Redirect(http.StatusTemporaryRedirect, slash.Location(req, decoded))
		}
	})
}

// routes reports whether e's router has a route at path, for req's method
// or (a 405) another one.
func routes(e *echo.Echo, req *http.Request, path string, notFound uintptr) bool {
	c := e.AcquireContext()
	defer e.ReleaseContext(c)
	c.Reset(req, nil)
	e.Router().Find(req.Method, path, c)
	if reflect.ValueOf(c.Handler()).Pointer() == notFound {
		return false
	}
	for _, r := range e.Routes() {
		if r.Method == echo.RouteNotFound && r.Path == c.Path() {
			return false // the application's own 404 route
		}
	}
	return true
}
