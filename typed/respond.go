package typed

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"sync"

	"github.com/labstack/echo/v4"
)

// Answers are written straight to the response: the Content-Type header
// value is a shared slice (its capacity equals its length, so appending to
// it copies), success bodies are encoded into pooled buffers, and a
// prepared HTTPError's body is written as it is. This skips Echo's c.JSON
// (which parses the query for ?pretty and allocates an encoder) and Echo's
// HTTPErrorHandler; set Options.EchoErrors to route errors through the
// latter instead.

var (
	jsonContentType    = []string{echo.MIMEApplicationJSON}
	problemContentType = []string{ProblemContentType}
)

type encoder struct {
	buf bytes.Buffer
	enc *json.Encoder
	raw []byte // for bodies written without encoding/json
}

var encoders = sync.Pool{New: func() any {
	e := new(encoder)
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(true)
	return e
}}

// writeJSON answers with v encoded as JSON (and a newline, as c.JSON
// writes it) and status.
func writeJSON(c echo.Context, status int, v any) error {
	e := encoders.Get().(*encoder)
	defer func() {
		if e.buf.Cap() <= 64<<10 {
			e.buf.Reset()
			encoders.Put(e)
		}
	}()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	return writeBody(c, status, jsonContentType, e.buf.Bytes())
}

func writeBody(c echo.Context, status int, contentType []string, body []byte) error {
	res := c.Response()
	res.Header()[echo.HeaderContentType] = contentType
	res.WriteHeader(status)
	_, err := res.Write(body)
	return err
}

// fail answers a failed request: an [HTTPError] or a
// [RequestValidationError] found in err is written with its headers, as
// FastAPI's {"detail": …} or as problem details; any other error is
// returned for Echo's HTTPErrorHandler, as are all errors when
// Options.EchoErrors is set.
func (cfg *config) fail(c echo.Context, err error) error {
	if cfg.echoErrors && !cfg.problem {
		return EchoError(c, err)
	}
	var he *HTTPError
	switch e := err.(type) { // the common cases, without errors.As's allocation
	case *HTTPError:
		he = e
	case *RequestValidationError:
		if !cfg.problem && !c.Response().Committed {
			return writeValidationErrors(c, e.Errors)
		}
		he = e.HTTPError()
	default:
		he = asHTTPError(err)
		if he == nil {
			return err
		}
	}
	if c.Response().Committed {
		return err
	}
	if len(he.Header) > 0 {
		he.setHeaders(c.Response().Header())
	}
	if cfg.problem {
		body, jerr := json.Marshal(problemOf(he))
		if jerr != nil {
			return jerr
		}
		return writeBody(c, he.status(), problemContentType, append(body, '\n'))
	}
	if he.wire != nil {
		return writeBody(c, he.status(), jsonContentType, he.wire)
	}
	if errs, ok := he.Detail.([]ValidationError); ok && he.status() == http.StatusUnprocessableEntity {
		return writeValidationErrors(c, errs)
	}
	return writeJSON(c, he.status(), he)
}

// writeValidationErrors answers 422 {"detail": errs}.
func writeValidationErrors(c echo.Context, errs []ValidationError) error {
	e := encoders.Get().(*encoder)
	e.raw = append(appendValidationErrors(e.raw[:0], errs), '\n')
	err := writeBody(c, http.StatusUnprocessableEntity, jsonContentType, e.raw)
	if cap(e.raw) <= 64<<10 {
		encoders.Put(e)
	}
	return err
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
