package typed

import (
	"github.com/labstack/echo/v4"
)

// A Dep is a value resolved from a request before a handler runs: FastAPI's
// Depends. Resolve runs once per request (see [Resolve]); Describe runs once,
// at registration, and records what the dependency contributes to the
// route's OpenAPI operation (security requirements, a request body).
//
// Implementations are pointer types (or other comparable values) so that a
// dependency can serve as its own cache key.
type Dep[T any] interface {
	Resolve(r *Request) (T, error)
	Describe(d *Doc)
}

// Func adapts fn, a function of the Echo context alone, to a [Dep] with no
// dependencies of its own. Its result is cached for the request.
func Func[T any](fn func(c echo.Context) (T, error)) Dep[T] {
	if fn == nil {
		panic("typed: Func requires a function")
	}
	return &funcDep[T]{fn: fn}
}

type funcDep[T any] struct {
	fn func(c echo.Context) (T, error)
}

func (d *funcDep[T]) Resolve(r *Request) (T, error) {
	return cached(r, d, func() (T, error) { return d.fn(r.ctx) })
}

func (d *funcDep[T]) Describe(*Doc) {}

// Depends returns a [Dep] computed by fn from the value of a: a dependency
// with one sub-dependency, FastAPI's `def f(x = Depends(a))`. If a fails, fn
// does not run and the request fails with a's error. The result is cached
// for the request, per set of accumulated scopes.
func Depends[A, T any](a Dep[A], fn func(c echo.Context, a A) (T, error)) Dep[T] {
	if a == nil || fn == nil {
		panic("typed: Depends requires a dependency and a function")
	}
	return &depends1[A, T]{a: a, fn: fn}
}

type depends1[A, T any] struct {
	a  Dep[A]
	fn func(echo.Context, A) (T, error)
}

func (d *depends1[A, T]) Resolve(r *Request) (T, error) {
	return cached(r, d, func() (T, error) {
		a, err := Resolve(r, d.a)
		if err != nil {
			var zero T
			return zero, err
		}
		return d.fn(r.ctx, a)
	})
}

func (d *depends1[A, T]) Describe(doc *Doc) { d.a.Describe(doc) }

// Depends2 returns a [Dep] computed by fn from the values of a and b,
// resolved in that order; see [Depends].
func Depends2[A, B, T any](a Dep[A], b Dep[B], fn func(c echo.Context, a A, b B) (T, error)) Dep[T] {
	if a == nil || b == nil || fn == nil {
		panic("typed: Depends2 requires two dependencies and a function")
	}
	return &depends2[A, B, T]{a: a, b: b, fn: fn}
}

type depends2[A, B, T any] struct {
	a  Dep[A]
	b  Dep[B]
	fn func(echo.Context, A, B) (T, error)
}

func (d *depends2[A, B, T]) Resolve(r *Request) (T, error) {
	return cached(r, d, func() (T, error) {
		var zero T
		a, err := Resolve(r, d.a)
		if err != nil {
			return zero, err
		}
		b, err := Resolve(r, d.b)
		if err != nil {
			return zero, err
		}
		return d.fn(r.ctx, a, b)
	})
}

func (d *depends2[A, B, T]) Describe(doc *Doc) {
	d.a.Describe(doc)
	d.b.Describe(doc)
}

// Depends3 returns a [Dep] computed by fn from the values of a, b and c,
// resolved in that order; see [Depends]. Beyond three, gather the
// dependencies in a struct-valued Dep.
func Depends3[A, B, C, T any](a Dep[A], b Dep[B], c Dep[C], fn func(ctx echo.Context, a A, b B, c C) (T, error)) Dep[T] {
	if a == nil || b == nil || c == nil || fn == nil {
		panic("typed: Depends3 requires three dependencies and a function")
	}
	return &depends3[A, B, C, T]{a: a, b: b, c: c, fn: fn}
}

type depends3[A, B, C, T any] struct {
	a  Dep[A]
	b  Dep[B]
	c  Dep[C]
	fn func(echo.Context, A, B, C) (T, error)
}

func (d *depends3[A, B, C, T]) Resolve(r *Request) (T, error) {
	return cached(r, d, func() (T, error) {
		var zero T
		a, err := Resolve(r, d.a)
		if err != nil {
			return zero, err
		}
		b, err := Resolve(r, d.b)
		if err != nil {
			return zero, err
		}
		c, err := Resolve(r, d.c)
		if err != nil {
			return zero, err
		}
		return d.fn(r.ctx, a, b, c)
	})
}

func (d *depends3[A, B, C, T]) Describe(doc *Doc) {
	d.a.Describe(doc)
	d.b.Describe(doc)
	d.c.Describe(doc)
}

// Value returns a [Dep] that always resolves to v and documents nothing.
// It is handy in tests and as a placeholder for a dependency to come.
func Value[T any](v T) Dep[T] { return &valueDep[T]{v: v} }

type valueDep[T any] struct{ v T }

func (d *valueDep[T]) Resolve(*Request) (T, error) { return d.v, nil }
func (d *valueDep[T]) Describe(*Doc)               {}

// None is the Dep of a route with no dependency; [Plain] uses it.
var None Dep[struct{}] = &valueDep[struct{}]{}
