package typed

import (
	"encoding"
	"reflect"
	"strconv"
	"strings"
)

// A converter parses one text value (a parameter or form field) into v,
// coercing as pydantic's lax mode does; on failure it returns the pydantic
// error type and message.
type converter func(v reflect.Value, s string) (errType, msg string, ok bool)

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// converterFor returns the converter for t, or nil if t cannot be read from
// text.
func converterFor(t reflect.Type) converter {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return convertText
	}
	switch t.Kind() {
	case reflect.String:
		return func(v reflect.Value, s string) (string, string, bool) { v.SetString(s); return "", "", true }
	case reflect.Bool:
		return convertBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return convertInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return convertUint
	case reflect.Float32, reflect.Float64:
		return convertFloat
	case reflect.Pointer:
		elem := converterFor(t.Elem())
		if elem == nil {
			return nil
		}
		return func(v reflect.Value, s string) (string, string, bool) {
			p := reflect.New(t.Elem())
			et, msg, ok := elem(p.Elem(), s)
			if ok {
				v.Set(p)
			}
			return et, msg, ok
		}
	}
	return nil
}

func convertText(v reflect.Value, s string) (string, string, bool) {
	if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
		return "value_error", "Value error, " + err.Error(), false
	}
	return "", "", true
}

const (
	msgInt   = "Input should be a valid integer, unable to parse string as an integer"
	msgFloat = "Input should be a valid number, unable to parse string as a number"
	msgBool  = "Input should be a valid boolean, unable to interpret input"
)

func convertInt(v reflect.Value, s string) (string, string, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, v.Type().Bits())
	if err != nil {
		if f, ferr := strconv.ParseFloat(strings.TrimSpace(s), 64); ferr == nil && f == float64(int64(f)) {
			n, err = int64(f), nil // pydantic accepts "3.0"
		}
	}
	if err != nil {
		return "int_parsing", msgInt, false
	}
	v.SetInt(n)
	return "", "", true
}

func convertUint(v reflect.Value, s string) (string, string, bool) {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, v.Type().Bits())
	if err != nil {
		return "int_parsing", msgInt, false
	}
	v.SetUint(n)
	return "", "", true
}

func convertFloat(v reflect.Value, s string) (string, string, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), v.Type().Bits())
	if err != nil {
		return "float_parsing", msgFloat, false
	}
	v.SetFloat(f)
	return "", "", true
}

// convertBool accepts pydantic's spellings of true and false.
func convertBool(v reflect.Value, s string) (string, string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "on", "t", "true", "y", "yes":
		v.SetBool(true)
	case "0", "off", "f", "false", "n", "no":
		v.SetBool(false)
	default:
		return "bool_parsing", msgBool, false
	}
	return "", "", true
}
