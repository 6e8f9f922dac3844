package openapi

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/fastecho/fastecho/typed"
	"github.com/swaggest/jsonschema-go"
)

var (
	schemerType   = reflect.TypeFor[typed.JSONSchemer]()
	marshalerType = reflect.TypeFor[json.Marshaler]()
	timeType      = reflect.TypeFor[time.Time]()
)

// custom documents a type as it is sent when its Go shape does not say
// it: a [typed.JSONSchemer] with its own schema (inline, as pydantic
// inlines HttpUrl and set[str]), and a json.Marshaler this package does
// not know as any value ({}). A pointer to such a type is also null.
func (s *schemas) custom(p jsonschema.InterceptSchemaParams) (bool, error) {
	if p.Processed || !p.Value.IsValid() {
		return false, nil
	}
	t := p.Value.Type()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var m map[string]any
	switch {
	case t.Implements(schemerType) || reflect.PointerTo(t).Implements(schemerType):
		v := reflect.New(t).Interface()
		sch, ok := v.(typed.JSONSchemer)
		if !ok {
			sch = reflect.ValueOf(v).Elem().Interface().(typed.JSONSchemer)
		}
		var inner error // the first schema the type asked for that could not be made
		m = sch.JSONSchema(func(v any) map[string]any {
			out, err := s.typeSchema(reflect.TypeOf(v))
			if err != nil {
				inner = cmp.Or(inner, err)
				return map[string]any{}
			}
			return out
		})
		if inner != nil {
			return true, fmt.Errorf("openapi: the JSON schema of %v: %w", t, inner)
		}
		if m == nil {
			return false, nil // documented by its Go shape after all
		}
	case t != timeType && (t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType)) &&
		!swaggestKnows(t):
		m = map[string]any{}
	default:
		return false, nil
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return true, err
	}
	var rs jsonschema.Schema
	if err := json.Unmarshal(raw, &rs); err != nil {
		return true, err
	}
	if p.Schema.HasType(jsonschema.Null) && len(m) > 0 {
		if rs.Type != nil {
			rs.AddType(jsonschema.Null)
		} else {
			inner := rs
			rs = jsonschema.Schema{AnyOf: []jsonschema.SchemaOrBool{inner.ToSchemaOrBool(), (&jsonschema.Schema{}).WithType(jsonschema.Null.Type()).ToSchemaOrBool()}}
		}
	}
	rs.ReflectType = p.Schema.ReflectType
	*p.Schema = rs
	s.r.InlineDefinition(reflect.New(t).Elem().Interface())
	return true, nil
}

// swaggestKnows reports whether t documents itself to swaggest.
func swaggestKnows(t reflect.Type) bool {
	for _, i := range []reflect.Type{
		reflect.TypeFor[jsonschema.Exposer](), reflect.TypeFor[jsonschema.RawExposer](), reflect.TypeFor[jsonschema.Preparer](),
	} {
		if t.Implements(i) || reflect.PointerTo(t).Implements(i) {
			return true
		}
	}
	return false
}
