package typed

import (
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzParsePythonJSON: the parser never panics; it fails only with a
// syntax error inside the text or a 400; what encoding/json accepts (in
// UTF-8, not too deep) it accepts too.
func FuzzParsePythonJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e3,"\u00e9\ud83d\ude00",null,true]}`, `[1,]`, `{"a":1,}`, `NaN`, `"\ud800"`, "\xff\xfe[\x00]\x00", `{"a" 1}`, `-`, `1e`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := parsePythonJSON(b)
		var syn *jsonSyntaxError
		var body *jsonBodyError
		switch {
		case err == nil:
		case errors.As(err, &syn):
			if n := utf8.RuneCount(b); syn.pos < 0 || syn.pos > n {
				t.Fatalf("position %d outside the text (%d characters)", syn.pos, n)
			}
		case errors.As(err, &body):
		default:
			t.Fatalf("unexpected error %T %v", err, err)
		}
		if err != nil && json.Valid(b) && utf8.Valid(b) && syn != nil {
			t.Fatalf("encoding/json accepts %q, refused with %v", b, err)
		}
	})
}

// FuzzParseHTTPURL: parsing never panics, and a URL's serialisation parses
// to itself.
func FuzzParseHTTPURL(f *testing.F) {
	for _, s := range []string{"http://example.com", "HTTPS://A.b:443/x/../y?q=1 2#f", "http://[::1]:80", "http://0x7f.1", "http://bücher.de", "ftp://x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		j := jvalue{kind: jString, s: s}
		u, typ, _, _ := parseHTTPURL(&j)
		if typ != "" {
			return
		}
		j2 := jvalue{kind: jString, s: u}
		u2, typ2, msg2, _ := parseHTTPURL(&j2)
		if typ2 != "" || u2 != u {
			t.Fatalf("%q → %q → %q %s", s, u, u2, msg2)
		}
	})
}
