package echov4

import (
	"encoding/json"
	"errors"

	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v4"
)

// Error readies err for Echo v4's error handler, as typed routes do before
// returning it, for plain Echo handlers that resolve dependencies with
// [NewRequest] and [typed.Resolve]: the headers of the [typed.HTTPError] in
// err are set on c's response, and an error that encodes its own body (a
// typed.HTTPError, a [typed.RequestValidationError]) becomes an
// *echo.HTTPError whose Code is its status, whose Message is a value that
// Echo's DefaultHTTPErrorHandler writes as FastAPI's body ({"detail": …}:
// err itself, a json.Marshaler, or for a typed.HTTPError with a string
// Detail a struct with that one field) and whose Internal is err, so that
// errors.As finds the typed error. Any other error, nil included, is
// returned as it is.
func Error(c echo.Context, err error) error {
	if err == nil {
		return nil
	}
	typed.SetErrorHeaders(c.Response().Header(), err)
	return handoff(err)
}

// handoff converts the error of a typed route, whose headers are set.
func handoff(err error) error {
	switch e := err.(type) { // the common cases, without errors.As
	case nil:
		return nil
	case *typed.HTTPError:
		if d, ok := e.Detail.(string); ok && e.Body == nil {
			// A value that Echo's encoder writes without compacting a
			// MarshalJSON's output again: the same bytes, faster.
			return &echo.HTTPError{Code: e.StatusCode(), Message: detailBody{d}, Internal: err}
		}
		return &echo.HTTPError{Code: e.StatusCode(), Message: e, Internal: err}
	case *typed.RequestValidationError:
		return &echo.HTTPError{Code: e.StatusCode(), Message: e, Internal: err}
	}
	var sm statusMarshaler
	if !errors.As(err, &sm) {
		return err
	}
	return &echo.HTTPError{Code: sm.StatusCode(), Message: sm, Internal: err}
}

// echoError returns the *echo.HTTPError in err's chain, or nil.
func echoError(err error) *echo.HTTPError {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return he
	}
	return nil
}

// detailBody is FastAPI's body of an HTTPException whose detail is a
// string.
type detailBody struct {
	Detail string `json:"detail"`
}

type statusMarshaler interface {
	error
	StatusCode() int
	json.Marshaler
}

// ErrorHandler returns an Echo v4 HTTPErrorHandler that answers every error
// in FastAPI's shape: typed errors as they encode themselves; Echo's own
// errors (404, 405 with its Allow header, 413 of the BodyLimit middleware…)
// as {"detail": message}, e.g. {"detail":"Not Found"}; and any other error
// as 500 {"detail":"Internal Server Error"}, logged through opts.Logger
// (slog.Default() when nil) with the route and the error. With
// opts.ProblemDetails every answer is RFC 9457's. Install it in one line:
//
//	e.HTTPErrorHandler = echov4.ErrorHandler(opts)
func ErrorHandler(opts *typed.Options) echo.HTTPErrorHandler {
	resp := typed.NewErrorResponder(opts)
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		hostStatus, hostMessage := 0, ""
		he, ok := err.(*echo.HTTPError) // the common case, without errors.As
		if !ok {
			he = echoError(err)
		}
		if he != nil {
			hostStatus = he.Code
			if m, ok := he.Message.(string); ok {
				hostMessage = m
			}
			switch he.Internal.(type) { // a typed route's error, handed off
			case *typed.HTTPError, *typed.RequestValidationError:
				err = he.Internal
			}
		}
		_, _ = resp.Write(c.Response(), c.Request(), c.Path(), err, hostStatus, hostMessage)
	}
}
