package typed

import (
	"fmt"
	"net/textproto"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
)

// Bind returns a Dep that binds T from the request and validates it, the
// way [Handle] binds its Req. T must be a struct; each exported field says
// where its value comes from with one tag:
//
//	path:"id"      a path parameter (Echo's :id)
//	query:"limit"  a query parameter; the last occurrence counts
//	header:"X-Key" a request header; the first occurrence counts
//	cookie:"sid"   a cookie; the last occurrence counts
//	form:"name"    a field of an application/x-www-form-urlencoded or
//	               multipart/form-data body; the last occurrence counts and
//	               an empty value counts as missing
//	json:"name"    a property of a JSON object body
//
// A field is required unless it is a pointer, has a `default:"…"` tag, is a
// slice or map read from text, has `json:",omitempty"`, or says
// `required:"false"`. Text values are coerced as pydantic's lax mode does
// ("3" is an int, "yes" a bool). Then `validate:"…"` tags run through
// go-playground/validator. Every problem is reported at once as a 422
// [RequestValidationError] in FastAPI's shape; fields with
// `format:"password"` never have their value echoed back.
//
// It panics if T is not a struct or a field has no source tag.
func Bind[T any]() Dep[T] {
	return &bindDep[T]{b: newBinder(reflect.TypeFor[T]())}
}

// BindWith is [Bind] validating with v instead of the API's validator
// ([Options].Validate), so that struct-level rules registered on v with
// RegisterStructValidation run even when T has no validate tags. A nil v is
// Bind.
func BindWith[T any](v *validator.Validate) Dep[T] {
	b := newBinder(reflect.TypeFor[T]())
	if v != nil {
		b.validator, b.validate = v, true
	}
	return &bindDep[T]{b: b}
}

type bindDep[T any] struct{ b *binder }

func (d *bindDep[T]) Resolve(r *Request) (T, error) {
	var v T
	err := d.b.bind(r, reflect.ValueOf(&v).Elem())
	return v, err
}

func (d *bindDep[T]) Describe(doc *Doc) { d.b.describe(doc) }

// field is the registration-time plan for one field of a bound struct.
type field struct {
	index    []int
	goName   string
	in       string // path, query, header, cookie, form, json
	name     string // name as written in the tag (used in loc and docs)
	key      string // lookup key: a header's canonical form, else name
	rank     int    // position in FastAPI's error order (source, then field)
	tag      reflect.StructTag
	typ      reflect.Type
	required bool
	def      string
	hasDef   bool
	secret   bool
	conv     converter // scalar from text
	multi    bool      // slice from several text values
}

type binder struct {
	typ     reflect.Type
	empty   bool
	params  []field
	form    []field
	json    []field
	jsonReq bool
	// secretJSON: a JSON field has format:"password" or holds one at any
	// depth, so a body that is not an object is not echoed in a 422
	// either.
	secretJSON bool
	formReq    bool
	validate   bool
	// validator replaces the API's validator when not nil (BindWith).
	validator *validator.Validate
	byName    map[string]*field // Go field name → field, for validator errors
}

var sources = [...]string{"path", "query", "header", "cookie", "form", "json"}

func newBinder(t reflect.Type) *binder {
	if t.Kind() != reflect.Struct {
		panic(fmt.Sprintf("typed: request type %v must be a struct", t))
	}
	b := &binder{typ: t, byName: map[string]*field{}}
	b.collect(t, nil)
	b.empty = len(b.params)+len(b.form)+len(b.json) == 0
	b.validate = hasValidateTags(t, map[reflect.Type]bool{})
	for _, list := range [][]field{b.params, b.form, b.json} {
		for i := range list {
			f := &list[i]
			f.rank = sourceRank(f.in)<<16 | i
			b.secretJSON = b.secretJSON || f.in == "json" && (f.secret || holdsSecret(f.typ))
			b.byName[f.goName] = f
		}
	}
	return b
}

