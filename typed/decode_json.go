package typed

import (
	"encoding/json"
	"math"
	"reflect"
)

const msgModel = "Input should be a valid dictionary or object to extract fields from"

// decodeJSON decodes raw into v, coercing scalars as pydantic's lax mode
// does (a JSON "3" is an int, 3 a float, "true" a bool); on failure it
// returns pydantic's error type and message.
func decodeJSON(v reflect.Value, raw json.RawMessage) (string, string, bool) {
	isNull := string(raw) == "null"
	switch v.Kind() {
	case reflect.Pointer:
		if isNull {
			v.SetZero()
			return "", "", true
		}
		p := reflect.New(v.Type().Elem())
		if t, m, ok := decodeJSON(p.Elem(), raw); !ok {
			return t, m, false
		}
		v.Set(p)
		return "", "", true
	case reflect.String:
		if v.Type().Implements(textUnmarshaler) || reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
			break
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "string_type", "Input should be a valid string", false
		}
		v.SetString(s)
		return "", "", true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var x any
		if json.Unmarshal(raw, &x) != nil {
			return "int_type", "Input should be a valid integer", false
		}
		switch x := x.(type) {
		case float64:
			if x != math.Trunc(x) {
				return "int_from_float", "Input should be a valid integer, got a number with a fractional part", false
			}
			if !setInt(v, x) {
				return "int_parsing", msgInt, false
			}
			return "", "", true
		case string:
			if v.Kind() >= reflect.Uint {
				return convertUint(v, x)
			}
			return convertInt(v, x)
		}
		return "int_type", "Input should be a valid integer", false
	case reflect.Float32, reflect.Float64:
		var x any
		if json.Unmarshal(raw, &x) == nil {
			switch x := x.(type) {
			case float64:
				v.SetFloat(x)
				return "", "", true
			case string:
				return convertFloat(v, x)
			}
		}
		return "float_type", "Input should be a valid number", false
	case reflect.Bool:
		var x any
		if json.Unmarshal(raw, &x) == nil {
			switch x := x.(type) {
			case bool:
				v.SetBool(x)
				return "", "", true
			case string:
				return convertBool(v, x)
			case float64:
				if x == 0 || x == 1 {
					v.SetBool(x == 1)
					return "", "", true
				}
				return "bool_parsing", msgBool, false
			}
		}
		return "bool_type", "Input should be a valid boolean", false
	}
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		switch v.Kind() {
		case reflect.Struct:
			return "model_attributes_type", msgModel, false
		case reflect.Slice, reflect.Array:
			return "list_type", "Input should be a valid list", false
		case reflect.Map:
			return "dict_type", "Input should be a valid dictionary", false
		}
		return "value_error", "Value error, " + err.Error(), false
	}
	return "", "", true
}

func setInt(v reflect.Value, x float64) bool {
	if v.Kind() >= reflect.Uint {
		if x < 0 || v.OverflowUint(uint64(x)) {
			return false
		}
		v.SetUint(uint64(x))
		return true
	}
	if v.OverflowInt(int64(x)) {
		return false
	}
	v.SetInt(int64(x))
	return true
}
