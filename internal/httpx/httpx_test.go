package httpx

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The tables under testdata/ were produced by running the Python code
// FastAPI and Starlette use (parse_qsl, Starlette's cookie_parser,
// binascii.a2b_base64, str.strip) on each input. Inputs and outputs are
// Latin-1 text: each character is one byte on the wire.

func load[T any](t testing.TB, name string) []T {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// wire turns Latin-1 text into the bytes a client sends.
func wire(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b)
}

type lookupCase struct {
	In    string `json:"in"`
	Found bool   `json:"found"`
	Value string `json:"value"`
}

func TestLastQueryAgainstPython(t *testing.T) {
	for _, c := range load[lookupCase](t, "query.json") {
		got, ok := LastQuery(wire(c.In), "api_key")
		if ok != c.Found || got != c.Value {
			t.Errorf("LastQuery(%q) = %q, %v; Python: %q, %v", c.In, got, ok, c.Value, c.Found)
		}
		all := AllQuery(wire(c.In), "api_key")
		if c.Found && (len(all) == 0 || all[len(all)-1] != c.Value) {
			t.Errorf("AllQuery(%q) = %q; last should be %q", c.In, all, c.Value)
		}
	}
}

func TestCookieAgainstPython(t *testing.T) {
	for _, c := range load[lookupCase](t, "cookie.json") {
		got, ok := Cookie([]string{wire(c.In)}, "session")
		if ok != c.Found || got != c.Value {
			t.Errorf("Cookie(%q) = %q, %v; Python: %q, %v", c.In, got, ok, c.Value, c.Found)
		}
	}
}

func TestCookieAcrossHeaders(t *testing.T) {
	got, ok := Cookie([]string{"session=a", "x=1; session=b"}, "session")
	if !ok || got != "b" {
		t.Errorf("got %q, %v; want the last header's value", got, ok)
	}
}

func TestDecodeBase64AgainstPython(t *testing.T) {
	type b64Case struct {
		In  string `json:"in"`
		Out string `json:"out"`
		OK  bool   `json:"ok"`
	}
	for _, c := range load[b64Case](t, "base64.json") {
		got, err := DecodeBase64(nil, wire(c.In))
		if (err == nil) != c.OK {
			t.Errorf("DecodeBase64(%q) error %v; Python ok=%v", c.In, err, c.OK)
			continue
		}
		if c.OK && hex.EncodeToString(got) != c.Out {
			t.Errorf("DecodeBase64(%q) = %x; Python %s", c.In, got, c.Out)
		}
	}
}

func TestStripAgainstPython(t *testing.T) {
	type stripCase struct {
		In  string `json:"in"`
		Out string `json:"out"`
	}
	for _, c := range load[stripCase](t, "strip.json") {
		if got := Strip(wire(c.In)); got != wire(c.Out) {
			t.Errorf("Strip(%q) = %q; Python %q", c.In, got, c.Out)
		}
	}
}

func TestSplitAuthorization(t *testing.T) {
	tests := []struct{ in, scheme, param string }{
		{"Bearer abc", "Bearer", "abc"},
		{"Bearer  abc ", "Bearer", "abc"},
		{"Bearer", "Bearer", ""},
		{"", "", ""},
		{"Basic a b", "Basic", "a b"},
		{" Bearer x", "", "Bearer x"},
	}
	for _, tt := range tests {
		s, p := SplitAuthorization(tt.in)
		if s != tt.scheme || p != tt.param {
			t.Errorf("SplitAuthorization(%q) = %q, %q; want %q, %q", tt.in, s, p, tt.scheme, tt.param)
		}
	}
}

func TestText(t *testing.T) {
	if got := Latin1("caf\xe9"); got != "café" {
		t.Errorf("Latin1 = %q", got)
	}
	if !IsASCII("abc") || IsASCII("é") {
		t.Error("IsASCII")
	}
	if !EqualFoldASCII("BeArEr", "bearer") || EqualFoldASCII("bearer", "basic") || EqualFoldASCII("bearerx", "bearer") {
		t.Error("EqualFoldASCII")
	}
}

func FuzzLastQuery(f *testing.F) {
	for _, c := range load[lookupCase](f, "query.json") {
		f.Add(wire(c.In), "api_key")
	}
	f.Fuzz(func(t *testing.T, raw, name string) {
		v, ok := LastQuery(raw, name)
		if !utf8.ValidString(v) {
			t.Fatalf("LastQuery(%q) = %q: not UTF-8", raw, v)
		}
		all := AllQuery(raw, name)
		if ok != (len(all) > 0) || (ok && all[len(all)-1] != v) {
			t.Fatalf("LastQuery(%q, %q) = %q, %v but AllQuery = %q", raw, name, v, ok, all)
		}
		if !ok && v != "" {
			t.Fatalf("missing but value %q", v)
		}
		// A value that needs no decoding comes back as sent.
		if !strings.ContainsAny(raw, "&%+") && IsASCII(raw) && IsASCII(name) && name != "" && !strings.ContainsAny(name, "%+=") {
			if k, val, found := strings.Cut(raw, "="); k == name {
				if !found {
					val = ""
				}
				if !ok || v != val {
					t.Fatalf("LastQuery(%q, %q) = %q, %v; want %q", raw, name, v, ok, val)
				}
			}
		}
	})
}

