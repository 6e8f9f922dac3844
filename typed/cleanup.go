package typed

import (
	"fmt"
	"reflect"
	"runtime"
	"sync/atomic"
)

// Cleanup registers fn to run when r's request ends, with the request's
// error: nil when the route answered with its result (200, 204, a
// [Responder], a [JSONResponse] returned as an error), else the error
// handed to the host's error handler (a dependency's 401, a 422, the
// handler's error, or, after a panic, a 500 [HTTPError] wrapping
// [ErrPanic]). It is FastAPI's code after yield in a dependency: enough
// to commit or roll back a transaction, or to close what was opened.
//
// Cleanups run in reverse order of registration, so a dependency's runs
// before those of the dependencies it was built from, once the route is
// done: after its answer is written when the route writes it (its result,
// a stream to its end), and before the host's error handler writes an
// error's answer (the cleanup sees the error first, as FastAPI's
// dependencies do). A cleanup that panics is logged to the API's Logger;
// the others still run and the answer is unchanged.
//
// Inside a [Handler] the route runs them. For a Request made outside one
// ([NewRequest], an adapter's NewRequest), call [Finish] when done.
func Cleanup(r *Request, fn func(err error)) {
	if fn == nil {
		return
	}
	cs, _ := Memo(r, cleanupKey, func() (*cleanups, error) { return &cleanups{}, nil })
	cs.fns = append(cs.fns, fn)
}

// Finish runs the cleanups registered on r (see [Cleanup]) with err, in
// reverse order, once: a [Handler] calls it when its route is done.
// Call it yourself, usually deferred, for a Request made outside a
// Handler.
func Finish(r *Request, err error) { finish(r, &err) }

var cleanupKey = new(int)

type cleanups struct{ fns []func(error) }

// finish runs r's cleanups with *errp.
func finish(r *Request, errp *error) {
	var cs *cleanups
	for _, e := range r.state.memo {
		if e.key == any(cleanupKey) {
			cs, _ = e.val.(*cleanups)
			break
		}
	}
	if cs == nil {
		return
	}
	fns := cs.fns
	cs.fns = nil
	for i := len(fns) - 1; i >= 0; i-- {
		runCleanup(r, fns[i], *errp)
	}
}

func runCleanup(r *Request, fn func(error), err error) {
	defer func() {
		if v := recover(); v != nil {
			stack := make([]byte, 8<<10)
			stack = stack[:runtime.Stack(stack, false)]
			r.state.cfg.log().Error("typed: panic in a cleanup", "method", r.state.req.Method,
				"path", r.state.req.URL.Path, "panic", fmt.Sprint(v), "stack", string(stack))
		}
	}()
	fn(err)
}

// Yield adapts fn, a function of the host framework's context that
// returns a value and its cleanup, to a [Dep]: FastAPI's dependency with
// yield. The cleanup, when not nil, runs when the request ends and sees
// its error (see [Cleanup]); it is registered even when fn also returns an
// error, so that what fn acquired is released. The value is memoized for
// the request, so the cleanup runs once however often the dependency is
// reached.
//
//	var db = typed.Yield(func(c echo.Context) (*sql.Tx, func(error), error) {
//		tx, err := pool.BeginTx(c.Request().Context(), nil)
//		if err != nil {
//			return nil, nil, err
//		}
//		return tx, func(err error) {
//			if err != nil {
//				tx.Rollback()
//				return
//			}
//			tx.Commit()
//		}, nil
//	})
func Yield[T, C any](fn func(c C) (T, func(err error), error)) Dep[T] {
	if fn == nil {
		panic("typed: Yield requires a function")
	}
	return &yieldDep[T, C]{fn: fn}
}

type yieldDep[T, C any] struct {
	fn func(C) (T, func(error), error)
}

func (d *yieldDep[T, C]) Resolve(r *Request) (T, error) {
	return cached(r, d, false, func() (T, error) {
		v, cleanup, err := d.fn(hostOf[C](r))
		Cleanup(r, cleanup)
		return v, err
	})
}

func (d *yieldDep[T, C]) Describe(doc *Doc) { doc.checkHost(reflect.TypeFor[C](), "Yield") }

// YieldDepends is [Yield] with one sub-dependency, as [Depends] is
// [Func] with one: fn runs with a's value, and only if a resolved. The
// cleanup of fn runs before a's own, if a has one.
func YieldDepends[A, T, C any](a Dep[A], fn func(c C, a A) (T, func(err error), error)) Dep[T] {
	if a == nil || fn == nil {
		panic("typed: YieldDepends requires a dependency and a function")
	}
	return &yieldDepends[A, T, C]{a: a, fn: fn}
}

type yieldDepends[A, T, C any] struct {
	a      Dep[A]
	fn     func(C, A) (T, func(error), error)
	scoped atomic.Bool // a sub-dependency uses scopes; set by Describe
}

func (d *yieldDepends[A, T, C]) Resolve(r *Request) (T, error) {
	return cached(r, d, d.scoped.Load(), func() (T, error) {
		a, err := Resolve(r, d.a)
		if err != nil {
			var zero T
			return zero, err
		}
		v, cleanup, err := d.fn(hostOf[C](r), a)
		Cleanup(r, cleanup)
		return v, err
	})
}

func (d *yieldDepends[A, T, C]) Describe(doc *Doc) {
	doc.checkHost(reflect.TypeFor[C](), "YieldDepends")
	if doc.usesScopes(d.a.Describe) {
		d.scoped.Store(true)
	}
}
