package typed

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// The second half of reading a JSON body as FastAPI does (the first is
// pyjson.go): the parsed value is validated against the Go type as pydantic
// validates a Python value against a model in lax mode, at every depth.
// Each Go type gets a shape at registration; a request walks the shapes.

const msgModel = "Input should be a valid dictionary or object to extract fields from"

type shapeKind uint8

const (
	sJSON   shapeKind = iota // anything else: encoding/json (json.Unmarshaler, arrays, …)
	sAny                     // an interface: any JSON value
	sPtr                     // a pointer: JSON null is nil (pydantic's X | None)
	sString                  // str
	sInt                     // int, of any Go integer kind
	sFloat                   // float
	sBool                    // bool
	sSlice                   // list[X]
	sSet                     // Set[X]: set[X]
	sMap                     // dict[K, V]
	sStruct                  // a model
	sURL                     // HTTPURL: pydantic's HttpUrl
	sText                    // encoding.TextUnmarshaler, from a string
	sTime                    // time.Time: datetime
)

// shape is the registration-time plan for validating JSON into one Go type.
type shape struct {
	typ    reflect.Type
	kind   shapeKind
	elem   *shape      // pointer, slice and set elements, map values
	key    *shape      // map keys
	fields []jsonField // struct fields, embedded structs flattened
	secret bool        // values hold a format:"password" field somewhere
}

// jsonField is one property of a model.
type jsonField struct {
	name     string
	goName   string
	index    []int
	shape    *shape
	required bool
	def      *jvalue // the default tag, parsed
	secret   bool    // format:"password"
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	jsonUnmarshal = reflect.TypeFor[json.Unmarshaler]()
	setMarker     = reflect.TypeFor[interface{ pydanticSet() }]()
)

// shapes builds the shapes of one binder's types; recursive types share
// their shape.
type shapes map[reflect.Type]*shape

func (m shapes) of(t reflect.Type) *shape {
	if sh := m[t]; sh != nil {
		return sh
	}
	sh := &shape{typ: t, secret: holdsSecret(t)}
	m[t] = sh
	pt := reflect.PointerTo(t)
	switch {
	case t == timeType:
		sh.kind = sTime
	case t == reflect.TypeFor[HTTPURL]():
		sh.kind = sURL
	case t.Implements(setMarker):
		sh.kind, sh.elem = sSet, m.of(t.Elem())
	case t.Kind() == reflect.Pointer:
		sh.kind, sh.elem = sPtr, m.of(t.Elem())
	case pt.Implements(jsonUnmarshal):
		sh.kind = sJSON
	case pt.Implements(textUnmarshaler):
		sh.kind = sText
	default:
		switch t.Kind() {
		case reflect.Interface:
			sh.kind = sAny
		case reflect.String:
			sh.kind = sString
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			sh.kind = sInt
		case reflect.Float32, reflect.Float64:
			sh.kind = sFloat
		case reflect.Bool:
			sh.kind = sBool
		case reflect.Slice:
			if t.Elem().Kind() != reflect.Uint8 { // []byte is base64, as encoding/json has it
				sh.kind, sh.elem = sSlice, m.of(t.Elem())
			}
		case reflect.Map:
			sh.kind, sh.key, sh.elem = sMap, m.of(t.Key()), m.of(t.Elem())
			switch sh.key.kind {
			case sString, sInt, sFloat, sBool, sText:
			default:
				panic(fmt.Sprintf("typed: map key type %v cannot be read from a JSON object's keys", t.Key()))
			}
		case reflect.Struct:
			sh.kind = sStruct
			m.collectFields(sh, t, nil)
		}
	}
	return sh
}

// collectFields lists t's JSON properties as encoding/json sends them:
// named by the json tag or the Go name, embedded structs without a name
// flattened.
func (m shapes) collectFields(sh *shape, t reflect.Type, index []int) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		idx := append(append([]int{}, index...), i)
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if sf.Anonymous && name == "" {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				if sf.Type.Kind() == reflect.Pointer {
					panic(fmt.Sprintf("typed: embedded pointer %s of %v: embed the struct itself", sf.Name, t))
				}
				m.collectFields(sh, ft, idx)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f := jsonField{name: name, goName: sf.Name, index: idx, shape: m.of(sf.Type),
			required: jsonFieldRequired(sf), secret: sf.Tag.Get("format") == "password"}
		if def, ok := sf.Tag.Lookup("default"); ok {
			f.def = parseDefault(def, sf.Type, m)
		}
		sh.fields = append(sh.fields, f)
	}
}

// jsonFieldRequired is the rule for a model's property: required unless a
// pointer or interface, omitempty or omitzero, or given a default; a
// required tag decides over all of that.
func jsonFieldRequired(sf reflect.StructField) bool {
	_, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
	_, hasDef := sf.Tag.Lookup("default")
	k := sf.Type.Kind()
	req := !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") &&
		!hasDef && k != reflect.Pointer && k != reflect.Interface
	if r, ok := sf.Tag.Lookup("required"); ok {
		req = r == "true"
	}
	return req
}

// parseDefault parses a default tag: JSON if it is valid JSON, else a
// string. It panics if the value does not fit t, a programmer error.
func parseDefault(def string, t reflect.Type, m shapes) *jvalue {
	j, err := parsePythonJSON([]byte(def))
	if err != nil || t.Kind() == reflect.String && j.kind != jString {
		j = jvalue{kind: jString, s: def}
	}
	var d jdecoder
	if !d.decode(m.of(t), reflect.New(t).Elem(), &j, false) {
		panic(fmt.Sprintf("typed: default %q is not a valid %v: %s", def, t, d.errs[0].Msg))
	}
	return &j
}

