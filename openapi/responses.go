package openapi

import (
	"net/http"
	"strconv"

	"github.com/fastecho/fastecho/typed"
	"github.com/swaggest/openapi-go/openapi31"
)

// responses documents the success response, then 422 and 401 where they
// apply.
func (b *builder) responses(o *openapi31.Operation, op *typed.Operation) error {
	status := op.Status
	if status == 0 {
		status = http.StatusOK
	}
	ok := openapi31.Response{Description: "Successful Response"}
	if bodyAllowed(status) {
		sch, err := b.sch.typeSchema(op.Response)
		if err != nil {
			return err
		}
		ok.Content = map[string]openapi31.MediaType{mimeJSON: {Schema: sch}}
	}
	rs := &openapi31.Responses{MapOfResponseOrReferenceValues: map[string]openapi31.ResponseOrReference{
		strconv.Itoa(status): {Response: &ok},
	}}
	if len(op.Params) > 0 || op.Body != nil {
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
	if secured(op) {
		if _, taken := rs.MapOfResponseOrReferenceValues["401"]; !taken {
			r := unauthorized()
			if b.problem {
				r.Content = b.problemContent()
			}
			rs.MapOfResponseOrReferenceValues["401"] = openapi31.ResponseOrReference{Response: r}
		}
	}
	o.Responses = rs
	return nil
}

// bodyAllowed is FastAPI's is_body_allowed_for_status_code.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

func secured(op *typed.Operation) bool {
	for _, req := range op.Security {
		if len(req) > 0 {
			return true
		}
	}
	return false
}

func unauthorized() *openapi31.Response {
	h := openapi31.Header{Schema: map[string]any{"type": "string"}}
	h.WithDescription("The authentication challenge, e.g. Bearer (RFC 9110, section 11.6.1)")
	return &openapi31.Response{
		Description: "Not authenticated",
		Headers:     map[string]openapi31.HeaderOrReference{"WWW-Authenticate": {Header: &h}},
	}
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
