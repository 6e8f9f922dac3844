package typed

import (
	"encoding/json"
	"errors"
	"net/http"
)

// ErrorResponder answers every error in FastAPI's shape: it is the core of
// the error handlers that adapters ship (echov4.ErrorHandler,
// echov5.ErrorHandler), which add only what is particular to their host.
type ErrorResponder struct {
	cfg *config
}

// NewErrorResponder returns an ErrorResponder with opts: ProblemDetails
// answers in RFC 9457's shape, Logger receives the plain errors. Nil opts
// means the defaults.
func NewErrorResponder(opts *Options) *ErrorResponder {
	return &ErrorResponder{cfg: opts.config()}
}

// statusMarshaler is an error that knows its status and body, as every
// error of this package does.
type statusMarshaler interface {
	error
	StatusCode() int
	json.Marshaler
}

// Respond returns the status, Content-Type and body that answer err, and
// sets the headers of the [HTTPError] in err on w (a typed route has set
// them already; a plain handler may not have):
//   - an [HTTPError], a [RequestValidationError] or any error with a
//     StatusCode and a MarshalJSON method in err's chain answers as it
//     encodes itself;
//   - otherwise, when hostStatus is not zero (the adapter found its host's
//     own error, such as Echo's 404 or 405), {"detail": hostMessage}, or
//     the status text when hostMessage is empty;
//   - otherwise err is a plain error: it is logged with the request's
//     method and route, and answered 500 {"detail":"Internal Server Error"}.
//
// With ProblemDetails the body of the first two is RFC 9457's.
func (e *ErrorResponder) Respond(w http.ResponseWriter, req *http.Request, route string, err error, hostStatus int, hostMessage string) (status int, contentType string, body json.Marshaler) {
	var he *HTTPError
	switch v := err.(type) { // the common cases, without errors.As
	case *problemError:
		return v.StatusCode(), ProblemContentType, v
	case *HTTPError:
		he = v
	case *RequestValidationError:
		he = v.HTTPError()
	default:
		var pe *problemError
		if errors.As(err, &pe) {
			return pe.StatusCode(), ProblemContentType, pe
		}
		he = asHTTPError(err)
	}
	if he == nil {
		var sm statusMarshaler
		if errors.As(err, &sm) {
			return sm.StatusCode(), jsonContentType, sm
		}
		if hostStatus == 0 {
			e.cfg.log().Error("typed: error answered 500", "method", req.Method, "route", route, "error", err)
			hostStatus = http.StatusInternalServerError
			hostMessage = ""
		}
		if hostMessage == "" {
			hostMessage = http.StatusText(hostStatus)
		}
		he = &HTTPError{Status: hostStatus, Detail: hostMessage, Err: err}
	}
	if len(he.Header) > 0 && w != nil {
		he.setHeaders(w.Header())
	}
	if e.cfg.problem {
		return he.StatusCode(), ProblemContentType, &problemError{he: he, err: err}
	}
	return he.StatusCode(), jsonContentType, he
}

// Write answers err on w as [ErrorResponder.Respond] decides: its headers,
// the Content-Type, the status and, unless req is a HEAD, the body
// followed by a newline, as Echo's c.JSON writes it. An error whose body
// cannot be encoded is logged and answered 500 {"detail":"Internal Server
// Error"}. It returns the status written and the error of writing the body,
// if any.
func (e *ErrorResponder) Write(w http.ResponseWriter, req *http.Request, route string, err error, hostStatus int, hostMessage string) (int, error) {
	status, ctype, body := e.Respond(w, req, route, err, hostStatus, hostMessage)
	if ctype == jsonContentType {
		w.Header()["Content-Type"] = jsonContentTypes
	} else {
		w.Header().Set("Content-Type", ctype)
	}
	if req.Method == http.MethodHead {
		w.WriteHeader(status)
		return status, nil
	}
	jw := jsonWriters.Get().(*jsonWriter)
	defer jw.release()
	b, werr := jw.body(body)
	if werr != nil {
		// An error whose body cannot be encoded: logged, and answered as
		// a plain error is, rather than with an empty body.
		e.cfg.log().Error("typed: error body not encodable", "method", req.Method, "route", route, "error", err, "cause", werr)
		status = http.StatusInternalServerError
		w.Header()["Content-Type"] = jsonContentTypes
		b = append(jw.e.b[:0], `{"detail":"Internal Server Error"}`+"\n"...)
		jw.e.b = b
	}
	w.WriteHeader(status)
	_, werr = w.Write(b)
	return status, werr
}
