package typed

import (
	"errors"
	"net/http"
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
	status := he.StatusCode()
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
