package typed

import (
	"fmt"
	"reflect"
	"sync/atomic"
)

// A Dep is a value resolved from a request before a handler runs: FastAPI's
// Depends. Resolve runs once per request (see [Resolve]); Describe runs once,
// at registration, and records what the dependency contributes to the
// route's OpenAPI operation (security requirements, a request body).
//
// Implementations are pointer types (or other comparable values) so that a
// dependency can serve as its own memo key and be overridden. An
// implementation that depends on another resolves it with [Resolve], never
// by calling its Resolve method.
type Dep[T any] interface {
	Resolve(r *Request) (T, error)
	Describe(d *Doc)
}

// Func adapts fn, a function of the host framework's context alone
// (echo.Context on Echo v4, *echo.Context on v5), to a [Dep] with no
// dependencies of its own. Its result is memoized for the request. A Func
// of another host's context than the route's panics at registration.
func Func[T, C any](fn func(c C) (T, error)) Dep[T] {
	if fn == nil {
		panic("typed: Func requires a function")
	}
	return &funcDep[T, C]{fn: fn}
}

type funcDep[T, C any] struct {
	fn func(c C) (T, error)
}

func (d *funcDep[T, C]) Resolve(r *Request) (T, error) {
	return cached(r, d, false, func() (T, error) { return d.fn(hostOf[C](r)) })
}

func (d *funcDep[T, C]) Describe(doc *Doc) { doc.checkHost(reflect.TypeFor[C](), "Func") }

// hostOf returns r's host context as a C, or C's zero value (a Request made
// by [NewRequest] has none).
func hostOf[C any](r *Request) C {
	c, _ := r.state.host.(C)
	return c
}

// checkHost panics if a dependency whose functions take a C is registered
// on a route of another host.
func (d *Doc) checkHost(c reflect.Type, what string) {
	d.markChain()
	if d.host != nil && !d.host.AssignableTo(c) {
		panic(fmt.Sprintf("typed: %s takes a %v, but the route's handler takes a %v: "+
			"register it on the adapter of the same Echo major", what, c, d.host))
	}
}

// Depends returns a [Dep] computed by fn from the value of a: a dependency
// with one sub-dependency, FastAPI's `def f(x = Depends(a))`. If a fails, fn
// does not run and the request fails with a's error. The result is
// memoized for the request, per set of accumulated scopes.
func Depends[A, T, C any](a Dep[A], fn func(c C, a A) (T, error)) Dep[T] {
	if a == nil || fn == nil {
		panic("typed: Depends requires a dependency and a function")
	}
	return &depends1[A, T, C]{a: a, fn: fn}
}

type depends1[A, T, C any] struct {
	a      Dep[A]
	fn     func(C, A) (T, error)
	scoped atomic.Bool // a sub-dependency uses scopes; set by Describe
}

func (d *depends1[A, T, C]) Resolve(r *Request) (T, error) {
	return cached(r, d, d.scoped.Load(), func() (T, error) {
		a, err := Resolve(r, d.a)
		if err != nil {
			var zero T
			return zero, err
		}
		return d.fn(hostOf[C](r), a)
	})
}

func (d *depends1[A, T, C]) Describe(doc *Doc) {
	doc.checkHost(reflect.TypeFor[C](), "Depends")
	if doc.usesScopes(d.a.Describe) {
		d.scoped.Store(true)
	}
}

// Depends2 returns a [Dep] computed by fn from the values of a and b,
// resolved in that order; see [Depends]. As in FastAPI, a validation error
// of a does not stop b from being resolved: fn is not called, and the
// validation errors of both are reported together; any other error of a
// stops at once.
func Depends2[A, B, T, C any](a Dep[A], b Dep[B], fn func(c C, a A, b B) (T, error)) Dep[T] {
	if a == nil || b == nil || fn == nil {
		panic("typed: Depends2 requires two dependencies and a function")
	}
	return &depends2[A, B, T, C]{a: a, b: b, fn: fn}
}

type depends2[A, B, T, C any] struct {
	a      Dep[A]
	b      Dep[B]
	fn     func(C, A, B) (T, error)
	scoped atomic.Bool // a sub-dependency uses scopes; set by Describe
}

func (d *depends2[A, B, T, C]) Resolve(r *Request) (T, error) {
	return cached(r, d, d.scoped.Load(), func() (T, error) {
		var zero T
		var invalid errorSet
		a, err := Resolve(r, d.a)
		if err := invalid.add(err); err != nil {
			return zero, err
		}
		b, err := Resolve(r, d.b)
		if err := invalid.add(err); err != nil {
			return zero, err
		}
		if err := invalid.err(); err != nil {
			return zero, err
		}
		return d.fn(hostOf[C](r), a, b)
	})
}

func (d *depends2[A, B, T, C]) Describe(doc *Doc) {
	doc.checkHost(reflect.TypeFor[C](), "Depends2")
	if doc.usesScopes(func(doc *Doc) { d.a.Describe(doc); d.b.Describe(doc) }) {
		d.scoped.Store(true)
	}
}

// Depends3 returns a [Dep] computed by fn from the values of a, b and c,
// resolved in that order; see [Depends]. Beyond three, gather the
// dependencies in a struct-valued Dep.
func Depends3[A, B, D, T, C any](a Dep[A], b Dep[B], c Dep[D], fn func(ctx C, a A, b B, c D) (T, error)) Dep[T] {
	if a == nil || b == nil || c == nil || fn == nil {
		panic("typed: Depends3 requires three dependencies and a function")
	}
	return &depends3[A, B, D, T, C]{a: a, b: b, c: c, fn: fn}
}

type depends3[A, B, D, T, C any] struct {
	a      Dep[A]
	b      Dep[B]
	c      Dep[D]
	fn     func(C, A, B, D) (T, error)
	scoped atomic.Bool // a sub-dependency uses scopes; set by Describe
}

func (d *depends3[A, B, D, T, C]) Resolve(r *Request) (T, error) {
	return cached(r, d, d.scoped.Load(), func() (T, error) {
		var zero T
		var invalid errorSet
		a, err := Resolve(r, d.a)
		if err := invalid.add(err); err != nil {
			return zero, err
		}
		b, err := Resolve(r, d.b)
		if err := invalid.add(err); err != nil {
			return zero, err
		}
		c, err := Resolve(r, d.c)
		if err := invalid.add(err); err != nil {
			return zero, err
		}
		if err := invalid.err(); err != nil {
			return zero, err
		}
		return d.fn(hostOf[C](r), a, b, c)
	})
}

func (d *depends3[A, B, D, T, C]) Describe(doc *Doc) {
	doc.checkHost(reflect.TypeFor[C](), "Depends3")
	if doc.usesScopes(func(doc *Doc) { d.a.Describe(doc); d.b.Describe(doc); d.c.Describe(doc) }) {
		d.scoped.Store(true)
	}
}

// Value returns a [Dep] that always resolves to v and documents nothing.
// It is handy in tests and as a placeholder for a dependency to come.
func Value[T any](v T) Dep[T] { return &valueDep[T]{v: v} }

type valueDep[T any] struct{ v T }

func (d *valueDep[T]) Resolve(*Request) (T, error) { return d.v, nil }
func (d *valueDep[T]) Describe(*Doc)               {}

// None is the Dep of a route with no dependency; [Plain] uses it.
var None Dep[struct{}] = &valueDep[struct{}]{}
