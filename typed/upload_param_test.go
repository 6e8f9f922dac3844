package typed

import (
	"slices"
	"strings"
	"testing"
)

// TestParseParam compares parseParam with Python's email.message._parseparam
// (the expected lists were printed by CPython 3).
func TestParseParam(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{`form-data; name="a;b"; filename="x.txt"`, []string{"form-data", `name="a;b"`, `filename="x.txt"`}},
		{`";`, []string{`";`}},
		{`a; b="\";"; c=d`, []string{"a", `b="\";"`, "c=d"}},
		{` A ; B = c ;`, []string{"A", "b=c", ""}},
		{`;;x`, []string{"", "", "x"}},
		{`x; "a;b`, []string{"x", `"a;b`}},
		{`form-data; name = "q" `, []string{"form-data", `name="q"`}},
	}
	for _, tt := range tests {
		if got := parseParam(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("parseParam(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParseOptionsHeader feeds arbitrary Content-Disposition values to the
// multipart header parser: it never panics, and the parts it finds cover
// the input (no byte outside a ';' or whitespace is dropped).
func FuzzParseOptionsHeader(f *testing.F) {
	for _, s := range []string{`form-data; name="a"; filename="C:\x\y.txt"`, `";`, "\";\n\n", `a; b*=utf-8''x; c="\\\""`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		parseOptionsHeader(value)
		parts := parseParam(value)
		if len(parts) == 0 {
			t.Fatalf("parseParam(%q) found nothing", value)
		}
		squeeze := func(s string) string {
			var b strings.Builder
			for i := 0; i < len(s); i++ {
				c := s[i]
				if c == ';' || c == '=' || strings.IndexByte(pyWhitespace, c) >= 0 {
					continue
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			return b.String()
		}
		if got, want := squeeze(strings.Join(parts, "")), squeeze(value); got != want {
			t.Fatalf("parseParam(%q) = %q loses bytes", value, parts)
		}
	})
}
