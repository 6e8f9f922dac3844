package typed

import (
	"encoding"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
)

// A converter parses one text value (a parameter or form field) into v,
// coercing as pydantic's lax mode does; on failure it returns the pydantic
// error type and message. An integer too large for v's Go type is not a
// failure but errOverflow: v holds the nearest value it can, so that a
// constraint such as lte=100 still reports it as pydantic does, and the
// binder reports it when no constraint does.
type converter func(v reflect.Value, s string) (errType, msg string, ok bool)

// errOverflow is the error type a converter returns for an integer that
// does not fit its Go type.
const errOverflow = "int_overflow"

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
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return convertInt
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
			if ok || et == errOverflow {
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
	msgInt     = "Input should be a valid integer, unable to parse string as an integer"
	msgIntSize = "Unable to parse input string as an integer, exceeded maximum size"
	msgFloat   = "Input should be a valid number, unable to parse string as a number"
	msgBool    = "Input should be a valid boolean, unable to interpret input"
)

// convertInt parses s as pydantic parses a str as an int (str_as_int):
// surrounding whitespace, a sign, leading zeros, single underscores between
// digits and a fraction of zeros ("5.0") are accepted; any size is an int.
func convertInt(v reflect.Value, s string) (string, string, bool) {
	dec, errType := pyIntText(s)
	switch errType {
	case "int_parsing":
		return errType, msgInt, false
	case "int_parsing_size":
		return errType, msgIntSize, false
	}
	return setDecimal(v, dec)
}

// setDecimal sets the integer v to the decimal integer dec ("-12"), or to
// the nearest value v can hold and errOverflow.
func setDecimal(v reflect.Value, dec string) (string, string, bool) {
	if v.Kind() >= reflect.Uint && v.Kind() <= reflect.Uintptr {
		n, err := strconv.ParseUint(dec, 10, v.Type().Bits())
		if err == nil {
			v.SetUint(n)
			return "", "", true
		}
		if strings.HasPrefix(dec, "-") {
			v.SetUint(0)
		} else {
			v.SetUint(math.MaxUint64 >> (64 - v.Type().Bits()))
		}
		return errOverflow, msgIntSize, false
	}
	n, err := strconv.ParseInt(dec, 10, v.Type().Bits())
	if err == nil {
		v.SetInt(n)
		return "", "", true
	}
	bits := v.Type().Bits()
	if strings.HasPrefix(dec, "-") {
		v.SetInt(math.MinInt64 >> (64 - bits))
	} else {
		v.SetInt(math.MaxInt64 >> (64 - bits))
	}
	return errOverflow, msgIntSize, false
}

// pyIntText returns s as a canonical decimal integer, or the pydantic
// error type when it is not one (pydantic-core's str_as_int).
func pyIntText(s string) (string, string) {
	if isJSONInt(s) {
		if len(strings.TrimPrefix(s, "-")) > maxIntDigits {
			return "", "int_parsing_size"
		}
		return canonicalInt(s), ""
	}
	cleaned, ok := cleanIntText(s)
	if !ok || !isJSONInt(cleaned) {
		return "", "int_parsing"
	}
	if len(strings.TrimPrefix(cleaned, "-")) > maxIntDigits {
		return "", "int_parsing_size"
	}
	return canonicalInt(cleaned), ""
}

// isJSONInt reports whether s is an integer in JSON's grammar:
// -?(0|[1-9][0-9]*).
func isJSONInt(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// canonicalInt writes "-0" as "0".
func canonicalInt(s string) string {
	if s == "-0" {
		return "0"
	}
	return s
}

// cleanIntText is pydantic-core's clean_int_str.
func cleanIntText(s string) (string, bool) {
	before := len(s)
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		if strings.HasPrefix(rest, "-") {
			return "", false
		}
		s = rest
	}
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "+") {
			return "", false
		}
		neg, s = true, rest
	}
	s, ok := stripLeadingZeros(s)
	if !ok {
		return "", false
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if frac := s[i+1:]; frac != "" && strings.Trim(frac, "0") == "" {
			s = s[:i]
		}
	}
	sign := ""
	if neg {
		sign = "-"
	}
	if stripped, ok := stripUnderscores(s); ok {
		return sign + stripped, true
	}
	if before == len(s) {
		return "", false
	}
	return sign + s, true
}

// stripLeadingZeros is pydantic-core's strip_leading_zeros.
func stripLeadingZeros(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	switch c := s[0]; {
	case c == '0':
	case '1' <= c && c <= '9' || c == '-':
		return s, true
	default:
		return "", false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '0' || c == '_':
		case '1' <= c && c <= '9' || c == '-':
			return s[i:], true
		case c == '.':
			return s[i-1:], true
		default:
			return "", false
		}
	}
	return s[len(s)-1:], true
}

// stripUnderscores removes single underscores between characters, as
// pydantic-core does; it reports false when there are none or they are
// misplaced (leading, trailing or doubled).
func stripUnderscores(s string) (string, bool) {
	if strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || !strings.Contains(s, "_") || strings.Contains(s, "__") {
		return "", false
	}
	return strings.ReplaceAll(s, "_", ""), true
}

// convertFloat parses s as pydantic parses a str as a float (str_as_float):
// Rust's float syntax after trimming whitespace ("1e3", ".5", "inf",
// "NaN"), or with single underscores between digits.
func convertFloat(v reflect.Value, s string) (string, string, bool) {
	f, ok := pyFloatText(s)
	if !ok {
		return "float_parsing", msgFloat, false
	}
	v.SetFloat(f)
	return "", "", true
}

func pyFloatText(s string) (float64, bool) {
	if f, ok := rustParseFloat(strings.TrimSpace(s)); ok {
		return f, true
	}
	if stripped, ok := stripUnderscores(s); ok {
		return rustParseFloat(stripped)
	}
	return 0, false
}

// rustParseFloat is Rust's f64::from_str: an optional sign, then "inf",
// "infinity" or "nan" in any case, or decimal digits with an optional
// point and exponent. Values out of range are ±Inf or 0, not errors.
func rustParseFloat(s string) (float64, bool) {
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return 0, false
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if strings.HasPrefix(s, "-") {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	i, digits := 0, 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(body) && body[i] == '.' {
		i++
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(body) && (body[i] == 'e' || body[i] == 'E') {
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			i++
		}
		exp := 0
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i, exp = i+1, exp+1
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(body) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			// Go refuses "1." and ".5e" forms Rust takes; parse exactly.
			r, _, perr := big.ParseFloat(s, 10, 64, big.ToNearestEven)
			if perr != nil {
				return 0, false
			}
			f, _ = r.Float64()
		}
	}
	return f, true
}

// convertBool accepts pydantic's spellings of true and false, in any case
// but without surrounding spaces.
func convertBool(v reflect.Value, s string) (string, string, bool) {
	b, ok := pyBoolText(s)
	if !ok {
		return "bool_parsing", msgBool, false
	}
	v.SetBool(b)
	return "", "", true
}

func pyBoolText(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "1", "on", "t", "true", "y", "yes":
		return true, true
	case "0", "off", "f", "false", "n", "no":
		return false, true
	}
	return false, false
}
