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
// re-raised, as net/http expects. committed reports whether the response
// has been written; then there is nothing left to answer.
func recoverPanic(r *Request, route string, committed func() bool, err *error) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	stack := make([]byte, 8<<10)
	stack = stack[:runtime.Stack(stack, false)]
	cfg := r.state.cfg
	cfg.log().Error("typed: panic in handler", "method", r.state.req.Method, "route", route,
		"panic", fmt.Sprint(v), "stack", string(stack))
	if committed() {
		*err = nil // the status is already sent; nothing sensible to add
		return
	}
	*err = cfg.fail(r.state.w, &HTTPError{Status: http.StatusInternalServerError,
		Detail: "Internal Server Error", Err: ErrPanic})
}

func (cfg *config) log() *slog.Logger {
	if cfg.logger != nil {
		return cfg.logger
	}
	return slog.Default()
}
