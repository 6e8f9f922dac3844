package typed

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"
	"sync"
)

const jsonContentType = "application/json"

// jsonContentTypes is the Content-Type header value of every JSON answer,
// shared (its capacity is its length, so a middleware appending copies).
var jsonContentTypes = []string{jsonContentType}

// writeJSON answers with v encoded as JSON, and a newline as Echo's c.JSON
// writes it, with status. Nothing is written when v cannot be encoded.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	return writeJSONCare(w, status, v, v != nil && needsCare(reflect.TypeOf(v)), nil)
}

// writeJSONCare is writeJSON for a value whose need of care is known, or
// whose encoding plan is made (plan not nil: a route's result type).
func writeJSONCare(w http.ResponseWriter, status int, v any, care bool, plan encodePlan) error {
	jw := jsonWriters.Get().(*jsonWriter)
	defer jw.release()
	b, err := jw.encode(v, care, plan) // nil slices as [], NaN as null: see json_out.go
	if err != nil {
		return err
	}
	w.Header()["Content-Type"] = jsonContentTypes
	w.WriteHeader(status)
	_, err = w.Write(b)
	return err
}

// jsonWriter is the scratch space of one JSON answer: typed's encoder and
// encoding/json's Encoder over a buffer. Kept in a pool, so that an answer
// costs no allocation of its own once warm (BenchmarkWriteJSON).
type jsonWriter struct {
	e   encoder
	buf bytes.Buffer
	enc *json.Encoder
}

var jsonWriters = sync.Pool{New: func() any {
	jw := &jsonWriter{}
	jw.enc = json.NewEncoder(&jw.buf)
	return jw
}}

// maxKeptJSON is the largest scratch buffer returned to the pool: a rare
// large answer does not pin its memory.
const maxKeptJSON = 64 << 10

// encode returns v encoded, followed by a newline as Echo's c.JSON writes
// it: with plan when there is one (it writes what encoding/json writes,
// with care where needed), by encoding/json when v needs no care, else by
// typed's encoder of dynamic values. The bytes are valid until release.
func (jw *jsonWriter) encode(v any, care bool, plan encodePlan) ([]byte, error) {
	if plan == nil && (v == nil || !care) {
		jw.buf.Reset()
		if err := jw.enc.Encode(v); err != nil {
			return nil, err
		}
		return jw.buf.Bytes(), nil
	}
	jw.e.b = jw.e.b[:0]
	var err error
	if plan != nil {
		err = plan(&jw.e, reflect.ValueOf(v))
	} else {
		err = jw.e.value(reflect.ValueOf(v))
	}
	jw.e.b = append(jw.e.b, '\n')
	if err != nil {
		return nil, err
	}
	return jw.e.b, nil
}

// body returns an error's body followed by a newline: this package's
// errors append their JSON, any other body is validated and compacted as
// encoding/json does with a MarshalJSON output. The bytes are valid until
// release.
func (jw *jsonWriter) body(body json.Marshaler) ([]byte, error) {
	var err error
	switch v := body.(type) {
	case *HTTPError:
		jw.e.b, err = v.appendJSON(jw.e.b[:0])
	case *RequestValidationError:
		jw.e.b = appendValidationErrors(jw.e.b[:0], v.Errors)
	default:
		var raw []byte
		if raw, err = body.MarshalJSON(); err == nil {
			jw.buf.Reset()
			if err = json.Compact(&jw.buf, raw); err == nil {
				var escaped bytes.Buffer // '<', '>', '&' as c.JSON writes them
				json.HTMLEscape(&escaped, jw.buf.Bytes())
				jw.e.b = append(jw.e.b[:0], escaped.Bytes()...)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	jw.e.b = append(jw.e.b, '\n')
	return jw.e.b, nil
}

func (jw *jsonWriter) release() {
	if jw.buf.Cap() > maxKeptJSON || cap(jw.e.b) > maxKeptJSON {
		return
	}
	jsonWriters.Put(jw)
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
