package typed

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// pydantic's lax validation of scalars and collections (see decode_json.go).

// decodeInt is pydantic's int in lax mode: ints of any size, floats
// without a fraction, booleans and numeric strings.
func (d *jdecoder) decodeInt(sh *shape, v reflect.Value, j *jvalue, secret bool) bool {
	switch j.kind {
	case jInt:
		return d.setInt(v, canonicalInt(j.s))
	case jBool:
		if j.b {
			return d.setInt(v, "1")
		}
		return d.setInt(v, "0")
	case jFloat:
		switch {
		case math.IsInf(j.f, 0) || math.IsNaN(j.f):
			return d.fail(sh, j, "finite_number", "Input should be a finite number", nil, secret)
		case j.f != math.Trunc(j.f):
			return d.fail(sh, j, "int_from_float", "Input should be a valid integer, got a number with a fractional part", nil, secret)
		case j.f <= math.MinInt64 || j.f >= math.MaxInt64:
			return d.fail(sh, j, "int_parsing_size", msgIntSize, nil, secret)
		}
		return d.setInt(v, strconv.FormatInt(int64(j.f), 10))
	case jString:
		dec, typ := pyIntText(j.s)
		switch typ {
		case "int_parsing":
			return d.fail(sh, j, typ, msgInt, nil, secret)
		case "int_parsing_size":
			return d.fail(sh, j, typ, msgIntSize, nil, secret)
		}
		return d.setInt(v, dec)
	}
	return d.fail(sh, j, "int_type", msgIntType, nil, secret)
}

// decodeFloat is pydantic's float in lax mode: numbers, booleans and
// numeric strings ("5.5", "1e3", "inf").
func (d *jdecoder) decodeFloat(sh *shape, v reflect.Value, j *jvalue, secret bool) bool {
	switch j.kind {
	case jFloat:
		v.SetFloat(j.f)
		return true
	case jInt:
		f, err := strconv.ParseFloat(j.s, 64)
		if err != nil { // beyond float64: Python's float(int) overflows
			return d.fail(sh, j, "float_type", msgFloatType, nil, secret)
		}
		v.SetFloat(f)
		return true
	case jBool:
		if j.b {
			v.SetFloat(1)
		} else {
			v.SetFloat(0)
		}
		return true
	case jString:
		f, ok := pyFloatText(j.s)
		if !ok {
			return d.fail(sh, j, "float_parsing", msgFloat, nil, secret)
		}
		v.SetFloat(f)
		return true
	}
	return d.fail(sh, j, "float_type", msgFloatType, nil, secret)
}

// decodeBool is pydantic's bool in lax mode: booleans, 0 and 1 (also as
// floats), and the words of [convertBool].
func (d *jdecoder) decodeBool(sh *shape, v reflect.Value, j *jvalue, secret bool) bool {
	switch j.kind {
	case jBool:
		v.SetBool(j.b)
		return true
	case jString:
		b, ok := pyBoolText(j.s)
		if !ok {
			return d.fail(sh, j, "bool_parsing", msgBool, nil, secret)
		}
		v.SetBool(b)
		return true
	case jInt:
		switch j.s {
		case "0", "-0":
			v.SetBool(false)
			return true
		case "1":
			v.SetBool(true)
			return true
		}
		if n, err := strconv.ParseFloat(j.s, 64); err == nil && math.Abs(n) < math.MaxInt64 {
			return d.fail(sh, j, "bool_parsing", msgBool, nil, secret)
		}
	case jFloat:
		if j.f == 0 || j.f == 1 {
			v.SetBool(j.f == 1)
			return true
		}
		if j.f == math.Trunc(j.f) && math.Abs(j.f) < math.MaxInt64 {
			return d.fail(sh, j, "bool_parsing", msgBool, nil, secret)
		}
	}
	return d.fail(sh, j, "bool_type", msgBoolType, nil, secret)
}

// decodeSet is set[X]: an array whose duplicates are dropped, the first
// occurrence kept.
func (d *jdecoder) decodeSet(sh *shape, v reflect.Value, j *jvalue, secret bool) bool {
	if j.kind != jArray {
		return d.fail(sh, j, "set_type", "Input should be a valid set", nil, secret)
	}
	out := reflect.MakeSlice(sh.typ, 0, len(j.list))
	seen := make(map[any]bool, len(j.list))
	ok := true
	for i := range j.list {
		elem := reflect.New(sh.typ.Elem()).Elem()
		d.push(i)
		good := d.decode(sh.elem, elem, &j.list[i], secret)
		d.pop()
		if !good {
			ok = false
			continue
		}
		if k := elem.Interface(); !seen[k] {
			seen[k] = true
			out = reflect.Append(out, elem)
		}
	}
	v.Set(out)
	return ok
}

