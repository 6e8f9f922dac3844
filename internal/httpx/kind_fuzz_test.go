package httpx

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzKindOf checks KindOf's classification against what it must keep:
// only the two form types are forms, whitespace around a value without
// parameters and further parameters change nothing, and the media type is
// case-insensitive exactly when there are no parameters.
func FuzzKindOf(f *testing.F) {
	for _, s := range []string{
		"application/x-www-form-urlencoded", " Multipart/Form-Data ", "multipart/form-data; boundary=x",
		"APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8", "multipart/form-data=x; y", "text/plain", "", ";", "\x85multipart/form-data\xa0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ct string) {
		k := KindOf(ct)
		media, params, hasParams := strings.Cut(ct, ";")
		if k != NotForm {
			m := media
			if i := strings.IndexByte(m, '='); hasParams && i >= 0 {
				m = m[:i]
			}
			m = strings.ToLower(Strip(m))
			if m != "application/x-www-form-urlencoded" && m != "multipart/form-data" {
				t.Fatalf("KindOf(%q) = %d for media type %q", ct, k, m)
			}
		}
		if !hasParams {
			if got := KindOf(" \t" + ct + "\r\n"); got != k {
				t.Fatalf("surrounding whitespace changed KindOf(%q): %d, then %d", ct, k, got)
			}
			if got := KindOf(strings.ToUpper(ct)); utf8.ValidString(ct) && IsASCII(ct) && got != k {
				t.Fatalf("case changed KindOf(%q) without parameters: %d, then %d", ct, k, got)
			}
			if Strip(ct) == strings.ToLower(Strip(ct)) && !strings.Contains(ct, "=") {
				if got := KindOf(Strip(ct) + "; charset=utf-8"); got != k {
					t.Fatalf("a parameter changed KindOf(%q): %d, then %d", ct, k, got)
				}
			}
			return
		}
		if got := KindOf(media + ";" + params + "; x=y"); got != k {
			t.Fatalf("another parameter changed KindOf(%q): %d, then %d", ct, k, got)
		}
	})
}

// FuzzDecodeCharset: the text of a multipart field is always valid UTF-8,
// is the bytes themselves when they are valid UTF-8 (and the charset says
// UTF-8 or nothing), and is their Latin-1 reading otherwise.
func FuzzDecodeCharset(f *testing.F) {
	for _, s := range [][2]string{{"jöhn", ""}, {"j\xf6hn", ""}, {"a\xe2\x82b", "utf-8"}, {"café", "latin-1"}, {"x", "us-ascii"}, {"\xff", "klingon"}} {
		f.Add([]byte(s[0]), s[1])
	}
	f.Fuzz(func(t *testing.T, b []byte, charset string) {
		got := DecodeCharset(b, charset)
		if !utf8.ValidString(got) {
			t.Fatalf("DecodeCharset(%q, %q) = %q, not UTF-8", b, charset, got)
		}
		if got != string(b) && got != Latin1(string(b)) {
			t.Fatalf("DecodeCharset(%q, %q) = %q: neither the bytes nor their Latin-1 reading", b, charset, got)
		}
		if charset == "" && utf8.Valid(b) && got != string(b) {
			t.Fatalf("valid UTF-8 %q was not kept: %q", b, got)
		}
		if !utf8.Valid(b) && got != Latin1(string(b)) {
			t.Fatalf("invalid UTF-8 %q was not read as Latin-1: %q", b, got)
		}
	})
}
