package openapi

import (
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/fastecho/fastecho/typed"
	"github.com/swaggest/openapi-go/openapi31"
)

// responses documents the success response, the responses op declares
// (typed.Operation.Responses, FastAPI's responses=…), then 422 and 401
// where they apply and are not declared.
func (b *builder) responses(o *openapi31.Operation, op *typed.Operation) error {
	status := op.Status
	if status == 0 {
		status = http.StatusOK
	}
	success := op.Success
	if success.ContentType == "" && success.Model == nil && len(success.Headers) == 0 && success.Description == "" {
		// an operation recorded without its success response: JSON of Response
		success = typed.Response{Model: op.Response, ContentType: mimeJSON}
	}
	if success.Description == "" {
		success.Description = op.ResponseDescription
	}
	if success.Description == "" {
		success.Description = "Successful Response"
	}
	ok, err := b.response(success, bodyAllowed(status))
	if err != nil {
		return err
	}
	rs := &openapi31.Responses{MapOfResponseOrReferenceValues: map[string]openapi31.ResponseOrReference{
		strconv.Itoa(status): {Response: ok},
	}}
	for _, code := range slices.Sorted(maps.Keys(op.Responses)) {
		if code == status {
			continue // the success response, completed above
		}
		decl := op.Responses[code]
		if decl.Description == "" {
			decl.Description = statusText(code)
		}
		r, err := b.response(decl, bodyAllowed(code))
		if err != nil {
			return fmt.Errorf("%w (response %d)", err, code)
		}
		rs.MapOfResponseOrReferenceValues[strconv.Itoa(code)] = openapi31.ResponseOrReference{Response: r}
	}
	_, declared422 := op.Responses[http.StatusUnprocessableEntity]
	if (len(op.Params) > 0 || op.Body != nil) && !declared422 {
		addValidationSchemas(b.sch.comps)
		content := map[string]openapi31.MediaType{mimeJSON: {Schema: map[string]any{
			"$ref": componentsSchemas + "HTTPValidationError",
		}}}
		if b.problem {
			content = b.problemContent()
		}
		rs.MapOfResponseOrReferenceValues["422"] = openapi31.ResponseOrReference{Response: &openapi31.Response{
			Description: "Validation Error",
			Content:     content,
		}}
	}
	for _, ref := range refusals(op) {
		code := strconv.Itoa(ref.status)
		if _, taken := rs.MapOfResponseOrReferenceValues[code]; taken {
			continue
		}
		r := unauthorized(ref.challenge)
		if b.problem {
			r.Content = b.problemContent()
		}
		rs.MapOfResponseOrReferenceValues[code] = openapi31.ResponseOrReference{Response: r}
	}
	o.Responses = rs
	return nil
}

// response documents one response: its description, headers and, when
// the status allows a body, its content.
func (b *builder) response(d typed.Response, body bool) (*openapi31.Response, error) {
	r := &openapi31.Response{Description: d.Description}
	if body && (d.Model != nil || d.ContentType != "") {
		ct := d.ContentType
		if ct == "" {
			ct = mimeJSON
		}
		mt, err := b.mediaType(ct, d.Model)
		if err != nil {
			return nil, err
		}
		r.Content = map[string]openapi31.MediaType{ct: mt}
	}
	for _, name := range slices.Sorted(maps.Keys(d.Headers)) {
		h := d.Headers[name]
		sch := map[string]any{"type": "string"}
		if h.Type != nil {
			var err error
			if sch, err = b.sch.typeSchema(h.Type); err != nil {
				return nil, err
			}
		}
		oh := openapi31.Header{Schema: sch}
		if h.Description != "" {
			oh.WithDescription(h.Description)
		}
		if h.Required {
			oh.WithRequired(true)
		}
		if r.Headers == nil {
			r.Headers = map[string]openapi31.HeaderOrReference{}
		}
		r.Headers[name] = openapi31.HeaderOrReference{Header: &oh}
	}
	return r, nil
}

