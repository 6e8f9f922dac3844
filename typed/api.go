package typed

import (
	"log/slog"
	"net/http"
	"slices"

	"github.com/go-playground/validator/v10"
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
	// ProblemDetails makes every error the library produces (401, 403,
	// 413, 422, 500 after a panic, and a handler's HTTPError) encode as
	// RFC 9457 application/problem+json (see [Problem]) instead of
	// FastAPI's {"detail": …}; package openapi documents it so. Give the
	// same Options to an adapter's error handler so that it answers the
	// host's own errors (404, 405, a plain error) the same way.
	ProblemDetails bool
	// Logger receives the panics of handlers and dependencies (answered
	// 500), and the plain errors an adapter's error handler answers 500.
	// Nil means slog.Default().
	Logger *slog.Logger
}

// config is the resolved form of Options that handlers run with.
type config struct {
	validate *validator.Validate
	maxBody  int64
	logger   *slog.Logger // nil: slog.Default() at the time of the panic
	problem  bool
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
	if o.MaxBodyBytes != 0 {
		c.maxBody = o.MaxBodyBytes
	}
	return c
}

// API is the host-independent part of a set of typed routes: their
// options, their recorded [Operation]s and their overrides. An adapter's API
// (typed/echov4, typed/echov5) makes one with [NewAPI] and registers routes
// through it; package openapi reads it through [Routes].
type API struct {
	mux    Mux
	cfg    *config
	ops    *[]*Operation
	guards []Guard // run before every route's own dependencies (With)
	// responses are documented on every route (WithResponses).
	responses Responses
}

// Mux is the part of a host router that packages built on typed use to
// serve plain handlers next to typed routes (openapi serves its pages so).
// Adapters implement it.
type Mux interface {
	// HandleHTTP registers h for method and path, relative to the router
	// (a group's prefix applies), and returns the route's full path.
	HandleHTTP(method, path string, h http.Handler) string
}

// Routes is an API on any host: *API, and every adapter's API, which
// returns its core.
type Routes interface {
	Core() *API
}

// NewAPI returns an API that serves plain handlers on mux, with opts (nil
// means the defaults). Adapters call it; applications call their
// adapter's New.
func NewAPI(mux Mux, opts *Options) *API {
	if mux == nil {
		panic("typed: NewAPI requires a Mux")
	}
	return &API{mux: mux, cfg: opts.config(), ops: new([]*Operation)}
}

// On returns an API that serves plain handlers on mux (a group of the same
// router, say) and shares a's options, operations, overrides, guards and
// responses.
func (a *API) On(mux Mux) *API {
	return &API{mux: mux, cfg: a.cfg, ops: a.ops, guards: a.guards, responses: a.responses}
}

// Core returns a.
func (a *API) Core() *API { return a }

// HandleHTTP registers the plain handler h for method and path on a's
// router and returns the route's full path. It is recorded as no
// operation.
func (a *API) HandleHTTP(method, path string, h http.Handler) string {
	return a.mux.HandleHTTP(method, path, h)
}

// ProblemDetails reports whether the API answers errors as RFC 9457 problem
// details ([Options].ProblemDetails).
func (a *API) ProblemDetails() bool { return a.cfg.problem }

// Operations returns the recorded operations in registration order.
func (a *API) Operations() []*Operation { return slices.Clip(*a.ops) }