func (b *binder) collect(t reflect.Type, index []int) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		idx := append(append([]int{}, index...), i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct && !hasSourceTag(sf.Tag) {
			b.collect(sf.Type, idx)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		f, ok := newField(sf, idx)
		if !ok {
			if sf.Tag.Get("json") == "-" {
				continue
			}
			panic(fmt.Sprintf("typed: field %s of %v needs one of the tags path, query, header, cookie, form or json", sf.Name, t))
		}
		switch f.in {
		case "json":
			b.json = append(b.json, f)
			b.jsonReq = b.jsonReq || f.required
		case "form":
			b.form = append(b.form, f)
			b.formReq = b.formReq || f.required
		default:
			b.params = append(b.params, f)
		}
	}
	if len(b.json) > 0 && len(b.form) > 0 {
		panic(fmt.Sprintf("typed: %v mixes json and form fields; a body is one or the other", t))
	}
}

// sourceRank orders errors as FastAPI reports them: path, query, header,
// cookie parameters, then the body.
func sourceRank(in string) int {
	switch in {
	case "path":
		return 0
	case "query":
		return 1
	case "header":
		return 2
	case "cookie":
		return 3
	}
	return 4
}

func hasSourceTag(tag reflect.StructTag) bool {
	for _, s := range sources {
		if v, ok := tag.Lookup(s); ok && v != "-" {
			return true
		}
	}
	return false
}

func newField(sf reflect.StructField, idx []int) (field, bool) {
	f := field{index: idx, goName: sf.Name, tag: sf.Tag, typ: sf.Type}
	for _, s := range sources {
		v, ok := sf.Tag.Lookup(s)
		if !ok || v == "-" {
			continue
		}
		name, opts, _ := strings.Cut(v, ",")
		if name == "" {
			name = sf.Name
		}
		f.in, f.name = s, name
		f.required = !strings.Contains(opts, "omitempty")
		break
	}
	if f.in == "" {
		return f, false
	}
	f.key = f.name
	if f.in == "header" {
		f.key = textproto.CanonicalMIMEHeaderKey(f.name)
	}
	f.def, f.hasDef = sf.Tag.Lookup("default")
	f.secret = sf.Tag.Get("format") == "password"
	k := sf.Type.Kind()
	f.required = f.required && !f.hasDef && k != reflect.Pointer && k != reflect.Interface
	if f.in != "json" {
		f.conv = converterFor(sf.Type)
		if f.conv == nil && (k == reflect.Slice) && sf.Type.Elem().Kind() != reflect.Uint8 {
			if elem := converterFor(sf.Type.Elem()); elem != nil {
				f.multi, f.conv = true, elem
				f.required = false
			}
		}
		if f.conv == nil {
			panic(fmt.Sprintf("typed: %s field %s has type %v, which cannot be read from text", f.in, sf.Name, sf.Type))
		}
		if f.in == "path" {
			f.required = true
		}
	} else if k == reflect.Slice || k == reflect.Map {
		f.required = f.required && !f.hasDef
	}
	if r, ok := sf.Tag.Lookup("required"); ok && f.in != "path" {
		f.required = r == "true"
	}
	return f, true
}

func hasValidateTags(t reflect.Type, seen map[reflect.Type]bool) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return false
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if v := sf.Tag.Get("validate"); v != "" && v != "-" {
			return true
		}
		if hasValidateTags(sf.Type, seen) {
			return true
		}
	}
	return false
}

// describe records the parameters and body on the operation.
func (b *binder) describe(d *Doc) {
	for _, f := range b.params {
		d.op.Params = append(d.op.Params, f.param())
	}
	body := Body{Type: b.typ}
	switch {
	case len(b.json) > 0:
		body.ContentType, body.Required = "application/json", b.jsonReq
		for _, f := range b.json {
			body.Fields = append(body.Fields, f.param())
		}
	case len(b.form) > 0:
		body.ContentType, body.Required = "application/x-www-form-urlencoded", b.formReq
		for _, f := range b.form {
			body.Fields = append(body.Fields, f.param())
		}
	default:
		return
	}
	d.SetBody(body)
}

func (f *field) param() Param {
	return Param{In: f.in, Name: f.name, Field: f.goName, Index: f.index, Type: f.typ, Required: f.required, Default: f.def, HasDefault: f.hasDef, Tag: f.tag}
}