// decodeMap is dict[K, V]: keys are validated as K (errors at
// [key, "[key]"]), values as V (errors at [key]).
func (d *jdecoder) decodeMap(sh *shape, v reflect.Value, j *jvalue, secret bool) bool {
	if j.kind != jObject {
		return d.fail(sh, j, "dict_type", "Input should be a valid dictionary", nil, secret)
	}
	out := reflect.MakeMapWithSize(sh.typ, len(j.keys))
	ok := true
	for i, k := range j.keys {
		key := reflect.New(sh.typ.Key()).Elem()
		kj := jvalue{kind: jString, s: k}
		d.push(k)
		d.push("[key]")
		good := d.decode(sh.key, key, &kj, secret)
		d.pop()
		val := reflect.New(sh.typ.Elem()).Elem()
		if d.decode(sh.elem, val, &j.vals[i], secret) && good {
			out.SetMapIndex(key, val)
		} else {
			good = false
		}
		d.pop()
		ok = ok && good
	}
	v.Set(out)
	return ok
}

// decodeTime is pydantic's datetime: an RFC 3339 string (the offset may be
// left out, meaning UTC), or a Unix time in seconds.
func (d *jdecoder) decodeTime(sh *shape, v reflect.Value, j *jvalue, secret bool) bool {
	switch j.kind {
	case jString:
		s := strings.Replace(j.s, " ", "T", 1)
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02"} {
			if t, err := time.Parse(layout, s); err == nil {
				v.Set(reflect.ValueOf(t))
				return true
			}
		}
		return d.fail(sh, j, "datetime_from_date_parsing", "Input should be a valid datetime or date, invalid datetime format", nil, secret)
	case jInt, jFloat:
		f, _ := strconv.ParseFloat(j.s, 64)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return d.fail(sh, j, "finite_number", "Input should be a finite number", nil, secret)
		}
		sec, frac := math.Modf(f)
		v.Set(reflect.ValueOf(time.Unix(int64(sec), int64(frac*1e9)).UTC()))
		return true
	}
	return d.fail(sh, j, "datetime_type", "Input should be a valid datetime", nil, secret)
}

// plain returns j as encoding/json decodes into an interface: maps,
// slices, float64, string, bool, nil.
func (j *jvalue) plain() any {
	switch j.kind {
	case jBool:
		return j.b
	case jInt:
		f, _ := strconv.ParseFloat(j.s, 64)
		return f
	case jFloat:
		return j.f
	case jString:
		return j.s
	case jArray:
		out := make([]any, len(j.list))
		for i := range j.list {
			out[i] = j.list[i].plain()
		}
		return out
	case jObject:
		out := make(map[string]any, len(j.keys))
		for i, k := range j.keys {
			out[k] = j.vals[i].plain()
		}
		return out
	}
	return nil
}

// appendJSON appends j as JSON; it reports false for NaN and ±Infinity,
// which JSON cannot hold.
func (j *jvalue) appendJSON(b []byte) ([]byte, bool) {
	switch j.kind {
	case jNull:
		return append(b, "null"...), true
	case jBool:
		return strconv.AppendBool(b, j.b), true
	case jInt:
		return append(b, j.s...), true
	case jFloat:
		if math.IsInf(j.f, 0) || math.IsNaN(j.f) {
			return b, false
		}
		return append(b, j.s...), true
	case jString:
		return appendString(b, j.s), true
	case jArray:
		b = append(b, '[')
		for i := range j.list {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = j.list[i].appendJSON(b); !ok {
				return b, false
			}
		}
		return append(b, ']'), true
	}
	b = append(b, '{')
	for i, k := range j.keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		var ok bool
		if b, ok = j.vals[i].appendJSON(b); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

// at returns the value at loc (keys and indexes) below j, or nil.
func (j *jvalue) at(loc []any) *jvalue {
	for _, l := range loc {
		switch l := l.(type) {
		case string:
			if j.kind != jObject {
				return nil
			}
			v, ok := j.get(l)
			if !ok {
				return nil
			}
			j = v
		case int:
			if j.kind != jArray || l < 0 || l >= len(j.list) {
				return nil
			}
			j = &j.list[l]
		default:
			return nil
		}
	}
	return j
}
