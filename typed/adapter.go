package typed

import "net/http"

// Adapter connects the core to a host framework whose request context is
// C. Packages typed/echov4 and typed/echov5 implement it for Echo; an
// application never needs to.
type Adapter[C any] interface {
	// Request returns the HTTP request of c.
	Request(c C) *http.Request
	// Response returns the response writer of c.
	Response(c C) http.ResponseWriter
	// Param returns the path parameter name of c's route, percent-decoded
	// exactly once whatever path the router matched on.
	Param(c C, name string) string
	// Committed reports whether c's response has been written.
	Committed(c C) bool
}

// route is a Handler prepared for one registration.
type route[C any] struct {
	host      Adapter[C]
	cfg       *config
	path      string // the route's full path, for logs
	status    int
	noContent bool
}

func (rt *route[C]) param(c any, name string) string { return rt.host.Param(c.(C), name) }

// NewRoute readies h for registration on a's host as op (its method and
// path relative to the router): it returns the function the adapter calls
// for each request, whose error the adapter hands to the host's error
// handler, and record, which the adapter calls with the route's full path
// and name once the router has the route, to record the completed
// [Operation]. Adapters call it; applications call their adapter's
// Register.
func NewRoute[C any](a *API, host Adapter[C], op Operation, h *Handler[C]) (serve func(C) error, record func(fullPath, name string)) {
	if op.Method == "" || op.Path == "" || h == nil || host == nil {
		panic("typed: Register requires a method, a path and a handler")
	}
	rec := h.operation(op)
	rt := &route[C]{host: host, cfg: a.cfg, path: op.Path, status: rec.status()}
	rt.noContent = noBody(rt.status)
	serve = func(c C) error { return h.serve(rt, c) }
	record = func(fullPath, name string) {
		rt.path = fullPath
		rec.Path, rec.Name = fullPath, name
		if rec.OperationID == "" {
			rec.OperationID = defaultOperationID(h.name, rec.Path, rec.Method)
		}
		*a.ops = append(*a.ops, rec)
	}
	return serve, record
}

// RequestFor returns a Request for the host context c with default
// [Options], for resolving a [Dep] outside a [Handler], in a plain handler
// of the host. Adapters wrap it (echov4.NewRequest).
func RequestFor[C any](host Adapter[C], c C) *Request {
	rt := &route[C]{host: host, cfg: (*Options)(nil).config()}
	return newRequest(c, host.Response(c), host.Request(c), rt, rt.cfg)
}
