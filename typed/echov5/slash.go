package echov5

import (
	"net/http"

	"github.com/fastecho/fastecho/internal/slash"
	"github.com/labstack/echo/v5"
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
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			req := c.Request()
			if c.RouteInfo().Name != echo.NotFoundRouteName {
				// Echo lets a route's last parameter take a trailing slash
				// (":name" matches "ann/"); Starlette's does not, and
				// redirects to the path without it.
				if trimmed, ok := slash.TrailingParam(req.URL.Path, c.Path()); ok {
					return c.Redirect(http.StatusTemporaryRedirect, slash.Location(req, trimmed))
				}
				return next(c)
			}
			decoded, ok := slash.Toggled(req.URL.Path)
			if !ok || !routes(e, req, decoded) {
				return next(c)
			}
			return c.Redirect(http.StatusTemporaryRedirect, slash.Location(req, decoded))
		}
	})
}

// routes reports whether e's router has a route at path (decoded), for
// req's method or (a 405) another one.
func routes(e *echo.Echo, req *http.Request, path string) bool {
	r := req.Clone(req.Context())
	raw, _ := slash.Toggled(req.URL.EscapedPath())
	r.URL.Path, r.URL.RawPath = path, ""
	if raw != "" && raw != path {
		r.URL.RawPath = raw
	}
	c := e.NewContext(r, nil)
	e.Router().Route(c)
	ri := c.RouteInfo()
	return ri.Name != echo.NotFoundRouteName && ri.Method != echo.RouteNotFound
}
