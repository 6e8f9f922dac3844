package typed

import (
	"fmt"
	"net/textproto"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
)

// Bind returns a Dep that binds T from the request and validates it, the
// way [Handle] binds its Req. T is a struct (but see below) whose exported
// fields each say where their value comes from with one tag:
//
//	path:"id"      a path parameter (Echo's :id)
//	query:"limit"  a query parameter; the last occurrence counts
//	header:"X-Key" a request header; the first occurrence counts
//	cookie:"sid"   a cookie; the last occurrence counts
//	form:"name"    a field of an application/x-www-form-urlencoded or
//	               multipart/form-data body; the last occurrence counts and
//	               an empty value counts as missing
//	json:"name"    a property of a JSON object body: T is the body's model
//	body:""        the whole JSON body (FastAPI's one body parameter,
//	               of any type: a model, a list, a dict)
//	body:"item"    the property "item" of a JSON object body (FastAPI's
//	               Body(embed=True), or several body parameters)
//
// A field is required unless it is a pointer, has a `default:"…"` tag, is a
// slice or map read from text, has `json:",omitempty"`, or says
// `required:"false"`. Text values are coerced as pydantic's lax mode does
// ("3" is an int, "yes" a bool). Then `validate:"…"` tags run through
// go-playground/validator. Every problem is reported at once as a 422
// [RequestValidationError] in FastAPI's shape; fields with
// `format:"password"` never have their value echoed back.
//
// # JSON bodies
//
// A body is JSON when its Content-Type is application/json or
// application/<anything>+json. Any other body, or none, is not: a model
// then fails with model_attributes_type at ["body"] (the body echoed as
// text), a whole-body list with list_type, and an embedded property is
// missing. An empty body, or null, is a missing body. Text that is not JSON
// fails with json_invalid at ["body", <position>], the position and message
// those of Python's json module, and that error alone is the answer; text
// Python's json module refuses for another reason (not UTF-8, nested too
// deeply) is a 400, as in FastAPI.
//
// The JSON is validated at every depth as pydantic validates a model in lax
// mode: a nested struct is a model whose fields are required by the rule
// above; errors name the leaf (["body", "items", 1, "price"]) with
// pydantic's type; numbers, booleans and numeric strings are coerced as
// pydantic coerces them ("5.5" is a float, "5" and 5.0 ints); null is
// accepted only by a pointer; properties that are not fields are ignored.
// A map's keys are validated as its key type (errors at [key, "[key]"]).
// An integer too large for its Go type fails the field's upper bound if
// it has one, and int_parsing_size otherwise. See also [Set] and [HTTPURL].
//
// T may also be a slice, a map or any other type that is not a struct:
// the whole body, as with a `body:""` field.
//
// It panics if a field of T has no source tag, or T mixes json, body and
// form fields.
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
	shape    *shape    // json and body fields: how the JSON is validated
	file     fileKind  // form fields: an uploaded file (upload_bind.go)
}