// mediaType documents a body of media type ct whose Go type is model:
// model's JSON Schema (an empty schema, any value, for a nil model of
// JSON); a string for text; binary data for any other type; and for
// text/event-stream a string whose events are described by x-itemSchema
// (FastAPI's itemSchema, an OpenAPI 3.2 keyword), whose data is model as
// JSON.
func (b *builder) mediaType(ct string, model reflect.Type) (openapi31.MediaType, error) {
	switch {
	case ct == "text/event-stream":
		item := map[string]any{"type": "object", "properties": map[string]any{
			"data":  map[string]any{"type": "string"},
			"event": map[string]any{"type": "string"},
			"id":    map[string]any{"type": "string"},
			"retry": map[string]any{"type": "integer", "minimum": 0},
		}}
		if model != nil {
			sch, err := b.sch.typeSchema(model)
			if err != nil {
				return openapi31.MediaType{}, err
			}
			item["properties"].(map[string]any)["data"] = map[string]any{
				"type": "string", "contentMediaType": mimeJSON, "contentSchema": sch,
			}
			item["required"] = []any{"data"}
		}
		// FastAPI writes OpenAPI 3.2's itemSchema, which 3.1 refuses
		// (redocly: "Property itemSchema is not expected here"): the
		// stream is a string, and each event's schema an extension.
		return openapi31.MediaType{Schema: map[string]any{"type": "string"},
			MapOfAnything: map[string]any{"x-itemSchema": item}}, nil
	case model != nil:
		sch, err := b.sch.typeSchema(model)
		if len(sch) == 0 {
			return anySchema(), err
		}
		return openapi31.MediaType{Schema: sch}, err
	case isJSON(ct):
		return anySchema(), nil
	case strings.HasPrefix(ct, "text/"):
		return openapi31.MediaType{Schema: map[string]any{"type": "string"}}, nil
	}
	return openapi31.MediaType{Schema: map[string]any{"type": "string", "format": "binary"}}, nil
}

// anySchema is a media type whose schema is {}, any value, which
// swaggest would leave out as empty.
func anySchema() openapi31.MediaType {
	return openapi31.MediaType{MapOfAnything: map[string]any{"schema": map[string]any{}}}
}

// isJSON reports whether ct is application/json or application/…+json.
func isJSON(ct string) bool {
	return ct == mimeJSON || strings.HasPrefix(ct, "application/") && strings.HasSuffix(ct, "+json")
}

// statusText is the description FastAPI gives a declared response
// without one: the status's reason phrase.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return t
	}
	return "Additional Response"
}

// bodyAllowed is FastAPI's is_body_allowed_for_status_code.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// unauthorized is the documented answer to a request without its
// credential, with the challenge header when one is sent.
func unauthorized(challenge bool) *openapi31.Response {
	r := &openapi31.Response{Description: "Not authenticated"}
	if challenge {
		h := openapi31.Header{Schema: map[string]any{"type": "string"}}
		h.WithDescription("The authentication challenge, e.g. Bearer (RFC 9110, section 11.6.1)")
		r.Headers = map[string]openapi31.HeaderOrReference{"WWW-Authenticate": {Header: &h}}
	}
	return r
}

// problemContent is the content of an error response of an API that
// answers RFC 9457 problem details (typed.Options.ProblemDetails).
func (b *builder) problemContent() map[string]openapi31.MediaType {
	addValidationSchemas(b.sch.comps)
	if _, ok := b.sch.comps["ProblemDetails"]; !ok {
		b.sch.comps["ProblemDetails"] = map[string]any{
			"title":       "ProblemDetails",
			"description": "RFC 9457 problem details; errors lists the validation errors of a 422.",
			"type":        "object",
			"properties": map[string]any{
				"type":   map[string]any{"type": "string", "format": "uri-reference", "default": "about:blank"},
				"title":  map[string]any{"type": "string"},
				"status": map[string]any{"type": "integer"},
				"detail": map[string]any{"type": "string"},
				"errors": map[string]any{"type": "array", "items": map[string]any{"$ref": componentsSchemas + "ValidationError"}},
			},
			"required": []any{"type", "title", "status"},
		}
	}
	return map[string]openapi31.MediaType{typed.ProblemContentType: {Schema: map[string]any{
		"$ref": componentsSchemas + "ProblemDetails",
	}}}
}
