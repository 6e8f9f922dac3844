package typed

import (
	"encoding/json"
	"net/http"
	"reflect"
)

const jsonContentType = "application/json"

// jsonContentTypes is the Content-Type header value of every JSON answer,
// shared (its capacity is its length, so a middleware appending copies).
var jsonContentTypes = []string{jsonContentType}

// writeJSON answers with v encoded as JSON, and a newline as Echo's c.JSON
// writes it, with status. Nothing is written when v cannot be encoded.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	return writeJSONCare(w, status, v, v != nil && needsCare(reflect.TypeOf(v)))
}

// writeJSONCare is writeJSON for a value whose need of care is known.
func writeJSONCare(w http.ResponseWriter, status int, v any, care bool) error {
	b, err := marshalJSONCare(v, care) // nil slices as [], NaN as null: see json_out.go
	if err != nil {
		return err
	}
	w.Header()["Content-Type"] = jsonContentTypes
	w.WriteHeader(status)
	_, err = w.Write(append(b, '\n'))
	return err
}

// fail prepares err to be returned to the host framework's error handler:
// the headers of the [HTTPError] in err (a challenge, say) are set on the
// response, and with [Options].ProblemDetails the error encodes as RFC 9457
// problem details with its media type set. Any other error is returned as
// it is.
func (cfg *config) fail(w http.ResponseWriter, err error) error {
	var he *HTTPError
	switch e := err.(type) { // the common cases, without errors.As
	case *HTTPError:
		he = e
	case *RequestValidationError:
		if !cfg.problem {
			return err
		}
		he = e.HTTPError()
	default:
		if he = asHTTPError(err); he == nil {
			return err
		}
	}
	if len(he.Header) > 0 {
		he.setHeaders(w.Header())
	}
	if cfg.problem {
		w.Header().Set("Content-Type", ProblemContentType)
		return &problemError{he: he, err: err}
	}
	return err
}

// problemError is an error answered as RFC 9457 problem details. It wraps
// the original error, so errors.As still finds the HTTPError.
type problemError struct {
	he  *HTTPError
	err error
}

func (e *problemError) Error() string   { return e.err.Error() }
func (e *problemError) Unwrap() error   { return e.err }
func (e *problemError) StatusCode() int { return e.he.StatusCode() }
func (e *problemError) MarshalJSON() ([]byte, error) {
	return json.Marshal(problemOf(e.he))
}
