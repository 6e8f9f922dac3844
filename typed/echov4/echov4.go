// Package echov4 serves typed routes on Echo v4 (github.com/labstack/echo/v4):
// it registers [typed.Handler] values whose functions take an echo.Context,
// hands every error to Echo's HTTPErrorHandler, and ships [ErrorHandler],
// which answers everything in FastAPI's shape.
//
//	e := echo.New()
//	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
//	api := echov4.New(e)
//	api.GET("/items", typed.Handle[ItemsQuery, []Item](security.Security(oauth2, "items:read"), listItems))
//
//	func listItems(c echo.Context, q ItemsQuery, token string) ([]Item, error)
//
// A program that uses this package links no package of Echo v5; package
// typed/echov5 is its twin for Echo v5.
package echov4

import (
	"net/http"
	"net/url"

	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v4"
)

// Router is what typed routes register on: *echo.Echo or *echo.Group.
type Router interface {
	Add(method, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route
	Group(prefix string, m ...echo.MiddlewareFunc) *echo.Group
}

var (
	_ Router                      = (*echo.Echo)(nil)
	_ Router                      = (*echo.Group)(nil)
	_ typed.Adapter[echo.Context] = host{}
	_ typed.Routes                = (*API)(nil)
)

// API registers typed routes on an Echo v4 router and records each as a
// [typed.Operation], which package openapi reads. Plain Echo routes and
// middleware registered on the same router are untouched. Its zero value is
// not usable; call [New].
type API struct {
	core *typed.API
	r    Router
}

// New returns an API that registers routes on r (an *echo.Echo or an
// *echo.Group) with default [typed.Options].
func New(r Router) *API { return NewWithOptions(r, nil) }

// NewWithOptions returns an API that registers routes on r with opts; nil
// opts means the defaults.
func NewWithOptions(r Router, opts *typed.Options) *API {
	if r == nil {
		panic("echov4: New requires an *echo.Echo or *echo.Group")
	}
	return &API{core: typed.NewAPI(mux{r}, opts), r: r}
}

// On returns an API that registers on r (for instance a group made with its
// own middleware) and shares a's options, operations and overrides.
func (a *API) On(r Router) *API { return &API{core: a.core.On(mux{r}), r: r} }

// With returns a view of a whose routes run guards before their own
// dependencies: FastAPI's FastAPI(dependencies=[…]) and
// APIRouter(dependencies=[…]). Groups made from the view inherit them.
func (a *API) With(guards ...typed.Guard) *API { return &API{core: a.core.With(guards...), r: a.r} }

// WithResponses returns a view of a whose routes also document rs:
// FastAPI's APIRouter(responses={…}), merged status by status under each
// route's own (see [typed.Responses]). Groups made from the view inherit
// them.
func (a *API) WithResponses(rs typed.Responses) *API {
	return &API{core: a.core.WithResponses(rs), r: a.r}
}

// Group returns an API for a new Echo group under a's router, with group
// middleware m.
func (a *API) Group(prefix string, m ...echo.MiddlewareFunc) *API {
	return a.On(a.r.Group(prefix, m...))
}

// Core returns the host-independent API, for packages such as openapi.
func (a *API) Core() *typed.API {
	if a == nil {
		return nil
	}
	return a.core
}

// Operations returns the recorded operations in registration order.
func (a *API) Operations() []*typed.Operation { return a.core.Operations() }

// ClearOverrides removes every override of a: FastAPI's
// app.dependency_overrides = {}.
func (a *API) ClearOverrides() { a.core.ClearOverrides() }

// Register adds h for op.Method and op.Path (relative to a's group) with
// route middleware m, and records the completed operation. It panics if
// op.Method or op.Path is empty. The route returns every error to Echo's
// HTTPErrorHandler as an *echo.HTTPError (see [Error]).
func (a *API) Register(op typed.Operation, h *typed.Handler[echo.Context], m ...echo.MiddlewareFunc) *echo.Route {
	serve, record := typed.NewRoute(a.core, host{}, op, h)
	route := a.r.Add(op.Method, op.Path, func(c echo.Context) error { return handoff(serve(c)) }, m...)
	record(route.Path, route.Name)
	return route
}

// GET registers h for GET requests to path.
func (a *API) GET(path string, h *typed.Handler[echo.Context], m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(typed.Operation{Method: http.MethodGet, Path: path}, h, m...)
}

// POST registers h for POST requests to path.
func (a *API) POST(path string, h *typed.Handler[echo.Context], m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(typed.Operation{Method: http.MethodPost, Path: path}, h, m...)
}

// PUT registers h for PUT requests to path.
func (a *API) PUT(path string, h *typed.Handler[echo.Context], m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(typed.Operation{Method: http.MethodPut, Path: path}, h, m...)
}

// PATCH registers h for PATCH requests to path.
func (a *API) PATCH(path string, h *typed.Handler[echo.Context], m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(typed.Operation{Method: http.MethodPatch, Path: path}, h, m...)
}

// DELETE registers h for DELETE requests to path.
func (a *API) DELETE(path string, h *typed.Handler[echo.Context], m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(typed.Operation{Method: http.MethodDelete, Path: path}, h, m...)
}

// NewRequest returns a [typed.Request] for c with default options, for
// resolving a dependency with [typed.Resolve] in a plain Echo handler;
// return its error through [Error].
func NewRequest(c echo.Context) *typed.Request { return typed.RequestFor[echo.Context](host{}, c) }

// host is the typed.Adapter of Echo v4.
type host struct{}

func (host) Request(c echo.Context) *http.Request        { return c.Request() }
func (host) Response(c echo.Context) http.ResponseWriter { return c.Response() }
func (host) Committed(c echo.Context) bool               { return c.Response().Committed }

// Param decodes the parameter once: Echo v4 routes on URL.RawPath when the
// request has one, and then its parameters are still escaped; otherwise on
// the decoded URL.Path.
func (host) Param(c echo.Context, name string) string {
	p := c.Param(name)
	if c.Request().URL.RawPath == "" {
		return p
	}
	if u, err := url.PathUnescape(p); err == nil {
		return u
	}
	return p
}

// mux serves plain handlers for package openapi.
type mux struct{ r Router }

func (m mux) HandleHTTP(method, path string, h http.Handler) string {
	return m.r.Add(method, path, echo.WrapHandler(h)).Path
}
