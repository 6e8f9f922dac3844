package typed

import (
	"encoding/json"
	"net/http"
	"strings"
)

// ValidationError is one entry of a 422 body, in FastAPI's (pydantic's)
// shape: {"type", "loc", "msg", "input", "ctx"}. Loc is the path to the
// value, starting with where it came from ("body", "query", "path",
// "header", "cookie"). Input is the value received (null when missing).
// When Secret is set (a field with format:"password") and there is an
// input, it is left out of the JSON so that a password is never echoed back.
type ValidationError struct {
	Type   string         `json:"type"`
	Loc    []any          `json:"loc"`
	Msg    string         `json:"msg"`
	Input  any            `json:"input"`
	Ctx    map[string]any `json:"ctx,omitempty"`
	Secret bool           `json:"-"`
}

// MarshalJSON encodes e, leaving out input when e is Secret and there is an
// input to hide (a missing secret field still says "input": null).
func (e ValidationError) MarshalJSON() ([]byte, error) {
	return e.appendJSON(nil), nil
}

// RequestValidationError is FastAPI's RequestValidationError: every problem
// found in a request's parameters or body, answered as 422 with
// {"detail": Errors}.
type RequestValidationError struct {
	Errors []ValidationError
}

// Error lists the locations and messages.
func (e *RequestValidationError) Error() string {
	var b strings.Builder
	b.WriteString("typed: request validation failed:")
	for _, ve := range e.Errors {
		b.WriteString(" ")
		for i, l := range ve.Loc {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(toString(l))
		}
		b.WriteString(": ")
		b.WriteString(ve.Msg)
		b.WriteByte(';')
	}
	return b.String()
}

// StatusCode returns 422. Echo v5's error handler reads it.
func (e *RequestValidationError) StatusCode() int { return http.StatusUnprocessableEntity }

// MarshalJSON returns the response body, {"detail": Errors}.
func (e *RequestValidationError) MarshalJSON() ([]byte, error) {
	return appendValidationErrors(nil, e.Errors), nil
}

// HTTPError returns e as a 422 [HTTPError] whose detail is e.Errors.
func (e *RequestValidationError) HTTPError() *HTTPError {
	return &HTTPError{Status: http.StatusUnprocessableEntity, Detail: e.Errors, Err: e}
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return itoa(v)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
