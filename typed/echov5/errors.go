package echov5

import (
	"errors"

	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v5"
)

// ErrorHandler returns an Echo v5 HTTPErrorHandler that answers every error
// in FastAPI's shape: typed errors as they encode themselves; Echo's own
// errors (404, 405 with its Allow header, 413 of the BodyLimit middleware…)
// as {"detail": message}, e.g. {"detail":"Not Found"}; and any other error
// as 500 {"detail":"Internal Server Error"}, logged through opts.Logger
// (slog.Default() when nil) with the route and the error. With
// opts.ProblemDetails every answer is RFC 9457's. Install it in one line:
//
//	e.HTTPErrorHandler = echov5.ErrorHandler(opts)
func ErrorHandler(opts *typed.Options) echo.HTTPErrorHandler {
	resp := typed.NewErrorResponder(opts)
	return func(c *echo.Context, err error) {
		if r, uerr := echo.UnwrapResponse(c.Response()); uerr == nil && r.Committed {
			return
		}
		hostStatus, hostMessage := 0, ""
		switch err.(type) {
		case *typed.HTTPError, *typed.RequestValidationError:
			// a typed route's error: typed knows its answer
		default:
			var sc echo.HTTPStatusCoder
			if errors.As(err, &sc) {
				hostStatus = sc.StatusCode()
			}
			var he *echo.HTTPError
			if errors.As(err, &he) {
				hostMessage = he.Message
			}
		}
		_, _ = resp.Write(c.Response(), c.Request(), c.Path(), err, hostStatus, hostMessage)
	}
}

// Error readies err for Echo v5's error handler, as typed routes do before
// returning it, for plain Echo handlers that resolve dependencies with
// [NewRequest] and [typed.Resolve]: the headers of the [typed.HTTPError] in
// err are set on c's response. The typed error is returned as it is: Echo
// v5's error handler reads its StatusCode and MarshalJSON.
func Error(c *echo.Context, err error) error {
	if err != nil {
		typed.SetErrorHeaders(c.Response().Header(), err)
	}
	return err
}