func FuzzCookie(f *testing.F) {
	for _, c := range load[lookupCase](f, "cookie.json") {
		f.Add(wire(c.In), "session")
	}
	f.Fuzz(func(t *testing.T, header, name string) {
		v, ok := Cookie([]string{header}, name)
		if !utf8.ValidString(v) {
			t.Fatalf("Cookie(%q) = %q: not UTF-8", header, v)
		}
		if !ok && v != "" {
			t.Fatalf("missing but value %q", v)
		}
		if ok && Strip(name) != name {
			t.Fatalf("found a cookie under the unstripped name %q", name)
		}
	})
}

func FuzzDecodeBase64(f *testing.F) {
	type b64Case struct {
		In string `json:"in"`
	}
	for _, c := range load[b64Case](f, "base64.json") {
		f.Add(wire(c.In))
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := DecodeBase64(nil, s)
		want, stdErr := base64.StdEncoding.DecodeString(s)
		// Canonical standard base64 decodes the same as in Go's strict
		// decoder; the lenient decoder may accept more, never less.
		if stdErr == nil && !strings.ContainsAny(s, "\r\n") {
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("DecodeBase64(%q) = %x, %v; encoding/base64: %x", s, got, err, want)
			}
		}
		if err == nil {
			// Re-encoding the result and decoding it again is stable.
			again, err := DecodeBase64(nil, base64.StdEncoding.EncodeToString(got))
			if err != nil || !bytes.Equal(again, got) {
				t.Fatalf("round trip of %x: %x, %v", got, again, err)
			}
		}
	})
}

func FuzzSplitAuthorization(f *testing.F) {
	for _, s := range []string{"Bearer abc", "Basic dXNlcjpwYXNz", "", "Bearer", "a  b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		scheme, param := SplitAuthorization(v)
		if strings.Contains(scheme, " ") {
			t.Fatalf("scheme %q has a space", scheme)
		}
		before, after, found := strings.Cut(v, " ")
		if !found {
			after = ""
		}
		if scheme != before || param != Strip(after) {
			t.Fatalf("SplitAuthorization(%q) = %q, %q", v, scheme, param)
		}
	})
}

func TestForm(t *testing.T) {
	tests := []struct {
		body string
		want map[string][]string
	}{
		{"a=1&b=2&a=3", map[string][]string{"a": {"1", "3"}, "b": {"2"}}},
		{"a=1;b=2", map[string][]string{"a": {"1"}, "b": {"2"}}},
		{"a=1;b=2&c=3", map[string][]string{"a": {"1;b=2"}, "c": {"3"}}},
		{"&&a=x+y%21;;", map[string][]string{"a": {"x y!"}}},
		{"flag&a=1", map[string][]string{"flag": {""}, "a": {"1"}}},
		{"a=1&flag", map[string][]string{"a": {"1"}}},
		{"a=caf\xc3\xa9", map[string][]string{"a": {"cafÃ©"}}},
		{"", map[string][]string{}},
	}
	for _, tt := range tests {
		got := Form([]byte(tt.body))
		if len(got) != len(tt.want) {
			t.Errorf("Form(%q) = %q, want %q", tt.body, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if strings.Join(got[k], "|") != strings.Join(v, "|") || len(got[k]) != len(v) {
				t.Errorf("Form(%q)[%q] = %q, want %q", tt.body, k, got[k], v)
			}
		}
	}
}

func FuzzForm(f *testing.F) {
	for _, s := range []string{"a=1&b=2", "a=1;b=2&c", "x", "%zz=%e2%82", "a==b&&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for k, vs := range Form([]byte(body)) {
			if !utf8.ValidString(k) {
				t.Fatalf("name %q not UTF-8", k)
			}
			for _, v := range vs {
				if !utf8.ValidString(v) {
					t.Fatalf("value %q not UTF-8", v)
				}
			}
		}
	})
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		ct   string
		want FormKind
	}{
		{"application/x-www-form-urlencoded", URLEncoded},
		{" Application/X-WWW-Form-URLEncoded ", URLEncoded},
		{"application/x-www-form-urlencoded; charset=utf-8", URLEncoded},
		{"APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8", NotForm},
		{"multipart/form-data; boundary=x", Multipart},
		{"application/json", NotForm},
		{"", NotForm},
	}
	for _, tt := range tests {
		if got := KindOf(tt.ct); got != tt.want {
			t.Errorf("KindOf(%q) = %v, want %v", tt.ct, got, tt.want)
		}
	}
}
