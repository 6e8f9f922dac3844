package typed

import (
	"net/http"
	"reflect"
	"strings"
)

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
	host        Adapter[C]
	cfg         *config
	path        string // the route's full path, for logs
	status      int
	contentType string   // the documented success media type, set before a Responder writes
	maxBody     int64    // the route's body limit; 0: the API's
	params      []string // the route's single-segment path parameters
	guards      []Guard  // the API's, then the operation's
	// respType is the handler's result type when it is not an interface,
	// and respPlan its JSON encoding, planned once here.
	respType reflect.Type
	respPlan encodePlan
	scopes   *scopeSet // the root of the route's accumulated scopes
	chain    bool      // requests get a chainState (see Operation.chain)
}

// errNotFound answers a request whose path parameter spans segments.
func errNotFound() error { return &HTTPError{Status: http.StatusNotFound, Detail: "Not Found"} }

// matches reports whether c's path parameters are single segments, as
// Starlette's {name} matches them: Echo's router lets a route's last
// parameter take the rest of the path ("/users/ann/b"), and an escaped
// slash decodes to one.
func (rt *route[C]) matches(c C) bool {
	for _, name := range rt.params {
		if strings.IndexByte(rt.host.Param(c, name), '/') >= 0 {
			return false
		}
	}
	return true
}

// pathParams returns the names of path's ":name" segments.
func pathParams(path string) []string {
	var names []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, ":") {
			names = append(names, seg[1:])
		}
	}
	return names
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
	guards := append(append([]Guard(nil), a.guards...), op.Dependencies...)
	rec := h.operation(op, guards, a.responses)
	checkResponses(rec)
	rt := &route[C]{scopes: &scopeSet{}, chain: rec.chain, guards: guards, host: host, cfg: a.cfg, path: op.Path, status: rec.status(), params: pathParams(op.Path),
		contentType: routeContentType(rec), maxBody: rec.MaxBodyBytes}
	if h.resp != nil && h.resp.Kind() != reflect.Interface {
		rt.respType, rt.respPlan = h.resp, planFor(h.resp)
	}
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
	return newRequest(c, host.Response(c), host.Request(c), rt, &scopeSet{}, rt.cfg)
}
