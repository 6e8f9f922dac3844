package typed

import (
	"encoding/json"
	"reflect"
	"strings"
)

// Secrets (fields tagged format:"password") never reach a 422 body, at any
// depth: the value of a failing secret field is left out (ValidationError.
// Secret), and an input that contains secrets (a nested object, a list of
// them) is echoed without its secret properties, as the top-level "missing"
// input already was.

// holdsSecret reports whether values of t contain a format:"password" field
// at any depth (through pointers, slices, arrays, maps and structs).
func holdsSecret(t reflect.Type) bool { return holdsSecretSeen(t, map[reflect.Type]bool{}) }

func holdsSecretSeen(t reflect.Type, seen map[reflect.Type]bool) bool {
	t = derefType(t)
	if t.Kind() != reflect.Struct || seen[t] {
		return false
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		if sf.Tag.Get("format") == "password" || holdsSecretSeen(sf.Type, seen) {
			return true
		}
	}
	return false
}

// jsonName returns the JSON property name of sf, or "" if it has none.
func jsonName(sf reflect.StructField) string {
	name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	switch {
	case name == "-":
		return ""
	case name == "":
		return sf.Name
	}
	return name
}

// redactJSON returns raw, the JSON input of a value of type t, without the
// properties of its secret fields at any depth, and true; raw itself when t
// holds no secret. When t holds secrets and raw does not have t's shape
// (a list where an object belongs, say), there is no telling where the
// secrets are: it returns false, and the input must not be echoed at all.
func redactJSON(t reflect.Type, raw []byte) (any, bool) {
	if !holdsSecret(t) {
		return json.RawMessage(raw), true
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil, false
	}
	return redactValue(t, v)
}

// redactGo returns v, a Go value (a validator error's input), encoded and
// redacted as [redactJSON] does when its type holds secrets.
func redactGo(v any) (any, bool) {
	if v == nil || !holdsSecret(reflect.TypeOf(v)) {
		return v, true
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, false
	}
	return redactJSON(reflect.TypeOf(v), raw)
}

// redactValue removes, in v (decoded JSON of type t), the properties of
// secret fields. It returns false where v does not have t's shape and t
// holds secrets.
func redactValue(t reflect.Type, v any) (any, bool) {
	t = derefPointer(t)
	if v == nil || !holdsSecret(t) {
		return v, true
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			name := jsonName(sf)
			if !sf.IsExported() || name == "" {
				continue
			}
			if _, ok := obj[name]; !ok {
				continue
			}
			if sf.Tag.Get("format") == "password" {
				delete(obj, name)
				continue
			}
			if obj[name], ok = redactValue(sf.Type, obj[name]); !ok {
				return nil, false
			}
		}
		return obj, true
	case reflect.Slice, reflect.Array:
		list, ok := v.([]any)
		if !ok {
			return nil, false
		}
		for i := range list {
			if list[i], ok = redactValue(t.Elem(), list[i]); !ok {
				return nil, false
			}
		}
		return list, true
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		for k := range obj {
			if obj[k], ok = redactValue(t.Elem(), obj[k]); !ok {
				return nil, false
			}
		}
		return obj, true
	}
	return nil, false
}

// secretPath reports whether the field at path (Go names, as validator's
// namespace writes them, "Extra.Pin" or "Items[0].Pin") below t is secret.
func secretPath(t reflect.Type, path string) bool {
	t = derefType(t)
	secret := false
	for _, seg := range strings.Split(path, ".") {
		name, _ := splitIndex(seg)
		if t.Kind() != reflect.Struct {
			return false
		}
		sf, ok := t.FieldByName(name)
		if !ok {
			return false
		}
		secret = sf.Tag.Get("format") == "password"
		t = derefType(sf.Type)
	}
	return secret
}
