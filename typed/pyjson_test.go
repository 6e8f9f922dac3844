package typed

import (
	"errors"
	"testing"
)

// TestParsePythonJSON: the positions and messages of Python 3.13's
// json.loads (checked against CPython, whose earlier versions differ only
// on trailing commas), which FastAPI's json_invalid errors carry.
func TestParsePythonJSON(t *testing.T) {
	tests := []struct {
		name, in string
		wantMsg  string // "" when the text is JSON
		wantPos  int
	}{
		{"object", `{"a": [1, 2.5, "x", null, true, false]}`, "", 0},
		{"NaN and Infinity", `[NaN, Infinity, -Infinity]`, "", 0},
		{"surrounding whitespace", " \t\n{}\r\n", "", 0},
		{"empty", ``, "Expecting value", 0},
		{"only spaces", `   `, "Expecting value", 3},
		{"bare word", `nul`, "Expecting value", 0},
		{"unquoted property", `{some broken json}`, "Expecting property name enclosed in double quotes", 1},
		{"unclosed object", `{`, "Expecting property name enclosed in double quotes", 1},
		{"unclosed array", `[`, "Expecting value", 1},
		{"missing colon", `{"a" 1}`, "Expecting ':' delimiter", 5},
		{"missing value", `{"a":}`, "Expecting value", 5},
		{"missing comma", `{"a":1 "b":2}`, "Expecting ',' delimiter", 7},
		{"missing comma in array", `[1 2]`, "Expecting ',' delimiter", 3},
		{"trailing comma in object", `{"a":1,}`, "Illegal trailing comma before end of object", 6},
		{"trailing comma in array", `[1, ]`, "Illegal trailing comma before end of array", 2},
		{"two commas", `[1,,2]`, "Expecting value", 3},
		{"extra data", `{"a":1}x`, "Extra data", 7},
		{"leading zero", `01`, "Extra data", 1},
		{"lone minus", `-`, "Expecting value", 0},
		{"unterminated string", `"abc`, "Unterminated string starting at", 0},
		{"bad escape", `"a\x"`, "Invalid \\escape", 2},
		{"short unicode escape", `"\u12"`, "Invalid \\uXXXX escape", 2},
		{"bad low surrogate", `"\ud800\uzzzz"`, "Invalid \\uXXXX escape", 8},
		{"control character", "\"\t\"", "Invalid control character at", 1},
		{"positions count characters, not bytes", `{"é": 1,}`, "Illegal trailing comma before end of object", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parsePythonJSON([]byte(tt.in))
			var syn *jsonSyntaxError
			switch {
			case tt.wantMsg == "" && err != nil:
				t.Fatalf("error %v, want none", err)
			case tt.wantMsg == "":
			case !errors.As(err, &syn):
				t.Fatalf("error %v, want %q at %d", err, tt.wantMsg, tt.wantPos)
			case syn.msg != tt.wantMsg || syn.pos != tt.wantPos:
				t.Errorf("%q at %d, want %q at %d", syn.msg, syn.pos, tt.wantMsg, tt.wantPos)
			}
		})
	}
}

// TestParsePythonJSONValues: what json.loads makes of the text.
func TestParsePythonJSONValues(t *testing.T) {
	v, err := parsePythonJSON([]byte(`{"a": 1, "b": 2, "a": 3, "big": 123456789012345678901234567890, "s": "\ud83d\ude00\u00e9"}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.keys) != 4 || v.keys[0] != "a" || v.vals[0].s != "3" {
		t.Errorf("a repeated key keeps its place and takes the last value: %v %v", v.keys, v.vals[0])
	}
	if big, _ := v.get("big"); big.kind != jInt || big.s != "123456789012345678901234567890" {
		t.Errorf("big = %+v", big)
	}
	if s, _ := v.get("s"); s.s != "😀é" {
		t.Errorf("s = %q", s.s)
	}
	for _, tt := range []struct{ name, in string }{
		{"UTF-16 with a BOM", "\xff\xfe{\x00}\x00"},
		{"UTF-8 with a BOM", "\xef\xbb\xbf{}"},
	} {
		if v, err := parsePythonJSON([]byte(tt.in)); err != nil || v.kind != jObject {
			t.Errorf("%s: %v %v", tt.name, v, err)
		}
	}
	for _, tt := range []struct{ name, in string }{
		{"invalid UTF-8", "\"\xff\""},
		{"integer of 4301 digits", "1" + string(make([]byte, 0)) + repeat("0", 4300)},
		{"nesting deeper than Python's limit", repeat("[", 2000) + repeat("]", 2000)},
	} {
		var be *jsonBodyError
		if _, err := parsePythonJSON([]byte(tt.in)); !errors.As(err, &be) {
			t.Errorf("%s: %v, want a 400", tt.name, err)
		}
	}
}

func repeat(s string, n int) string {
	out := make([]byte, 0, len(s)*n)
	for range n {
		out = append(out, s...)
	}
	return string(out)
}