type binder struct {
	typ     reflect.Type
	wrapped bool // the request type is not a struct: typ wraps it as a body:"" field
	empty   bool
	params  []field
	form    []field
	json    []field // json fields (a model), or body fields
	jsonReq bool
	// mode says what the JSON fields are: the properties of the body's
	// model, the body itself (body:""), or properties of it validated one
	// by one (body:"name", FastAPI's embedded body parameters).
	mode  bodyMode
	model *shape // modelBody: the model made of the json fields
	// tagChecks are the schema tags to enforce (schema_tags.go).
	tagChecks []tagCheck
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

type bodyMode uint8

const (
	modelBody    bodyMode = iota // json:"name" fields: the body is their model
	wholeBody                    // one body:"" field: the body itself
	embeddedBody                 // body:"name" fields: properties of the body
)

var sources = [...]string{"path", "query", "header", "cookie", "form", "json", "body"}

func newBinder(t reflect.Type) *binder {
	b := &binder{typ: t, byName: map[string]*field{}}
	if t.Kind() != reflect.Struct {
		b.wrapped = true
		tag := `body:""`
		if (t.Kind() == reflect.Slice || t.Kind() == reflect.Map) && hasValidateTags(t, map[reflect.Type]bool{}) {
			tag += ` validate:"dive"` // pydantic validates every element
		}
		b.typ = reflect.StructOf([]reflect.StructField{{Name: "Body", Type: t, Tag: reflect.StructTag(tag)}})
	}
	b.collect(b.typ, nil)
	b.empty = len(b.params)+len(b.form)+len(b.json) == 0
	b.validate = hasValidateTags(b.typ, map[reflect.Type]bool{})
	for _, list := range [][]field{b.params, b.form, b.json} {
		for i := range list {
			f := &list[i]
			f.rank = sourceRank(f.in)<<16 | i
			b.secretJSON = b.secretJSON || (f.in == "json" || f.in == "body") && (f.secret || holdsSecret(f.typ))
			b.byName[f.goName] = f
		}
	}
	b.plan()
	b.planSchemaTags()
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
		case "json", "body":
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

// plan decides the body mode and builds the shapes of the JSON fields.
func (b *binder) plan() {
	if len(b.json) == 0 {
		return
	}
	var kinds [3]int
	for _, f := range b.json {
		switch {
		case f.in == "json":
			kinds[modelBody]++
		case f.name == "":
			kinds[wholeBody]++
		default:
			kinds[embeddedBody]++
		}
	}
	switch {
	case kinds[modelBody] == len(b.json):
		b.mode = modelBody
	case kinds[wholeBody] == 1 && len(b.json) == 1:
		b.mode = wholeBody
	case kinds[embeddedBody] == len(b.json):
		b.mode = embeddedBody
	default:
		panic(fmt.Sprintf("typed: %v: the body is json fields (its model), one body:\"\" field (the whole body) or body:\"name\" fields (its properties), never a mix", b.typ))
	}
	m := shapes{}
	for i := range b.json {
		b.json[i].shape = m.of(b.json[i].typ)
	}
	if b.mode == modelBody {
		b.model = &shape{typ: b.typ, kind: sStruct, secret: b.secretJSON}
		for _, f := range b.json {
			jf := jsonField{name: f.name, goName: f.goName, index: f.index, shape: f.shape, required: f.required, secret: f.secret}
			if f.hasDef {
				jf.def = parseDefault(f.def, f.typ, m)
			}
			b.model.fields = append(b.model.fields, jf)
		}
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
		if name == "" && s != "body" {
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
	if f.in == "form" && f.setFile(sf.Type) {
		// an uploaded file: see upload_bind.go
	} else if f.in != "json" && f.in != "body" {
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
	if requiredRule(sf.Tag) {
		f.required = true // validate:"required": missing is an error, as documented
	}
	return f, true
}

func hasValidateTags(t reflect.Type, seen map[reflect.Type]bool) bool {
	t = derefType(t)
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
	case len(b.json) > 0 && b.mode == wholeBody:
		body.ContentType, body.Required, body.Type = "application/json", b.jsonReq, b.json[0].typ
	case len(b.json) > 0:
		body.ContentType, body.Required = "application/json", b.jsonReq
		for _, f := range b.json {
			p := f.param()
			p.In = "json"
			body.Fields = append(body.Fields, p)
		}
	case len(b.form) > 0:
		body.ContentType, body.Required = b.formContentType(), b.formReq
		for _, f := range b.form {
			body.Fields = append(body.Fields, f.param())
		}
	default:
		return
	}
	d.SetBody(body)
}

func (f *field) param() Param {
	return Param{In: f.in, Name: f.name, Field: f.goName, Index: f.index, Type: f.typ, Required: f.required, Default: f.def, HasDefault: f.hasDef, Tag: f.tag, File: f.file != noFile}
}
