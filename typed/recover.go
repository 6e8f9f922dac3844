package typed

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
)

// ErrPanic is the cause of the 500 answered when a handler or a dependency
// panics.
var ErrPanic = errors.New("typed: handler panicked")

// recoverPanic turns a panic in a typed handler or one of its dependencies
// into a 500 {"detail":"Internal Server Error"} returned to the host's
// error handler: the panic value and stack are logged to the API's Logger
// (never sent), and the server keeps serving. http.ErrAbortHandler is
// re-raised, as net/http expects. It is deferred by the route itself, so
// that recover sees the panic and no closure is made per request.
func (rt *route[C]) recoverPanic(r *Request, c C, err *error) {
	if v := recover(); v != nil {
		*err = panicked(r, rt.path, v, rt.host.Committed(c))
	}
}

// panicked logs the panic v of a request to route and returns the error to
// answer it with; nil when the response is already committed, as there is
// nothing sensible to add.
func panicked(r *Request, route string, v any, committed bool) error {
	if v == http.ErrAbortHandler {
		panic(v)
	}
	stack := make([]byte, 8<<10)
	stack = stack[:runtime.Stack(stack, false)]
	cfg := r.state.cfg
	cfg.log().Error("typed: panic in handler", "method", r.state.req.Method, "route", route,
		"panic", fmt.Sprint(v), "stack", string(stack))
	if committed {
		return nil
	}
	return cfg.fail(r.state.w, &HTTPError{Status: http.StatusInternalServerError,
		Detail: "Internal Server Error", Err: ErrPanic})
}

func (cfg *config) log() *slog.Logger {
	if cfg.logger != nil {
		return cfg.logger
	}
	return slog.Default()
}
