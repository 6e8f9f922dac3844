package typed

import (
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
)

// Override makes every route of api (and of its groups) resolve with in
// place of dep, wherever dep is reached in a dependency chain (through
// [Resolve], as every combinator of this module reaches it), until the
// returned restore function is called. It is FastAPI's
// app.dependency_overrides[dep] = with, meant for tests: replace a scheme
// or a current-user chain with a fixed [Value] or a [Func] without touching
// production code. Overrides do not change the documentation.
//
// dep must be a comparable value (the pointers every constructor of this
// module returns are). Overriding costs a request nothing while no override
// is set.
func Override[T any](api Routes, dep, with Dep[T]) (restore func()) {
	if dep == nil || with == nil {
		panic("typed: Override requires a dependency and its replacement")
	}
	if !reflect.TypeOf(dep).Comparable() {
		panic("typed: Override: " + reflect.TypeOf(dep).String() + " is not comparable")
	}
	// Describe the replacement once, on a document of its own, so that it
	// knows whether it uses scopes: its results are memoized as FastAPI
	// caches an override, per set of scopes where it reads them.
	with.Describe(newDoc(&Operation{}))
	o := &api.Core().cfg.overrides
	o.mu.Lock()
	defer o.mu.Unlock()
	entry := &override{dep: dep, with: with}
	o.list = append(o.list, entry)
	o.active.Store(true)
	return func() {
		o.mu.Lock()
		defer o.mu.Unlock()
		o.list = slices.DeleteFunc(o.list, func(e *override) bool { return e == entry })
		o.active.Store(len(o.list) > 0)
	}
}

// ClearOverrides removes every override of api: FastAPI's
// app.dependency_overrides = {}.
func (a *API) ClearOverrides() {
	o := &a.cfg.overrides
	o.mu.Lock()
	defer o.mu.Unlock()
	o.list = nil
	o.active.Store(false)
}

type override struct {
	dep  any
	with any
}

// overrides is the override table of an API, guarded by mu; active lets
// requests skip the lock while no override is set.
type overrides struct {
	mu     sync.RWMutex
	list   []*override
	active atomic.Bool
}

// lookup returns the replacement of d, if one is set.
func (o *overrides) lookup(d any) (any, bool) {
	if !o.active.Load() || !reflect.TypeOf(d).Comparable() {
		return nil, false
	}
	o.mu.RLock()
	defer o.mu.RUnlock()
	for _, e := range o.list {
		if e.dep == d {
			return e.with, true
		}
	}
	return nil, false
}
