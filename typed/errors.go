package typed

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
)

// HTTPError is FastAPI's HTTPException: an error a handler or dependency
// returns to answer the request with Status, a JSON body {"detail": Detail}
// and the extra response headers in Header (e.g. WWW-Authenticate). Err is
// the cause, kept for logs and errors.Is, never sent to the client.
//
// It is a plain value: build one where it is needed, or keep one in a
// package variable and return it as often as you like. A zero Status means
// 500. The typed route sets Header on the response, then returns the error
// to the host framework, whose error handler writes the body (see the
// package doc).
type HTTPError struct {
	Status int
	Detail any
	Header http.Header
	Err    error
	// Body, when not nil, is the whole response body, encoded as JSON in
	// place of {"detail": Detail}: for protocols that fix their own error
	// shape, such as RFC 6749's {"error": …, "error_description": …}.
	Body any
}

// NewHTTPError returns an HTTPError with status and detail, and header
// pairs given as alternating names and values.
func NewHTTPError(status int, detail any, header ...string) *HTTPError {
	e := &HTTPError{Status: status, Detail: detail}
	if len(header) > 0 {
		e.Header = make(http.Header, len(header)/2)
		for i := 0; i+1 < len(header); i += 2 {
			e.Header.Add(header[i], header[i+1])
		}
	}
	return e
}

// Error returns the status and detail, e.g. "401 Not authenticated".
func (e *HTTPError) Error() string {
	if s, ok := e.Detail.(string); ok {
		return fmt.Sprintf("%d %s", e.StatusCode(), s)
	}
	return fmt.Sprintf("%d %s", e.StatusCode(), http.StatusText(e.StatusCode()))
}

// Unwrap returns Err.
func (e *HTTPError) Unwrap() error { return e.Err }

// StatusCode returns Status, or 500 when it is zero. Echo v5's error
// handler reads it.
func (e *HTTPError) StatusCode() int {
	if e.Status == 0 {
		return http.StatusInternalServerError
	}
	return e.Status
}

// MarshalJSON returns the response body, {"detail": Detail} (or Body).
func (e *HTTPError) MarshalJSON() ([]byte, error) { return e.appendJSON(nil) }

// appendJSON appends e's body to b.
func (e *HTTPError) appendJSON(b []byte) ([]byte, error) {
	if e.Body != nil {
		raw, err := json.Marshal(e.Body)
		return append(b, raw...), err
	}
	if errs, ok := e.Detail.([]ValidationError); ok {
		return appendValidationErrors(b, errs), nil
	}
	if d, ok := e.Detail.(string); ok { // the common case, without reflection
		if b == nil {
			b = make([]byte, 0, len(d)+16)
		}
		return append(appendString(append(b, `{"detail":`...), d), '}'), nil
	}
	raw, err := json.Marshal(struct {
		Detail any `json:"detail"`
	}{e.Detail})
	return append(b, raw...), err
}

// setHeaders sets e's headers on h under their canonical names, so that
// a header written in a literal as "WWW-Authenticate" is found by h.Get.
// The values are shared with e, their capacity cut to their length, so
// that a middleware adding a value to h copies them rather than write
// into e's.
func (e *HTTPError) setHeaders(h http.Header) {
	for k, vs := range e.Header {
		if !isCanonicalKey(k) {
			k = textproto.CanonicalMIMEHeaderKey(k)
		}
		h[k] = vs[:len(vs):len(vs)]
	}
}

// isCanonicalKey reports whether CanonicalMIMEHeaderKey would return k as
// it is because its letters are already in canonical case (an error's
// headers usually are: NewHTTPError canonicalizes them); keys it would
// leave alone for other reasons still go through it, to the same result.
func isCanonicalKey(k string) bool {
	upper := true
	for i := 0; i < len(k); i++ {
		c := k[i]
		if upper && 'a' <= c && c <= 'z' || !upper && 'A' <= c && c <= 'Z' {
			return false
		}
		upper = c == '-'
	}
	return true
}

// asHTTPError returns the [HTTPError] in err's chain, or the 422 of a
// [RequestValidationError] in it, or nil.
func asHTTPError(err error) *HTTPError {
	var he *HTTPError
	if errors.As(err, &he) {
		return he
	}
	var ve *RequestValidationError
	if errors.As(err, &ve) {
		return ve.HTTPError()
	}
	return nil
}

// SetErrorHeaders sets on h, a response's header, the headers of the
// [HTTPError] in err's chain (a challenge, say), as a typed route does
// before it returns an error. Plain handlers that resolve dependencies
// themselves use it through their adapter (echov4.Error, echov5.Error).
func SetErrorHeaders(h http.Header, err error) {
	if he := asHTTPError(err); he != nil && len(he.Header) > 0 {
		he.setHeaders(h)
	}
}
