package openapi

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/fastecho/fastecho/internal/rules"
	"github.com/fastecho/fastecho/typed"
	"github.com/swaggest/jsonschema-go"
	"github.com/swaggest/openapi-go/openapi31"
)

const componentsSchemas = "#/components/schemas/"

// schemas reflects Go types into JSON Schema with swaggest and collects the
// named ones under components.schemas. One instance serves one document, so
// that definition names are unique within it; within it each Go type (and
// each field type with its tags) is reflected once, and every later use
// gets a copy of that schema.
type schemas struct {
	r      *openapi31.Reflector
	comps  map[string]map[string]any
	types  map[reflect.Type]map[string]any
	fields map[fieldKey]map[string]any
	defs   map[reflect.Type]string // the component of each type met as a value
}

// fieldKey is what a field's schema depends on: its type and the tags
// that fieldSchema keeps.
type fieldKey struct {
	t   reflect.Type
	tag string
}

func newSchemas() *schemas {
	return &schemas{
		r:      openapi31.NewReflector(),
		comps:  map[string]map[string]any{},
		types:  map[reflect.Type]map[string]any{},
		fields: map[fieldKey]map[string]any{},
		defs:   map[reflect.Type]string{},
	}
}

// options are the reflection rules of every schema: definitions go to
// components.schemas under their Go type name, and the Go type decides
// which properties are required and which are nullable (see jsonRequired and
// nullability), not swaggest's defaults.
func (s *schemas) options(extra ...func(*jsonschema.ReflectContext)) []func(*jsonschema.ReflectContext) {
	return append([]func(*jsonschema.ReflectContext){
		jsonschema.DefinitionsPrefix(componentsSchemas),
		jsonschema.CollectDefinitions(s.collect),
		jsonschema.InterceptDefName(defName),
		jsonschema.InterceptProp(prop),
		jsonschema.InterceptNullability(nullability),
		jsonschema.InterceptSchema(s.custom), // typed.JSONSchemer, json.Marshaler: custom.go
		jsonschema.ProcessWithoutTags,        // untagged fields are sent under their Go names
	}, extra...)
}

func (s *schemas) collect(name string, schema jsonschema.Schema) {
	if _, ok := s.comps[name]; ok {
		return
	}
	if t := schema.ReflectType; t != nil && t.Kind() != reflect.Pointer {
		s.defs[t] = name
	}
	m, err := schema.ToSchemaOrBool().ToSimpleMap()
	if err != nil {
		panic("openapi: " + err.Error()) // a reflected schema always encodes
	}
	s.comps[name] = m
}

// typeSchema returns the schema of values of type t: a $ref for named
// structs, inline otherwise. A nil t is any value ({}).
func (s *schemas) typeSchema(t reflect.Type) (map[string]any, error) {
	if t == nil {
		return map[string]any{}, nil
	}
	if m, ok := s.types[t]; ok {
		return cloneMap(m), nil
	}
	if name, ok := s.defs[t]; ok {
		// A component already: its reflection would refer to it.
		m := map[string]any{"$ref": componentsSchemas + name}
		s.types[t] = m
		return cloneMap(m), nil
	}
	sch, err := s.r.Reflect(reflect.New(t).Interface(), s.options(jsonschema.RootRef)...)
	if err != nil {
		return nil, fmt.Errorf("openapi: schema of %v: %w", t, err)
	}
	m, err := sch.ToSchemaOrBool().ToSimpleMap()
	if err != nil {
		return nil, err
	}
	if t.Kind() != reflect.Pointer {
		stripNull(m) // a top-level slice or map, documented as FastAPI documents list and dict
	}
	s.types[t] = m
	return cloneMap(m), nil
}

// fieldSchema returns the schema of one parameter or body field: its Go
// type plus the schema keywords of its tags (description, format, pattern,
// default, enum, minimum, …). The tags that say where the value comes from
// and whether it is required are left to typed, whose rule the document
// follows.
func (s *schemas) fieldSchema(p typed.Param) (map[string]any, error) {
	if p.Type == nil {
		return map[string]any{}, nil
	}
	key := fieldKey{p.Type, schemaTags(p.Tag)}
	if m, ok := s.fields[key]; ok {
		return cloneMap(m), nil
	}
	tag := `json:"v" ` + key.tag
	st := reflect.StructOf([]reflect.StructField{{Name: "V", Type: p.Type, Tag: reflect.StructTag(tag)}})
	sch, err := s.r.Reflect(reflect.New(st).Interface(), s.options()...)
	if err != nil {
		return nil, fmt.Errorf("openapi: schema of %s %q (%v): %w", p.In, p.Name, p.Type, err)
	}
	m := map[string]any{}
	if prop, ok := sch.Properties["v"]; ok {
		if m, err = prop.ToSimpleMap(); err != nil {
			return nil, err
		}
	}
	s.fields[key] = m
	return cloneMap(m), nil
}

