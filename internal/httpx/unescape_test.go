package httpx

import (
	"testing"
	"unicode/utf8"
)

// legacyUnescape is Unescape as it was, with a decoding buffer beside the
// answer's: the reference of FuzzUnescape and of BenchmarkUnescape's
// "before" arm.
func legacyUnescape(s string) string {
	if !needsUnescape(s) && IsASCII(s) {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	run := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			out = appendValidUTF8(out, run)
			run = run[:0]
			out = utf8.AppendRune(out, rune(c))
			continue
		case c == '+':
			c = ' '
		case c == '%' && i+2 < len(s):
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				c = hi<<4 | lo
				i += 2
			}
		}
		run = append(run, c)
	}
	return string(appendValidUTF8(out, run))
}

// FuzzUnescape checks Unescape against its former code.
func FuzzUnescape(f *testing.F) {
	for _, s := range []string{"", "plain", "a+b%21", "%e2%82", "caf\xe9+%C3%A9", "%zz%4", "%ff%fe+x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Unescape(s), legacyUnescape(s); got != want {
			t.Fatalf("Unescape(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkUnescape compares Unescape with its former code on a form's
// password and scope values.
func BenchmarkUnescape(b *testing.B) {
	for _, arm := range []struct {
		name string
		fn   func(string) string
	}{{"before", legacyUnescape}, {"after", Unescape}} {
		b.Run(arm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if arm.fn("s3cr3t%21") != "s3cr3t!" || arm.fn("items+me") != "items me" || arm.fn("johndoe") != "johndoe" {
					b.Fatal("wrong")
				}
			}
		})
	}
}
