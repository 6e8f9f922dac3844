package forms

import (
	"unicode"
	"unicode/utf8"
)

// splitScope splits s on whitespace as Python's str.split() does: Unicode
// white space plus the separators U+001C to U+001F, with no empty fields.
// The result is never nil and its strings share s's memory.
func splitScope(s string) []string {
	n, in := 0, false
	for i := 0; i < len(s); {
		space, size := spaceAt(s, i)
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
		i += size
	}
	out := make([]string, 0, n)
	start := -1
	for i := 0; i < len(s); {
		space, size := spaceAt(s, i)
		if !space && start < 0 {
			start = i
		} else if space && start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// spaceAt reports whether the character at s[i] is white space for
// Python's str.split(), and its length in bytes.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r' || 0x1c <= c && c <= 0x1f, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}