// cloneMap copies a schema decoded from JSON, and the maps and slices in
// it, so that a change to the copy leaves m as it is.
func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = cloneValue(v)
	}
	return out
}

func cloneValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return cloneMap(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = cloneValue(e)
		}
		return out
	}
	return v
}

// notSchemaTags are the field tags that fieldSchema leaves out: sources
// and requiredness (validate tags stay, for validateProp).
var notSchemaTags = map[string]bool{
	"path": true, "query": true, "header": true, "cookie": true, "form": true, "json": true,
	"required": true, "nullable": true,
}

// schemaTags returns tag without the keys in notSchemaTags. It follows the
// grammar of reflect.StructTag: key:"quoted value" pairs separated by spaces.
func schemaTags(tag reflect.StructTag) string {
	var b strings.Builder
	t := string(tag)
	for t != "" {
		i := 0
		for i < len(t) && t[i] == ' ' {
			i++
		}
		t = t[i:]
		i = 0
		for i < len(t) && t[i] > ' ' && t[i] != ':' && t[i] != '"' && t[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(t) || t[i] != ':' || t[i+1] != '"' {
			break
		}
		name := t[:i]
		t = t[i+1:]
		i = 1
		for i < len(t) && t[i] != '"' {
			if t[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(t) {
			break
		}
		qvalue := t[:i+1]
		t = t[i+1:]
		if notSchemaTags[name] {
			continue
		}
		if _, err := strconv.Unquote(qvalue); err != nil {
			continue
		}
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(qvalue)
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// jsonRequired is typed's rule for a JSON property, applied to every struct
// the document reflects: required unless a pointer or interface, omitempty
// or omitzero, or given a default; a required tag decides over all of it,
// and a validate tag with the rule "required" makes it required.
func jsonRequired(f reflect.StructField) bool {
	_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	_, hasDef := f.Tag.Lookup("default")
	k := f.Type.Kind()
	req := !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") &&
		!hasDef && k != reflect.Pointer && k != reflect.Interface
	if r, ok := f.Tag.Lookup("required"); ok {
		req = r == "true"
	}
	if c, err := rules.Parse(f.Tag.Get("validate")); err == nil && c.Required() {
		req = true
	}
	return req
}

// prop documents a reflected property as typed reads it: requiredProp,
// then the rules of its validate tag (validateProp).
func prop(p jsonschema.InterceptPropParams) error {
	if !p.Processed || p.ParentSchema == nil {
		return nil
	}
	requiredProp(p)
	return validateProp(p)
}

// requiredProp replaces swaggest's rule (required only when tagged) by
// jsonRequired.
func requiredProp(p jsonschema.InterceptPropParams) {
	req := p.ParentSchema.Required[:0:0]
	for _, n := range p.ParentSchema.Required {
		if n != p.Name {
			req = append(req, n)
		}
	}
	if jsonRequired(p.Field) {
		req = append(req, p.Name)
	}
	p.ParentSchema.Required = req
}

// nullability keeps "null" for pointers only: a Go slice or map is
// documented as an array or object, as FastAPI documents list and dict,
// though encoding/json writes a nil one as null.
func nullability(p jsonschema.InterceptNullabilityParams) {
	if !p.NullAdded || p.Type == nil {
		return
	}
	if k := p.Type.Kind(); k == reflect.Slice || k == reflect.Map {
		p.Schema.RemoveType(jsonschema.Null)
	}
}

var (
	pkgQualifier = regexp.MustCompile(`[\w./-]*\.`)
	typeArgIndex = regexp.MustCompile(`·\d+`)
	notNameChar  = regexp.MustCompile(`[^A-Za-z0-9.\-_]`)
)

// defName names a component after its Go type without the package, as
// FastAPI names it after the pydantic class: "Item", and "Page_Item_" for
// Page[Item]. swaggest adds a suffix when two types would share a name.
func defName(t reflect.Type, def string) string {
	n := t.Name()
	if n == "" {
		return def
	}
	if strings.ContainsRune(n, '[') {
		n = typeArgIndex.ReplaceAllString(pkgQualifier.ReplaceAllString(n, ""), "")
		n = notNameChar.ReplaceAllString(n, "_")
	}
	return n
}

// stripNull removes "null" from a schema's type, for values that come from
// text (parameters, form fields), which cannot be null.
func stripNull(m map[string]any) {
	switch t := m["type"].(type) {
	case []any:
		var keep []any
		for _, v := range t {
			if v != "null" {
				keep = append(keep, v)
			}
		}
		switch len(keep) {
		case 0:
			delete(m, "type")
		case 1:
			m["type"] = keep[0]
		default:
			m["type"] = keep
		}
	case string:
		if t == "null" {
			delete(m, "type")
		}
	}
}
