package typed

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/fastecho/fastecho/internal/httpx"
)

// legacyFormFields is httpx.FormFields as it was, over a []byte body: the
// reference of the "before" arm of BenchmarkParseForm.
func legacyFormFields(body []byte, fn func(start, eq, end int)) {
	lastAmp := bytes.LastIndexByte(body, '&')
	for i, n := 0, len(body); i < n; {
		if c := body[i]; c == '&' || c == ';' {
			i++
			continue
		}
		sep := -1
		if i <= lastAmp {
			sep = i + bytes.IndexByte(body[i:], '&')
		} else if j := bytes.IndexByte(body[i:], ';'); j >= 0 {
			sep = i + j
		}
		end := sep
		if end < 0 {
			end = n
		}
		eq := bytes.IndexByte(body[i:end], '=')
		switch {
		case eq >= 0:
			fn(i, i+eq, end)
		case sep < 0:
			return
		default:
			fn(i, end, end)
		}
		i = end
	}
}

// legacyParse and legacyValues are the urlencoded parse and Form's map as
// they were: a copy of every name and value, a slice per name, and a new
// slice per name for each Form call.
func legacyParse(body []byte) *formData {
	fd := &formData{items: map[string][]formItem{}}
	legacyFormFields(body, func(start, eq, end int) {
		k := httpx.Unescape(string(body[start:eq]))
		v := ""
		if eq < end {
			v = httpx.Unescape(string(body[eq+1 : end]))
		}
		fd.items[k] = append(fd.items[k], formItem{text: v})
	})
	return fd
}

func legacyValues(fd *formData) map[string][]string {
	out := make(map[string][]string, len(fd.items))
	for name, items := range fd.items {
		for _, it := range items {
			if it.file == nil {
				out[name] = append(out[name], it.text)
			}
		}
	}
	return out
}

// BenchmarkParseForm compares the urlencoded parse and the map Form
// returns, as the password form reads them, before and after both share
// the body's memory and one array for their slices.
func BenchmarkParseForm(b *testing.B) {
	body := []byte("grant_type=password&username=johndoe&password=s3cr3t%21&scope=items+me&client_id=app")
	b.Run("before", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if m := legacyValues(legacyParse(body)); len(m) != 5 {
				b.Fatal(m)
			}
		}
	})
	b.Run("after", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if m := parseURLEncoded(string(body)).values(); len(m) != 5 {
				b.Fatal(m)
			}
		}
	})
}

// FuzzParseURLEncoded checks that the parse and Form's map are what they
// were, and that appending to or changing one Form map leaves the next
// one as it was.
func FuzzParseURLEncoded(f *testing.F) {
	for _, s := range []string{"a=1&b=2&a=3", "a=1;b=2&c", "x", "%zz=%e2%82&a=caf\xe9+x", "a==b&&", "a&a&b=&a=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		want := legacyParse([]byte(body))
		got := parseURLEncoded(body)
		if !reflect.DeepEqual(got.items, want.items) {
			t.Fatalf("parse(%q) = %v, want %v", body, got.items, want.items)
		}
		wantValues := legacyValues(want)
		m := got.values()
		if !reflect.DeepEqual(m, wantValues) {
			t.Fatalf("values(%q) = %q, want %q", body, m, wantValues)
		}
		for k, vs := range m {
			m[k] = append(vs, "x")
			vs[0] = "changed"
		}
		if again := got.values(); !reflect.DeepEqual(again, wantValues) {
			t.Fatalf("values(%q) after changing the first map = %q, want %q", body, again, wantValues)
		}
	})
}
