package typed

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"

	"github.com/labstack/echo/v4"
)

// ErrPanic is the cause of the 500 answered when a handler or a dependency
// panics.
var ErrPanic = errors.New("typed: handler panicked")

var errInternal = (&HTTPError{
	Status: http.StatusInternalServerError,
	Detail: "Internal Server Error",
	Err:    ErrPanic,
}).Prepare()

// recoverPanic turns a panic in a typed handler or one of its dependencies
// into a 500 {"detail":"Internal Server Error"}: the panic value and stack
// are logged to the API's Logger (never sent), and the server keeps serving.
// http.ErrAbortHandler is re-raised, as net/http expects.
func recoverPanic(c echo.Context, cfg *config, err *error) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	stack := make([]byte, 8<<10)
	stack = stack[:runtime.Stack(stack, false)]
	req := c.Request()
	log := cfg.logger
	if log == nil {
		log = slog.Default()
	}
	log.Error("typed: panic in handler", "method", req.Method, "path", c.Path(),
		"panic", fmt.Sprint(v), "stack", string(stack))
	if c.Response().Committed {
		*err = nil // the status is already sent; nothing sensible to add
		return
	}
	*err = cfg.fail(c, errInternal)
}