// jdecoder validates one body, gathering pydantic's errors.
type jdecoder struct {
	errs     []ValidationError
	loc      []any
	failed   [][]any // where a value failed; validator errors there and below are dropped
	overflow [][]any // integers that do not fit their Go type
}

func (d *jdecoder) here() []any { return append([]any(nil), d.loc...) }

func (d *jdecoder) push(k any) { d.loc = append(d.loc, k) }
func (d *jdecoder) pop()       { d.loc = d.loc[:len(d.loc)-1] }

// fail records an error at the current location about j, expected to be a
// sh; the input is left out when it is or may hold a secret.
func (d *jdecoder) fail(sh *shape, j *jvalue, typ, msg string, ctx map[string]any, secret bool) bool {
	var input any
	if j != nil {
		input = j.input()
		if !secret && sh != nil && sh.secret {
			if redacted, shown := redactValue(sh.typ, j.input()); shown {
				input = redacted
			} else {
				secret = true // input stays, to be left out
			}
		}
	}
	loc := d.here()
	d.errs = append(d.errs, ValidationError{Type: typ, Loc: loc, Msg: msg, Input: input, Ctx: ctx, Secret: secret})
	d.failed = append(d.failed, loc)
	return false
}

// missing records that a required property is missing from obj, the
// object that should hold it (pydantic echoes the object).
func (d *jdecoder) missing(sh *shape, obj *jvalue) {
	d.fail(sh, obj, "missing", "Field required", nil, false)
}

// decode validates j into v, which has shape sh; secret is set inside a
// format:"password" field. It reports whether v is valid.
func (d *jdecoder) decode(sh *shape, v reflect.Value, j *jvalue, secret bool) bool {
	switch sh.kind {
	case sPtr:
		if j.kind == jNull {
			v.SetZero()
			return true
		}
		p := reflect.New(sh.typ.Elem())
		ok := d.decode(sh.elem, p.Elem(), j, secret)
		v.Set(p)
		return ok
	case sAny:
		v.Set(reflect.ValueOf(j.plain()))
		return true
	case sString:
		if j.kind != jString {
			return d.fail(sh, j, "string_type", "Input should be a valid string", nil, secret)
		}
		v.SetString(j.s)
		return true
	case sInt:
		return d.decodeInt(sh, v, j, secret)
	case sFloat:
		return d.decodeFloat(sh, v, j, secret)
	case sBool:
		return d.decodeBool(sh, v, j, secret)
	case sSlice:
		if j.kind != jArray {
			return d.fail(sh, j, "list_type", "Input should be a valid list", nil, secret)
		}
		out := reflect.MakeSlice(sh.typ, len(j.list), len(j.list))
		ok := true
		for i := range j.list {
			d.push(i)
			ok = d.decode(sh.elem, out.Index(i), &j.list[i], secret) && ok
			d.pop()
		}
		v.Set(out)
		return ok
	case sSet:
		return d.decodeSet(sh, v, j, secret)
	case sMap:
		return d.decodeMap(sh, v, j, secret)
	case sStruct:
		if j.kind != jObject {
			return d.fail(sh, j, "model_attributes_type", msgModel, nil, secret)
		}
		return d.decodeFields(sh, sh.fields, v, j)
	case sURL:
		u, typ, msg, ctx := parseHTTPURL(j)
		if typ != "" {
			return d.fail(sh, j, typ, msg, ctx, secret)
		}
		v.SetString(u)
		return true
	case sTime:
		return d.decodeTime(sh, v, j, secret)
	case sText:
		if j.kind != jString {
			return d.fail(sh, j, "string_type", "Input should be a valid string", nil, secret)
		}
		if typ, msg, ok := convertText(v, j.s); !ok {
			return d.fail(sh, j, typ, msg, nil, secret)
		}
		return true
	}
	raw, ok := j.appendJSON(nil)
	if !ok {
		return d.fail(sh, j, "value_error", "Value error, not a valid JSON value", nil, secret)
	}
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		return d.fail(sh, j, "value_error", "Value error, "+err.Error(), nil, secret)
	}
	return true
}

// decodeFields validates the properties of obj into the struct v.
func (d *jdecoder) decodeFields(sh *shape, fields []jsonField, v reflect.Value, obj *jvalue) bool {
	ok := true
	for i := range fields {
		f := &fields[i]
		j, present := obj.get(f.name)
		if !present {
			switch {
			case f.def != nil:
				j = f.def
			case f.required:
				d.push(f.name)
				d.missing(sh, obj)
				d.pop()
				ok = false
				continue
			default:
				continue
			}
		}
		d.push(f.name)
		ok = d.decode(f.shape, fieldByIndex(v, f.index), j, f.secret) && ok
		d.pop()
	}
	return ok
}

// fieldByIndex is v.FieldByIndex, allocating embedded pointers on the way.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

const (
	msgIntType   = "Input should be a valid integer"
	msgFloatType = "Input should be a valid number"
	msgBoolType  = "Input should be a valid boolean"
)

func (d *jdecoder) setInt(v reflect.Value, dec string) bool {
	if typ, _, _ := setDecimal(v, dec); typ == errOverflow {
		d.overflow = append(d.overflow, d.here())
	}
	return true
}
