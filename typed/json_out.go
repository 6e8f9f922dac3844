package typed

import (
	"bytes"
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Responses are encoded as encoding/json does, with the three differences
// that make a value sent as FastAPI sends it and as OpenAPI documents it:
// a nil slice is [] and a nil map {} (only a pointer is null: a Go slice
// is pydantic's list, which is never None), and a float that JSON cannot
// hold (NaN, ±Inf) is null, as pydantic writes it.

// marshalJSON encodes v for a response body.
func marshalJSON(v any) ([]byte, error) {
	return marshalJSONCare(v, v != nil && needsCare(reflect.TypeOf(v)))
}

// marshalJSONCare is marshalJSON for a value whose need of care is known
// (a route decides it for its result type at registration).
func marshalJSONCare(v any, care bool) ([]byte, error) {
	if v == nil || !care {
		return json.Marshal(v)
	}
	e := encoder{}
	if err := e.value(reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return e.b, nil
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// needsCare reports whether values of t may hold a slice, map or float
// that encoding/json would write differently (a nil slice or map, NaN).
func needsCare(t reflect.Type) bool { return careOf(t, map[reflect.Type]bool{}) }

func careOf(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if t.Implements(jsonMarshaler) || t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(jsonMarshaler) {
		return false
	}
	if t.Implements(textMarshaler) {
		return false
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Interface:
		return true
	case reflect.Slice, reflect.Map:
		return true
	case reflect.Pointer, reflect.Array:
		return careOf(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if sf := t.Field(i); (sf.IsExported() || sf.Anonymous) && careOf(sf.Type, seen) {
				return true
			}
		}
	}
	return false
}

type encoder struct{ b []byte }

func (e *encoder) marshaler(v reflect.Value) (bool, error) {
	t := v.Type()
	if t.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(t).Implements(jsonMarshaler) {
		v = v.Addr()
	} else if t.Kind() != reflect.Pointer && !t.Implements(jsonMarshaler) && reflect.PointerTo(t).Implements(jsonMarshaler) {
		p := reflect.New(t)
		p.Elem().Set(v)
		v = p
	}
	if v.Type().Implements(jsonMarshaler) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			e.b = append(e.b, "null"...)
			return true, nil
		}
		raw, err := json.Marshal(v.Interface())
		if err != nil {
			return true, err
		}
		e.b = append(e.b, raw...)
		return true, nil
	}
	return false, nil
}

func (e *encoder) value(v reflect.Value) error {
	if !v.IsValid() {
		e.b = append(e.b, "null"...)
		return nil
	}
	if done, err := e.marshaler(v); done {
		return err
	}
	t := v.Type()
	if t.Implements(textMarshaler) || t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textMarshaler) {
		raw, err := json.Marshal(v.Interface())
		if err != nil {
			return err
		}
		e.b = append(e.b, raw...)
		return nil
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		e.float(v.Float(), t.Bits())
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			e.b = append(e.b, "null"...)
			return nil
		}
		return e.value(v.Elem())
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !reflect.PointerTo(t.Elem()).Implements(jsonMarshaler) && !reflect.PointerTo(t.Elem()).Implements(textMarshaler) {
			if v.IsNil() {
				e.b = append(e.b, `""`...)
				return nil
			}
			raw, _ := json.Marshal(v.Bytes())
			e.b = append(e.b, raw...)
			return nil
		}
		return e.list(v)
	case reflect.Array:
		return e.list(v)
	case reflect.Map:
		return e.mapValue(v, nil)
	case reflect.Struct:
		return e.structValue(v)
	default:
		raw, err := json.Marshal(v.Interface())
		if err != nil {
			return err
		}
		e.b = append(e.b, raw...)
	}
	return nil
}

// float writes f as encoding/json does, NaN and ±Inf as null.
func (e *encoder) float(f float64, bits int) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		e.b = append(e.b, "null"...)
		return
	}
	abs := math.Abs(f)
	fmtByte := byte('f')
	if abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		fmtByte = 'e'
	}
	start := len(e.b)
	e.b = strconv.AppendFloat(e.b, f, fmtByte, -1, bits)
	if fmtByte == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(e.b) - start
		if n >= 4 && e.b[len(e.b)-4] == 'e' && e.b[len(e.b)-3] == '-' && e.b[len(e.b)-2] == '0' {
			e.b[len(e.b)-2] = e.b[len(e.b)-1]
			e.b = e.b[:len(e.b)-1]
		}
	}
}

func (e *encoder) list(v reflect.Value) error {
	e.b = append(e.b, '[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		if err := e.value(v.Index(i)); err != nil {
			return err
		}
	}
	e.b = append(e.b, ']')
	return nil
}

