package typed

// JSONSchemer is implemented by a type whose JSON is not what its Go
// shape says, to say how package openapi documents it. JSONSchema returns
// the type's JSON Schema; of returns the schema of another Go value (a
// $ref to a component for a named struct), for the elements of a
// container; a nil result means that the Go shape says it after all (a
// MarshalJSON that only fixes details). [HTTPURL] and [Set] are examples.
//
// A type that implements json.Marshaler but not JSONSchemer is documented
// as any value ({}), unless openapi knows it (time.Time is a date-time
// string): its Go shape says nothing of what it sends.
//
// FastAPI: a pydantic type's __get_pydantic_json_schema__.
type JSONSchemer interface {
	JSONSchema(of func(v any) map[string]any) map[string]any
}
