package typed

import (
	"io"
	"slices"
	"sync"

	"github.com/labstack/echo/v4"
)

// Request is one request's resolution state, handed to [Dep.Resolve]: the
// Echo context, the security scopes accumulated above the dependency being
// resolved, and a cache shared by every view of the request.
//
// A Request is valid only during the request; do not keep it.
type Request struct {
	ctx      echo.Context
	scopes   []string
	scopeStr string
	state    *requestState
}

type requestState struct {
	root    Request
	cfg     *config
	cache   []cacheEntry
	body    []byte // the request body, once read
	read    bool   // body has been read
	bodyErr error
	limited io.LimitedReader // reads the body within the limit
	// views holds the Requests WithScopes returns, reused by later
	// requests so that a scoped view costs no allocation; release clears
	// them, which is why a Request must not be kept past its request.
	views []*Request
	nview int
}

type cacheEntry struct {
	key    any
	scopes []string
	val    any
	err    error
}

var statePool = sync.Pool{New: func() any { return new(requestState) }}

// newRequest returns a pooled Request for c; release returns it.
func newRequest(c echo.Context, cfg *config) *Request {
	s := statePool.Get().(*requestState)
	s.root = Request{ctx: c, state: s}
	s.cfg = cfg
	return &s.root
}

func (r *Request) release() {
	s := r.state
	clear(s.cache)
	s.cache = s.cache[:0]
	s.root = Request{}
	s.body, s.read, s.bodyErr, s.cfg = nil, false, nil, nil
	s.limited = io.LimitedReader{}
	for _, v := range s.views[:s.nview] {
		*v = Request{}
	}
	s.nview = 0
	statePool.Put(s)
}

// NewRequest returns a Request for c, for resolving a [Dep] outside a
// [Handler] (in tests, or in plain Echo handlers).
func NewRequest(c echo.Context) *Request {
	s := &requestState{cfg: (*Options)(nil).config()}
	s.root = Request{ctx: c, state: s}
	return &s.root
}

// Context returns the Echo context of the request.
func (r *Request) Context() echo.Context { return r.ctx }

// Scopes returns the scopes accumulated by Security wrappers above the
// dependency being resolved, outermost first, without duplicates. It is
// FastAPI's SecurityScopes.scopes. The slice must not be modified.
func (r *Request) Scopes() []string { return r.scopes }

// ScopeStr returns [Request.Scopes] joined by single spaces, computed once
// per chain position: FastAPI's SecurityScopes.scope_str.
func (r *Request) ScopeStr() string { return r.scopeStr }

// WithScopes returns a view of r whose Scopes are r's followed by those of
// scopes not already present. The view shares r's context and cache.
func (r *Request) WithScopes(scopes ...string) *Request {
	if len(scopes) == 0 {
		return r
	}
	m := mergedScopes(r.scopes, scopes)
	if len(m.merged) == len(r.scopes) {
		return r // nothing added
	}
	s := r.state
	if s.nview == len(s.views) {
		s.views = append(s.views, new(Request))
	}
	v := s.views[s.nview]
	s.nview++
	*v = Request{ctx: r.ctx, scopes: m.merged, scopeStr: m.str, state: s}
	return v
}

// Resolve resolves d for r: d.Resolve(r), or its replacement's if a test
// set one with [Override]. Dependencies that depend on others resolve them
// with Resolve. Dependencies built with [Func] and the Depends family cache
// their result per request and per set of accumulated scopes, so a
// dependency reached twice runs once.
func Resolve[T any](r *Request, d Dep[T]) (T, error) {
	if with, ok := r.state.cfg.overrides.lookup(d); ok {
		return with.(Dep[T]).Resolve(r)
	}
	return d.Resolve(r)
}

// cached returns the request's cached result for key at r's scopes, or
// computes, stores and returns it.
func cached[T any](r *Request, key any, compute func() (T, error)) (T, error) {
	for _, e := range r.state.cache {
		if e.key == key && slices.Equal(e.scopes, r.scopes) {
			v, _ := e.val.(T)
			return v, e.err
		}
	}
	v, err := compute()
	r.state.cache = append(r.state.cache, cacheEntry{key: key, scopes: r.scopes, val: v, err: err})
	return v, err
}

// mergeScopes returns base followed by the members of add that are not in
// base (or earlier in add). It returns base itself when nothing is added.
func mergeScopes(base, add []string) []string {
	var out []string
	for _, s := range add {
		if contains(base, s) || contains(out, s) {
			continue
		}
		if out == nil {
			out = make([]string, 0, len(base)+len(add))
			out = append(out, base...)
		}
		out = append(out, s)
	}
	if out == nil {
		return base
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
