package typed

import (
	"context"
	"net/http"
)

// Request is one request's resolution state, handed to [Dep.Resolve]: the
// HTTP request and response header, the route's path parameters, the
// security scopes accumulated above the dependency being resolved, and a
// per-request memo shared by every view of the request (see [Memo]).
type Request struct {
	scopes *scopeSet // the accumulated scopes; never nil
	own    bool      // made by WithScopes: the next dependency resolved declared scopes
	ownDep any       // the dependency resolved with its own scopes (FastAPI's own_oauth_scopes)
	state  *requestState
}

// requestState is what every view of one request shares.
type requestState struct {
	root    Request
	host    any // the host framework's context, e.g. echo.Context
	req     *http.Request
	w       http.ResponseWriter
	params  paramReader // nil: no path parameters
	cfg     *config
	memo    []memoEntry // allocated by the first Memo, unless the state is a chainState
	views   []Request   // room for WithScopes' views: a chainState's
	body    []byte      // the request body, once read
	read    bool        // body has been read
	bodyErr error
}

// paramReader reads a path parameter from a host context.
type paramReader interface {
	param(host any, name string) string
}

type memoEntry struct {
	key    any
	scoped bool   // keyed by the scopes too (dependencies that use them)
	scopes string // the sorted scopes, when scoped
	val    any
	err    error
}

func newRequest(host any, w http.ResponseWriter, req *http.Request, params paramReader, scopes *scopeSet, cfg *config) *Request {
	s := &requestState{host: host, req: req, w: w, params: params, cfg: cfg}
	s.root.state, s.root.scopes = s, scopes
	return &s.root
}

// chainState is the state of a request to a route whose dependencies
// memoize or add scopes (a Security chain): the first memo entries and
// views live with it, so that a tutorial's chain allocates them with the
// state rather than one by one (BenchmarkChainState).
type chainState struct {
	requestState
	memoBuf [2]memoEntry
	viewBuf [2]Request
}

// newChainRequest is newRequest with a chainState.
func newChainRequest(host any, w http.ResponseWriter, req *http.Request, params paramReader, scopes *scopeSet, cfg *config) *Request {
	cs := &chainState{requestState: requestState{host: host, req: req, w: w, params: params, cfg: cfg}}
	s := &cs.requestState
	s.root.state, s.root.scopes = s, scopes
	s.memo, s.views = cs.memoBuf[:0], cs.viewBuf[:0]
	return &s.root
}

// NewRequest returns a Request for req and w with default [Options] and no
// path parameters, for resolving a [Dep] outside a [Handler]: in tests, or
// in a plain handler of any framework. Adapters offer one that also reads
// their path parameters and host context.
func NewRequest(w http.ResponseWriter, req *http.Request) *Request {
	return newRequest(nil, w, req, nil, &scopeSet{}, (*Options)(nil).config())
}

// Request returns the HTTP request.
func (r *Request) Request() *http.Request { return r.state.req }

// Context returns the context of the HTTP request.
func (r *Request) Context() context.Context { return r.state.req.Context() }

// Header returns the response header, for dependencies that set one (a
// challenge, Cache-Control) whatever the outcome of the request.
func (r *Request) Header() http.Header {
	if r.state.w == nil {
		return http.Header{}
	}
	return r.state.w.Header()
}

// Param returns the path parameter name, percent-decoded exactly once (as
// Starlette's path parameters are), or "" if the route has none of that
// name.
func (r *Request) Param(name string) string {
	if r.state.params == nil {
		return ""
	}
	return r.state.params.param(r.state.host, name)
}

// ContextOf returns the host framework's context of r (echo.Context on Echo
// v4, *echo.Context on v5), and false if r has none or it is not a C.
func ContextOf[C any](r *Request) (C, bool) {
	c, ok := r.state.host.(C)
	return c, ok
}

// Scopes returns the scopes accumulated by Security wrappers above the
// dependency being resolved, outermost first, without duplicates. It is
// FastAPI's SecurityScopes.scopes. The slice is shared; copy it before
// changing it.
func (r *Request) Scopes() []string { return r.scopes.list }

// ScopeStr returns [Request.Scopes] joined by single spaces: FastAPI's
// SecurityScopes.scope_str.
func (r *Request) ScopeStr() string { return r.scopes.str }

// WithScopes returns a view of r whose Scopes are r's followed by those of
// scopes not already present. The view shares r's request and memo.
func (r *Request) WithScopes(scopes ...string) *Request {
	if len(scopes) == 0 {
		return r
	}
	s := r.state
	var v *Request
	if n := len(s.views); n < cap(s.views) {
		s.views = s.views[:n+1]
		v = &s.views[n]
	} else {
		v = new(Request)
	}
	*v = Request{scopes: r.scopes.with(scopes), own: true, state: s}
	return v
}

// Resolve resolves d for r: d.Resolve(r), or its replacement's if a test
// set one with [Override]. It is the one way to resolve a dependency:
// dependencies that depend on others resolve them with Resolve, never by
// calling their Resolve method, so that an override applies wherever the
// overridden dependency is reached.
func Resolve[T any](r *Request, d Dep[T]) (T, error) {
	if r.own {
		// A view made by WithScopes for this dependency (Security's): the
		// scopes it adds are d's own, not those of d's sub-dependencies.
		r.own, r.ownDep = false, d
	}
	if with, ok := r.state.cfg.overrides.lookup(d); ok {
		return with.(Dep[T]).Resolve(r)
	}
	return d.Resolve(r)
}

// Memo returns the result that compute gave for key earlier in this
// request, or calls compute, remembers its result and error, and returns
// them: for work that must run at most once per request, however many
// routes of the dependency graph reach it (a Digest nonce count, a
// database transaction). key must be comparable; use a pointer of your own
// (the dependency itself) so that keys of different packages never
// collide. [Func] and the Depends family memoize with their dependency as
// the key, and with the set of accumulated scopes when the dependency uses
// scopes, as FastAPI's dependency cache does.
func Memo[T any](r *Request, key any, compute func() (T, error)) (T, error) {
	return memo(r, key, false, "", compute)
}

// cached memoizes dependency d's result for the request, as FastAPI's
// cache key does: per set of accumulated scopes when d uses scopes (scoped)
// or declared its own (Security(d, scopes…)), else once per request.
func cached[T any](r *Request, d any, scoped bool, compute func() (T, error)) (T, error) {
	if scoped || r.ownDep == d {
		return memo(r, d, true, r.scopes.key, compute)
	}
	return memo(r, d, false, "", compute)
}

func memo[T any](r *Request, key any, scoped bool, scopes string, compute func() (T, error)) (T, error) {
	s := r.state
	for _, e := range s.memo {
		if e.key == key && e.scoped == scoped && e.scopes == scopes {
			v, _ := e.val.(T)
			return v, e.err
		}
	}
	v, err := compute()
	if s.memo == nil {
		s.memo = make([]memoEntry, 0, 2)
	}
	s.memo = append(s.memo, memoEntry{key: key, scoped: scoped, scopes: scopes, val: v, err: err})
	return v, err
}
