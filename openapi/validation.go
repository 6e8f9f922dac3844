package openapi

// addValidationSchemas adds FastAPI's HTTPValidationError and
// ValidationError, the shape of every 422 body typed answers.
func addValidationSchemas(comps map[string]map[string]any) {
	if _, ok := comps["HTTPValidationError"]; ok {
		return
	}
	comps["HTTPValidationError"] = map[string]any{
		"title": "HTTPValidationError",
		"type":  "object",
		"properties": map[string]any{
			"detail": map[string]any{
				"title": "Detail",
				"type":  "array",
				"items": map[string]any{"$ref": componentsSchemas + "ValidationError"},
			},
		},
	}
	comps["ValidationError"] = map[string]any{
		"title": "ValidationError",
		"type":  "object",
		"properties": map[string]any{
			"loc": map[string]any{
				"title": "Location",
				"type":  "array",
				"items": map[string]any{"anyOf": []any{
					map[string]any{"type": "string"},
					map[string]any{"type": "integer"},
				}},
			},
			"msg":   map[string]any{"title": "Message", "type": "string"},
			"type":  map[string]any{"title": "Error Type", "type": "string"},
			"input": map[string]any{"title": "Input"},
			"ctx":   map[string]any{"title": "Context", "type": "object"},
		},
		"required": []any{"loc", "msg", "type"},
	}
}
