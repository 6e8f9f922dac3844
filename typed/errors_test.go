package typed

import (
	"net/textproto"
	"testing"
)

// FuzzIsCanonicalKey checks isCanonicalKey against net/textproto: a key it
// calls canonical is one that CanonicalMIMEHeaderKey returns unchanged.
func FuzzIsCanonicalKey(f *testing.F) {
	for _, k := range []string{"WWW-Authenticate", "Www-Authenticate", "x-api-key", "X-Api-Key", "a b", "Ünicode", "-a", "X--y", ""} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, k string) {
		if isCanonicalKey(k) && textproto.CanonicalMIMEHeaderKey(k) != k {
			t.Fatalf("isCanonicalKey(%q), but CanonicalMIMEHeaderKey gives %q", k, textproto.CanonicalMIMEHeaderKey(k))
		}
	})
}
