package openapi

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"

	"github.com/fastecho/fastecho/internal/rules"
	"github.com/swaggest/jsonschema-go"
)

// validateProp documents a property's validate tag, the rules the server
// checks with go-playground/validator: their JSON Schema keywords on the
// property (minLength, maximum, pattern, enum, …), on its items or map
// values after "dive" and on its map keys after "keys"; "required" in the
// parent's required list and without null; and what no keyword says
// exactly in the description. Sized integers get the bounds of their type.
func validateProp(p jsonschema.InterceptPropParams) error {
	s := p.PropertySchema
	typeBounds(s, p.Field.Type)
	tag := p.Field.Tag.Get("validate")
	if tag == "" || tag == "-" {
		return nil
	}
	chain, err := rules.Parse(tag)
	if err != nil {
		return fmt.Errorf("field %s: %w", p.Field.Name, err)
	}
	d := chain.Doc(p.Field.Type)
	if d.Self.Required {
		s.RemoveType(jsonschema.Null)
	}
	return applyDoc(s, d, p.Field.Name)
}

// applyDoc puts d on s and words what no keyword states in s's
// description.
func applyDoc(s *jsonschema.Schema, d *rules.Doc, field string) error {
	notes, err := docKeywords(s, d, field, "")
	if err != nil || len(notes) == 0 {
		return err
	}
	desc := ""
	if s.Description != nil {
		desc = *s.Description + "\n\n"
	}
	s.WithDescription(desc + strings.Join(notes, " "))
	return nil
}

// docKeywords puts d's keywords on s, its items (a slice's items, a map's
// additionalProperties) and its keys (propertyNames), and returns the
// notes of what they do not state. Rules on items that s does not show (a
// named slice type's $ref) are all notes.
func docKeywords(s *jsonschema.Schema, d *rules.Doc, field, of string) ([]string, error) {
	if err := applyKeywords(s, d.Self, field); err != nil {
		return nil, err
	}
	notes := notesOf(d.Self, of)
	each := "each item"
	if of != "" {
		each = of + ", each item"
	}
	if d.Items != nil {
		var items *jsonschema.Schema
		switch {
		case s.Items != nil && s.Items.SchemaOrBool != nil && s.Items.SchemaOrBool.TypeObject != nil:
			items = s.Items.SchemaOrBool.TypeObject
		case s.AdditionalProperties != nil && s.AdditionalProperties.TypeObject != nil:
			items = s.AdditionalProperties.TypeObject
		}
		if items == nil {
			d.Items.Self.Notes = d.Items.Self.Tags
			notes = append(notes, notesOf(d.Items.Self, each)...)
		} else {
			if d.Items.Self.Required {
				items.RemoveType(jsonschema.Null)
			}
			more, err := docKeywords(items, d.Items, field, each)
			if err != nil {
				return nil, err
			}
			notes = append(notes, more...)
		}
	}
	if d.Keys != nil {
		keys := &jsonschema.Schema{}
		if err := applyKeywords(keys, d.Keys.Self, field); err != nil {
			return nil, err
		}
		if len(d.Keys.Self.Map()) > 0 {
			s.PropertyNames = &jsonschema.SchemaOrBool{TypeObject: keys}
		}
		notes = append(notes, notesOf(d.Keys.Self, "each key")...)
	}
	return notes, nil
}

// notesOf words the rules that keywords do not state exactly.
func notesOf(k *rules.Keywords, of string) []string {
	if len(k.Notes) == 0 {
		return nil
	}
	q := make([]string, len(k.Notes))
	for i, n := range k.Notes {
		q[i] = "`" + n + "`"
	}
	who := "Validated"
	if of != "" {
		who = strings.ToUpper(of[:1]) + of[1:] + " validated"
	}
	return []string{who + " as " + strings.Join(q, ", ") + " (go-playground/validator)."}
}

// applyKeywords sets k's keywords on s. A keyword that s already has with
// another value (a schema tag saying something else) is an error.
func applyKeywords(s *jsonschema.Schema, k *rules.Keywords, field string) error {
	m := k.Map()
	if len(m) == 0 {
		return nil
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var add jsonschema.Schema
	if err := json.Unmarshal(raw, &add); err != nil {
		return err
	}
	dst, src := reflect.ValueOf(s).Elem(), reflect.ValueOf(add)
	for i := 0; i < src.NumField(); i++ {
		f := src.Field(i)
		if f.IsZero() || src.Type().Field(i).Tag.Get("json") == "-" {
			continue
		}
		d := dst.Field(i)
		if !d.IsZero() && !reflect.DeepEqual(d.Interface(), f.Interface()) {
			name, _, _ := strings.Cut(src.Type().Field(i).Tag.Get("json"), ",")
			return fmt.Errorf("field %s: the validate tag and a schema tag both set %s; keep one of them", field, name)
		}
		d.Set(f)
	}
	return nil
}

// typeBounds documents the range of a sized integer type (int8…int32,
// uint8…uint32), which a value must fit in; int, int64 and uint64 are left
// unbounded, as FastAPI documents int.
func typeBounds(s *jsonschema.Schema, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var lo, hi float64
	switch t.Kind() {
	case reflect.Int8, reflect.Int16, reflect.Int32:
		bits := t.Bits()
		lo, hi = -math.Pow(2, float64(bits-1)), math.Pow(2, float64(bits-1))-1
	case reflect.Uint8, reflect.Uint16, reflect.Uint32:
		hi = math.Pow(2, float64(t.Bits())) - 1
	default:
		return
	}
	if !s.HasType(jsonschema.Integer) {
		return
	}
	if s.Minimum == nil || *s.Minimum < lo {
		s.Minimum = &lo
	}
	if s.Maximum == nil || *s.Maximum > hi {
		s.Maximum = &hi
	}
}
