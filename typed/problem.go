package typed

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

// ProblemContentType is the media type of RFC 9457 problem details.
const ProblemContentType = "application/problem+json"

// Problem is an RFC 9457 problem details object: the body of every error
// the library answers when [Options].ProblemDetails is set. Type is always
// "about:blank" and Title the status text, as RFC 9457 section 4.2.1 asks
// for problems that need no type of their own. Detail is the error's detail
// when it is a string; any other detail, and the entries of a 422, are in
// Errors.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	Errors any    `json:"errors,omitempty"`
}

// problemOf returns the problem details of he.
func problemOf(he *HTTPError) Problem {
	status := he.status()
	p := Problem{Type: "about:blank", Title: http.StatusText(status), Status: status}
	var ve *RequestValidationError
	switch d := he.Detail.(type) {
	case string:
		p.Detail = d
	case nil:
	default:
		p.Errors = d
		if errors.As(he.Err, &ve) {
			p.Detail = "The request is not valid; see errors."
		}
	}
	return p
}

// fail answers a failed request: FastAPI's {"detail": …} through
// [EchoError], or problem details when the API asks for them.
func (cfg *config) fail(c echo.Context, err error) error {
	if !cfg.problem {
		return EchoError(c, err)
	}
	var he *HTTPError
	if !errors.As(err, &he) {
		var ve *RequestValidationError
		if !errors.As(err, &ve) {
			return err
		}
		he = ve.HTTPError()
	}
	h := c.Response().Header()
	for k, vs := range he.Header {
		h[k] = vs
	}
	body, jerr := json.Marshal(problemOf(he))
	if jerr != nil {
		return jerr
	}
	return c.Blob(he.status(), ProblemContentType, body)
}