// mapValue writes map v, its values with elem (nil: by their dynamic
// type).
func (e *encoder) mapValue(v reflect.Value, elem encodePlan) error {
	type kv struct {
		k string
		v reflect.Value
	}
	kvs := make([]kv, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		k, err := mapKey(it.Key())
		if err != nil {
			return err
		}
		kvs = append(kvs, kv{k, it.Value()})
	}
	slices.SortFunc(kvs, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	e.b = append(e.b, '{')
	for i, p := range kvs {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = appendString(e.b, p.k)
		e.b = append(e.b, ':')
		var err error
		if elem != nil {
			err = elem(e, p.v)
		} else {
			err = e.value(p.v)
		}
		if err != nil {
			return err
		}
	}
	e.b = append(e.b, '}')
	return nil
}

// mapKey is encoding/json's key text: a string, a TextMarshaler's text or
// an integer's decimal form.
func mapKey(k reflect.Value) (string, error) {
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if tm, ok := k.Interface().(encoding.TextMarshaler); ok {
		if k.Kind() == reflect.Pointer && k.IsNil() {
			return "", nil
		}
		b, err := tm.MarshalText()
		return string(b), err
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	return "", &json.UnsupportedTypeError{Type: k.Type()}
}

// outField is a struct field as encoding/json sends it.
type outField struct {
	name      string
	index     []int
	omitEmpty bool
	omitZero  bool
	quoted    bool
}

var fieldCache sync.Map // reflect.Type → []outField

// outFields lists t's fields as encoding/json does: the json tag's name or
// the Go name, embedded structs flattened, the shallowest field of a name
// winning (a tagged one among equals), ambiguous names dropped.
func outFields(t reflect.Type) []outField {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]outField)
	}
	type cand struct {
		outField
		depth  int
		tagged bool
	}
	var all []cand
	var walk func(t reflect.Type, index []int, depth int, visited map[reflect.Type]bool)
	walk = func(t reflect.Type, index []int, depth int, visited map[reflect.Type]bool) {
		if visited[t] {
			return
		}
		visited[t] = true
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			idx := append(append([]int{}, index...), i)
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if sf.Anonymous && name == "" && ft.Kind() == reflect.Struct {
				walk(ft, idx, depth+1, visited)
				continue
			}
			if !sf.IsExported() {
				continue
			}
			tagged := name != ""
			if name == "" {
				name = sf.Name
			}
			quoted := false
			if strings.Contains(","+opts+",", ",string,") {
				switch ft.Kind() {
				case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
					reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
					reflect.Float32, reflect.Float64, reflect.String:
					quoted = true
				}
			}
			all = append(all, cand{outField{name: name, index: idx,
				omitEmpty: strings.Contains(","+opts+",", ",omitempty,"),
				omitZero:  strings.Contains(","+opts+",", ",omitzero,"), quoted: quoted}, depth, tagged})
		}
	}
	walk(t, nil, 0, map[reflect.Type]bool{})
	var out []outField
	for i, c := range all {
		dominant, ambiguous := true, false
		for j, o := range all {
			if i == j || o.name != c.name {
				continue
			}
			switch {
			case o.depth < c.depth || o.depth == c.depth && o.tagged && !c.tagged:
				dominant = false
			case o.depth == c.depth && o.tagged == c.tagged:
				ambiguous = true
			}
		}
		if dominant && !ambiguous {
			out = append(out, c.outField)
		}
	}
	fieldCache.Store(t, out)
	return out
}

func (e *encoder) structValue(v reflect.Value) error {
	e.b = append(e.b, '{')
	first := true
	for _, f := range outFields(v.Type()) {
		fv, ok := fieldValue(v, f.index)
		if !ok {
			continue
		}
		if f.omitEmpty && isEmptyValue(fv) || f.omitZero && isZeroValue(fv) {
			continue
		}
		if !first {
			e.b = append(e.b, ',')
		}
		first = false
		e.b = appendString(e.b, f.name)
		e.b = append(e.b, ':')
		if f.quoted && !(fv.Kind() == reflect.Pointer && fv.IsNil()) {
			if err := e.quoted(fv); err != nil {
				return err
			}
			continue
		}
		if err := e.value(fv); err != nil {
			return err
		}
	}
	e.b = append(e.b, '}')
	return nil
}

// quoted writes a field with the ",string" option: its JSON text as a
// JSON string.
func (e *encoder) quoted(fv reflect.Value) error {
	var inner encoder
	if err := inner.value(fv); err != nil {
		return err
	}
	if bytes.HasPrefix(inner.b, []byte(`"`)) {
		e.b = appendString(e.b, string(inner.b))
	} else {
		e.b = append(e.b, '"')
		e.b = append(e.b, inner.b...)
		e.b = append(e.b, '"')
	}
	return nil
}

// fieldValue follows index through embedded pointers; false when one is
// nil.
func fieldValue(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 {
			if v.Kind() == reflect.Pointer {
				if v.IsNil() {
					return reflect.Value{}, false
				}
				v = v.Elem()
			}
		}
		v = v.Field(x)
	}
	return v, true
}

func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

func isZeroValue(v reflect.Value) bool {
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return true
		}
		return z.IsZero()
	}
	return v.IsZero()
}
