package httpx

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// BenchmarkLatin1 compares Latin1 on an ASCII header value (a Digest
// Authorization's parameters) with a byte-at-a-time scan.
func BenchmarkLatin1(b *testing.B) {
	s := strings.Repeat(`username="johndoe", realm="bench", nonce="dcd98b71", `, 5)
	b.Run("words", func(b *testing.B) {
		for b.Loop() {
			_ = Latin1(s)
		}
	})
	b.Run("bytes", func(b *testing.B) {
		for b.Loop() {
			i := 0
			for i < len(s) && s[i] < utf8.RuneSelf {
				i++
			}
		}
	})
}

// TestASCIIPrefix checks asciiPrefix at every position of a non-ASCII byte.
func TestASCIIPrefix(t *testing.T) {
	t.Parallel()
	for n := 0; n < 20; n++ {
		for at := 0; at <= n; at++ {
			b := []byte(strings.Repeat("a", n))
			want := n
			if at < n {
				b[at], want = 0xe9, at
			}
			if got := asciiPrefix(string(b)); got != want {
				t.Errorf("asciiPrefix(%q) = %d, want %d", b, got, want)
			}
		}
	}
}
