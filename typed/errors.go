package typed

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/textproto"

	"github.com/labstack/echo/v4"
)

// HTTPError is FastAPI's HTTPException: an error a handler or dependency
// returns to answer the request with Status, a JSON body {"detail": Detail}
// and the extra response headers in Header (e.g. WWW-Authenticate). Err is
// the cause, kept for logs and errors.Is, never sent to the client.
//
// A zero Status means 500. An HTTPError must not be modified once returned.
type HTTPError struct {
	Status int
	Detail any
	Header http.Header
	Err    error
	// Body, when not nil, is the whole response body, encoded as JSON in
	// place of {"detail": Detail}: for protocols that fix their own error
	// shape, such as RFC 6749's {"error": …, "error_description": …}.
	Body any

	body    []byte          // pre-encoded {"detail":…}, set by Prepare
	wire    []byte          // body and a newline, as written
	headers []headerField   // Header as a list, set by Prepare: no map iteration per request
	echoErr *echo.HTTPError // pre-built answer, set by Prepare
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
		return fmt.Sprintf("%d %s", e.status(), s)
	}
	return fmt.Sprintf("%d %s", e.status(), http.StatusText(e.status()))
}

// Unwrap returns Err.
func (e *HTTPError) Unwrap() error { return e.Err }

// MarshalJSON returns the response body, {"detail": Detail} (or Body).
func (e *HTTPError) MarshalJSON() ([]byte, error) {
	if e.body != nil {
		return e.body, nil
	}
	if e.Body != nil {
		return json.Marshal(e.Body)
	}
	return json.Marshal(struct {
		Detail any `json:"detail"`
	}{e.Detail})
}

// Prepare returns a copy of e with its body encoded and its Echo answer
// built, so that returning it costs no encoding or allocation per request.
// Use it for errors built once and returned many times. It panics if Detail
// cannot be encoded as JSON (a programmer error).
func (e *HTTPError) Prepare() *HTTPError {
	p := *e
	p.body, p.wire = nil, nil
	body, err := p.MarshalJSON()
	if err != nil {
		panic("typed: HTTPError.Detail cannot be encoded: " + err.Error())
	}
	p.body = body
	p.wire = append(body[:len(body):len(body)], '\n')
	p.Header = e.Header.Clone()
	p.headers = nil
	for k, vs := range p.Header {
		p.Header[k] = vs[:len(vs):len(vs)] // appending to a response header copies
		p.headers = append(p.headers, headerField{textproto.CanonicalMIMEHeaderKey(k), p.Header[k]})
	}
	p.echoErr = &echo.HTTPError{Code: p.status(), Message: &p, Internal: &p}
	return &p
}

func (e *HTTPError) status() int {
	if e.Status == 0 {
		return http.StatusInternalServerError
	}
	return e.Status
}

// EchoError converts err into what an Echo handler returns: an [*HTTPError]
// (found with errors.As) or a [*RequestValidationError] has its headers set
// on c's response and becomes an *echo.HTTPError whose Message encodes as
// {"detail": …} and whose Internal is err; any other error is returned as
// is, for Echo's error handler. Typed handlers call it for you; use it in
// plain Echo handlers that resolve dependencies with [Resolve].
func EchoError(c echo.Context, err error) error {
	he := asHTTPError(err)
	if he == nil {
		return err
	}
	if len(he.Header) > 0 {
		he.setHeaders(c.Response().Header())
	}
	if he.echoErr != nil && he == err {
		return he.echoErr
	}
	return &echo.HTTPError{Code: he.status(), Message: he, Internal: err}
}

type headerField struct {
	key    string
	values []string
}

// setHeaders copies e's headers to h.
func (e *HTTPError) setHeaders(h http.Header) {
	if e.headers != nil {
		for _, f := range e.headers {
			h[f.key] = f.values
		}
		return
	}
	for k, vs := range e.Header {
		h[textproto.CanonicalMIMEHeaderKey(k)] = vs // as written in a literal, e.g. "WWW-Authenticate"
	}
}
