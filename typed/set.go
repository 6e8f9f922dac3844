package typed

// Set is pydantic's set[T]: sent and received as a JSON array. A body field
// of this type accepts an array (anything else fails with set_type),
// validates each element as T and drops duplicates, keeping the first of
// each; the elements keep the order in which they were first sent. It is
// sent as a JSON array, [] when nil, and documented as an array of T with
// uniqueItems.
//
//	type Item struct {
//		Tags typed.Set[string] `json:"tags" default:"[]"`
//	}
//
// FastAPI: a field of type set[T].
type Set[T comparable] []T

func (Set[T]) pydanticSet() {}

// NewSet returns a Set of items without duplicates, in the order of their
// first occurrence.
func NewSet[T comparable](items ...T) Set[T] {
	s := make(Set[T], 0, len(items))
	seen := make(map[T]bool, len(items))
	for _, it := range items {
		if !seen[it] {
			seen[it] = true
			s = append(s, it)
		}
	}
	return s
}

// Has reports whether v is in s.
func (s Set[T]) Has(v T) bool {
	for _, it := range s {
		if it == v {
			return true
		}
	}
	return false
}

// MarshalJSON writes s as a JSON array, [] when s is nil.
func (s Set[T]) MarshalJSON() ([]byte, error) {
	if s == nil {
		return []byte("[]"), nil
	}
	return marshalJSON([]T(s))
}

// JSONSchema documents s as an array of T with uniqueItems; see
// [JSONSchemer].
func (Set[T]) JSONSchema(of func(any) map[string]any) map[string]any {
	var zero T
	return map[string]any{"type": "array", "items": of(zero), "uniqueItems": true}
}
