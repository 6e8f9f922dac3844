package openapi

import (
	"reflect"
	"strings"

	"github.com/fastecho/fastecho/typed"
	"github.com/swaggest/openapi-go/openapi31"
)

// requestBody documents op.Body. A JSON body whose Go type holds nothing
// but body fields refers to that type's schema, as FastAPI refers to a
// pydantic model; any other body (form bodies, JSON fields mixed with
// parameters in one request struct) is an object named Body_<operationId>,
// FastAPI's name, instead of swaggest's FormData….
func (b *builder) requestBody(op *typed.Operation) (*openapi31.RequestBody, error) {
	body := op.Body
	ct := body.ContentType
	if ct == "" {
		ct = mimeJSON
	}
	var ref map[string]any
	var err error
	if ct == mimeJSON && len(body.Fields) == 0 && body.Type != nil {
		// The whole body is one value (typed's body:"" field, or a
		// request type that is a slice or a map).
		ref, err = b.sch.typeSchema(body.Type)
		if err != nil {
			return nil, err
		}
	} else if ct == mimeJSON && pureBody(body.Type) {
		ref, err = b.sch.typeSchema(body.Type)
		if err != nil {
			return nil, err
		}
		if name, ok := strings.CutPrefix(refOf(ref), componentsSchemas); ok {
			if comp := b.sch.comps[name]; comp != nil {
				setRequired(comp, body.Fields)
			}
		} else {
			ref = nil
		}
	}
	if ref == nil {
		obj, err := b.bodyObject(op, ct != mimeJSON)
		if err != nil {
			return nil, err
		}
		name := "Body_" + op.OperationID
		if op.OperationID == "" {
			name = "Body_" + notNameChar.ReplaceAllString(op.Method+op.OpenAPIPath(), "_")
		}
		b.sch.comps[name] = obj
		ref = map[string]any{"$ref": componentsSchemas + name}
	}
	rb := &openapi31.RequestBody{Content: map[string]openapi31.MediaType{ct: {Schema: ref}}}
	if body.Required {
		rb.WithRequired(true)
	}
	return rb, nil
}

// bodyObject is the object schema of a body built from its fields, their
// schemas and typed's required.
func (b *builder) bodyObject(op *typed.Operation, text bool) (map[string]any, error) {
	props := map[string]any{}
	var required []any
	for _, f := range op.Body.Fields {
		if f.File {
			props[f.Name] = fileSchema(f)
			if f.Required {
				required = append(required, f.Name)
			}
			continue
		}
		sch, err := b.sch.fieldSchema(f)
		if err != nil {
			return nil, err
		}
		if text {
			stripNull(sch)
		}
		props[f.Name] = sch
		if f.Required {
			required = append(required, f.Name)
		}
	}
	obj := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		obj["required"] = required
	}
	return obj, nil
}

// pureBody reports whether t is a named struct whose fields are all body
// fields (json or form), by typed's rule for a field's source: the first of
// the tags path, query, header, cookie, form, json.
func pureBody(t reflect.Type) bool {
	if t == nil || t.Kind() != reflect.Struct || t.Name() == "" {
		return false
	}
	var walk func(t reflect.Type) bool
	walk = func(t reflect.Type) bool {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			src := fieldSource(sf.Tag)
			if sf.Anonymous && sf.Type.Kind() == reflect.Struct && src == "" {
				if !walk(sf.Type) {
					return false
				}
				continue
			}
			if !sf.IsExported() {
				continue
			}
			if src != "" && src != "json" && src != "form" {
				return false
			}
		}
		return true
	}
	return walk(t)
}

func fieldSource(tag reflect.StructTag) string {
	for _, s := range [...]string{"path", "query", "header", "cookie", "form", "json", "body"} {
		if v, ok := tag.Lookup(s); ok && v != "-" {
			return s
		}
	}
	return ""
}

func refOf(m map[string]any) string {
	r, _ := m["$ref"].(string)
	return r
}

// setRequired makes a component's required list typed's.
func setRequired(comp map[string]any, fields []typed.Param) {
	var req []any
	for _, f := range fields {
		if f.Required {
			req = append(req, f.Name)
		}
	}
	if len(req) == 0 {
		delete(comp, "required")
		return
	}
	comp["required"] = req
}

// fileSchema documents an uploaded file field as FastAPI documents bytes
// and UploadFile: a string of contentMediaType application/octet-stream,
// or an array of them, with the field's description.
func fileSchema(f typed.Param) map[string]any {
	sch := map[string]any{"type": "string", "contentMediaType": "application/octet-stream"}
	if t := f.Type; t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 {
		sch = map[string]any{"type": "array", "items": sch}
	}
	if d := f.Tag.Get("description"); d != "" {
		sch["description"] = d
	}
	return sch
}
