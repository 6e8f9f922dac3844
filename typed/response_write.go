package typed

import (
	"errors"
	"fmt"
	"reflect"
)

// fail answers err. A [Responder] in err's chain (a [JSONResponse]
// returned as an error) is no error of the request: it is written as the
// answer. Any other error is readied for the host's error handler.
func (rt *route[C]) fail(r *Request, err error) error {
	if mayHoldResponder(err) {
		var rs Responder
		if errors.As(err, &rs) && !isNil(rs) {
			return rt.write(r, rs, rt.status, "")
		}
	}
	return rt.cfg.fail(r.state.w, err)
}

// mayHoldResponder reports whether err's chain may hold a [Responder],
// following HTTPErrors and single wraps: the common refusals (an
// HTTPError wrapping a sentinel error, a validation error) are known not
// to without errors.As.
func mayHoldResponder(err error) bool {
	for err != nil {
		switch e := err.(type) {
		case *HTTPError:
			err = e.Err
			continue
		case *RequestValidationError:
			return false
		case Responder:
			return true
		case interface{ Unwrap() []error }, interface{ As(any) bool }:
			return true
		case interface{ Unwrap() error }:
			err = e.Unwrap()
			continue
		}
		return false
	}
	return false
}

// respond answers with resp, the handler's result.
func (rt *route[C]) respond(r *Request, resp any) error {
	return rt.write(r, resp, rt.status, rt.contentType)
}

// write answers with v: with its own status if it is a [StatusCoder] with
// one, else status; by itself if it is a [Responder] (with contentType
// set first, when not empty), else as JSON.
func (rt *route[C]) write(r *Request, v any, status int, contentType string) error {
	w := r.state.w
	nilValue := isNil(v)
	if sc, ok := v.(StatusCoder); ok && !nilValue {
		if s := sc.StatusCode(); s != 0 {
			status = s
		}
	}
	if rs, ok := v.(Responder); ok && !nilValue {
		if contentType != "" && w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", contentType)
		}
		return rs.WriteResponse(w, r.state.req, status)
	}
	if noBody(status) {
		w.WriteHeader(status)
		return nil
	}
	if rt.respType != nil && reflect.TypeOf(v) == rt.respType {
		return writeJSONCare(w, status, v, false, rt.respPlan)
	}
	return writeJSON(w, status, v)
}

func (rt *route[C]) bodyLimit() int64 { return rt.maxBody }

// isNil reports whether v is nil or a nil pointer, whose methods must not
// be called.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// routeContentType is the media type set before a result writes itself:
// the documented one, when the result type documents itself.
func routeContentType(op *Operation) string {
	if op.Response == nil || !op.Response.Implements(reflect.TypeFor[ResponseDescriber]()) {
		return ""
	}
	return op.Success.ContentType
}

// checkResponses panics if op documents a body for a status that has
// none, as FastAPI refuses it at registration.
func checkResponses(op *Operation) {
	for status, r := range op.Responses {
		if status < 100 || status > 599 {
			panic(fmt.Sprintf("typed: %s %s documents a response for status %d", op.Method, op.Path, status))
		}
		if r.Model != nil && noBody(status) {
			panic(fmt.Sprintf("typed: %s %s: status %d has no body, so its response cannot have a Model", op.Method, op.Path, status))
		}
	}
}
