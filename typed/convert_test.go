package typed

import (
	"math"
	"reflect"
	"testing"
)

// TestPydanticText: text as pydantic reads an int, a float and a bool
// (spec: typed-examples.md, "Validation").
func TestPydanticText(t *testing.T) {
	ints := []struct {
		in, want, wantErr string
	}{
		{"5", "5", ""}, {" 5 ", "5", ""}, {"+5", "5", ""}, {"-5", "-5", ""}, {"007", "7", ""},
		{"-007", "-7", ""}, {"1_000", "1000", ""}, {"5.0", "5", ""}, {"5.000", "5", ""}, {"0.0", "0", ""},
		{"-0", "0", ""}, {"99999999999999999999999", "99999999999999999999999", ""},
		{"5.5", "", "int_parsing"}, {"5.", "", "int_parsing"}, {"1__0", "", "int_parsing"}, {"_1", "", "int_parsing"},
		{"1e3", "", "int_parsing"}, {"0x10", "", "int_parsing"}, {"+-1", "", "int_parsing"}, {"", "", "int_parsing"},
		{"abc", "", "int_parsing"}, {".0", "", "int_parsing"},
	}
	for _, tt := range ints {
		got, errType := pyIntText(tt.in)
		if got != tt.want || errType != tt.wantErr {
			t.Errorf("int %q = %q %q, want %q %q", tt.in, got, errType, tt.want, tt.wantErr)
		}
	}
	floats := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"5.5", 5.5, true}, {" 1e0 ", 1, true}, {".5", 0.5, true}, {"5.", 5, true}, {"-inf", math.Inf(-1), true},
		{"Infinity", math.Inf(1), true}, {"1_000.5", 1000.5, true}, {"1e400", math.Inf(1), true},
		{"0x10", 0, false}, {"1e", 0, false}, {"abc", 0, false}, {"", 0, false}, {"1__0", 0, false},
	}
	for _, tt := range floats {
		got, ok := pyFloatText(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("float %q = %v %v, want %v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for in, want := range map[string]bool{"true": true, "YES": true, "on": true, "1": true, "f": false, "Off": false, "0": false} {
		if got, ok := pyBoolText(in); !ok || got != want {
			t.Errorf("bool %q = %v %v", in, got, ok)
		}
	}
	for _, in := range []string{" true", "2", "", "yess"} {
		if _, ok := pyBoolText(in); ok {
			t.Errorf("bool %q accepted", in)
		}
	}
}

// TestSetDecimalOverflow: an integer too large for its Go type holds the
// nearest value, so that an upper bound reports it.
func TestSetDecimalOverflow(t *testing.T) {
	var n int8
	v := reflect.ValueOf(&n).Elem()
	if typ, _, _ := setDecimal(v, "1000"); typ != errOverflow || n != 127 {
		t.Errorf("int8 1000: %q %d", typ, n)
	}
	var u uint
	if typ, _, _ := setDecimal(reflect.ValueOf(&u).Elem(), "-1"); typ != errOverflow || u != 0 {
		t.Errorf("uint -1: %q %d", typ, u)
	}
}
