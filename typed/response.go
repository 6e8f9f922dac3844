package typed

import (
	"net/http"
	"reflect"
)

// Response documents one response of an operation: FastAPI's
// responses={404: {"model": Message, "description": …, "headers": …}}.
// It only documents; what a route sends is what its handler returns. The
// zero Response documents a response with its status's reason phrase
// ("Not Found") as description and no body.
type Response struct {
	// Description describes the response. Empty means the status's
	// reason phrase, or "Successful Response" for the success status, as
	// FastAPI writes them.
	Description string
	// Model is the Go type of the body, documented as its JSON Schema.
	// Nil documents no body, unless ContentType is set (then any body of
	// that media type).
	Model reflect.Type
	// ContentType is the body's media type. Empty means application/json
	// when Model is set.
	ContentType string
	// Headers documents the response's headers, by name.
	Headers map[string]Header
}

// Header documents one response header.
type Header struct {
	Description string
	// Type is the Go type of the value, documented as its JSON Schema;
	// nil means a string.
	Type     reflect.Type
	Required bool
}

// Responses are an operation's documented responses by status:
// FastAPI's responses={…}. They merge status by status, the later
// declaration winning, as FastAPI merges a router's responses with its
// routes': the API's ([API.WithResponses]), then the handler's
// ([Handler.Responses]), then the operation's ([Operation].Responses). A
// declaration for the success status completes the success response (its
// description, headers, or another model).
type Responses map[int]Response

// Model returns a Response whose body is T as JSON: FastAPI's
// {"model": T}.
//
//	typed.Responses{http.StatusNotFound: typed.Model[Message]()}
func Model[T any]() Response { return Response{Model: reflect.TypeFor[T]()} }

// StatusCoder is a handler's result that picks its status per request
// (an upsert answering 200 or 201, say): a non-zero StatusCode replaces
// the operation's success status. [Reply] is one; any result type may be.
type StatusCoder interface {
	StatusCode() int
}

// Responder is a handler's result that writes its own answer instead of
// being sent as JSON: [HTML], [Text], [Bytes], [File], [Redirect],
// [Stream], [Events], [JSONResponse] and [Reply] are Responders. status is
// the operation's success status, or the result's own ([StatusCoder]).
// The Content-Type the operation documents (see [ResponseDescriber]) is
// set on w beforehand; a Responder may replace it.
//
// A handler whose Resp is an interface type (any, say) can return any
// Responder, as a FastAPI path operation returns a Response directly; it
// is then documented as JSON of any shape, as FastAPI documents it.
type Responder interface {
	WriteResponse(w http.ResponseWriter, r *http.Request, status int) error
}

// ResponseDescriber is a handler's result type that documents its own
// success response: its media type, body model and headers. The method is
// called once, at registration, on the zero value; it fills in r, which
// holds what the operation declares for its success status, so that a
// declared ContentType or Model is kept.
type ResponseDescriber interface {
	DescribeResponse(r *Response)
}

// successOf returns the documented success response of results of type t
// and the status such a result answers with when the operation sets none
// (0: 200).
func successOf(t reflect.Type, declared Response) (Response, int) {
	r := declared
	if t == nil {
		return r, 0
	}
	zero := reflect.Zero(t).Interface()
	if t.Kind() == reflect.Interface {
		zero = nil
	}
	switch d := zero.(type) {
	case ResponseDescriber:
		d.DescribeResponse(&r)
	default:
		if r.Model == nil {
			r.Model = t
		}
		if r.ContentType == "" {
			r.ContentType = jsonContentType
		}
	}
	status := 0
	if ds, ok := zero.(defaultStatuser); ok {
		status = ds.defaultStatus()
	}
	return r, status
}

// defaultStatuser is a result type whose answers have another success
// status than 200 by default ([Redirect]'s 307).
type defaultStatuser interface{ defaultStatus() int }

// merge returns rs with over's entries set over them, or rs itself when
// over is empty.
func (rs Responses) merge(over Responses) Responses {
	if len(over) == 0 {
		return rs
	}
	out := make(Responses, len(rs)+len(over))
	for k, v := range rs {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

// WithResponses returns a view of a whose routes also document rs (see
// [Responses]): FastAPI's APIRouter(responses={…}) and the responses of
// include_router. It shares a's router, options, operations, overrides and
// guards; groups made from the view inherit them. Adapters offer it on
// their API.
func (a *API) WithResponses(rs Responses) *API {
	v := *a
	v.responses = a.responses.merge(rs)
	return &v
}
