package typed

import (
	"log/slog"
	"net/http"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"
)

// Router is what typed routes register on: *echo.Echo or *echo.Group.
type Router interface {
	Add(method, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route
	Group(prefix string, m ...echo.MiddlewareFunc) *echo.Group
}

var (
	_ Router = (*echo.Echo)(nil)
	_ Router = (*echo.Group)(nil)
)

// DefaultMaxBodyBytes is the request body limit when [Options.MaxBodyBytes] is zero.
const DefaultMaxBodyBytes = 1 << 20

// Options configure an [API]. A nil *Options, and every zero field, means
// the default.
type Options struct {
	// Validate validates bound requests. Nil uses a private instance made
	// once with validator.WithRequiredStructEnabled. A validator caches per
	// type, so share one.
	Validate *validator.Validate
	// MaxBodyBytes limits JSON and form bodies; a larger body is answered
	// 413. Zero means DefaultMaxBodyBytes (1 MiB); negative means no limit.
	MaxBodyBytes int64
	// ProblemDetails answers every error the library produces (401, 403,
	// 413, 422, 500 after a panic, and a handler's HTTPError) as RFC 9457
	// application/problem+json (see [Problem]) instead of FastAPI's
	// {"detail": …}; package openapi documents it so. Errors that are not
	// HTTPErrors still go to Echo's error handler.
	ProblemDetails bool
	// EchoErrors returns errors to Echo's HTTPErrorHandler as
	// *echo.HTTPError values (see [EchoError]) instead of writing them
	// directly, for applications whose custom error handler must see every
	// error. Writing directly is faster (a prepared 401 costs no allocation)
	// and is the default. It does not apply with ProblemDetails.
	EchoErrors bool
	// Logger receives the panics of handlers and dependencies (answered
	// 500). Nil means slog.Default().
	Logger *slog.Logger
}

// config is the resolved form of Options that handlers run with.
type config struct {
	validate *validator.Validate
	maxBody  int64
	logger   *slog.Logger // nil: slog.Default() at the time of the panic
	problem  bool
	// echoErrors: errors go to Echo's HTTPErrorHandler (Options.EchoErrors).
	echoErrors bool
	// overrides replace dependencies in tests; see Override.
	overrides overrides
}

var defaultValidate = validator.New(validator.WithRequiredStructEnabled())

func (o *Options) config() *config {
	c := &config{validate: defaultValidate, maxBody: DefaultMaxBodyBytes}
	if o == nil {
		return c
	}
	if o.Validate != nil {
		c.validate = o.Validate
	}
	c.logger = o.Logger
	c.problem = o.ProblemDetails
	c.echoErrors = o.EchoErrors
	if o.MaxBodyBytes != 0 {
		c.maxBody = o.MaxBodyBytes
	}
	return c
}

// API registers typed routes on a Router and records each as an
// [Operation], which package openapi reads. Plain Echo routes and
// middleware registered on the same router are untouched. Its zero value is
// not usable; call [New].
type API struct {
	r   Router
	cfg *config
	ops *[]*Operation
}

// New returns an API that registers routes on r (an *echo.Echo or an
// *echo.Group) with default [Options].
func New(r Router) *API { return NewWithOptions(r, nil) }

// NewWithOptions returns an API that registers routes on r with opts; nil
// opts means the defaults.
func NewWithOptions(r Router, opts *Options) *API {
	if r == nil {
		panic("typed: New requires an *echo.Echo or *echo.Group")
	}
	return &API{r: r, cfg: opts.config(), ops: new([]*Operation)}
}

// On returns an API that registers on r (for instance a group made with its
// own middleware) and shares a's options and records.
func (a *API) On(r Router) *API { return &API{r: r, cfg: a.cfg, ops: a.ops} }

// Group returns an API for a new Echo group under a's router.
func (a *API) Group(prefix string, m ...echo.MiddlewareFunc) *API {
	return a.On(a.r.Group(prefix, m...))
}

// Register adds h for op.Method and op.Path (relative to a's group) with
// route middleware m, and records the completed operation. It panics if
// op.Method or op.Path is empty.
func (a *API) Register(op Operation, h *Handler, m ...echo.MiddlewareFunc) *echo.Route {
	if op.Method == "" || op.Path == "" || h == nil {
		panic("typed: Register requires a method, a path and a handler")
	}
	rec := h.operation(op)
	route := a.r.Add(op.Method, op.Path, h.build(a.cfg, rec.status()), m...)
	rec.Path = route.Path
	rec.Name = route.Name
	if rec.OperationID == "" {
		rec.OperationID = defaultOperationID(h.name, rec.Path, rec.Method)
	}
	*a.ops = append(*a.ops, rec)
	return route
}

// GET registers h for GET requests to path.
func (a *API) GET(path string, h *Handler, m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(Operation{Method: http.MethodGet, Path: path}, h, m...)
}

// POST registers h for POST requests to path.
func (a *API) POST(path string, h *Handler, m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(Operation{Method: http.MethodPost, Path: path}, h, m...)
}

// PUT registers h for PUT requests to path.
func (a *API) PUT(path string, h *Handler, m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(Operation{Method: http.MethodPut, Path: path}, h, m...)
}

// PATCH registers h for PATCH requests to path.
func (a *API) PATCH(path string, h *Handler, m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(Operation{Method: http.MethodPatch, Path: path}, h, m...)
}

// DELETE registers h for DELETE requests to path.
func (a *API) DELETE(path string, h *Handler, m ...echo.MiddlewareFunc) *echo.Route {
	return a.Register(Operation{Method: http.MethodDelete, Path: path}, h, m...)
}

// ProblemDetails reports whether the API answers errors as RFC 9457 problem
// details ([Options].ProblemDetails).
func (a *API) ProblemDetails() bool { return a.cfg.problem }

// Operations returns the recorded operations in registration order. They
// must not be modified.
func (a *API) Operations() []*Operation { return *a.ops }
