package httpx

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// isPySpace reports whether the Latin-1 character b is whitespace for
// Python's str.strip: \t \n \v \f \r, \x1c-\x1f, space, \x85 and \xa0.
func isPySpace(b byte) bool {
	switch {
	case b >= '\t' && b <= '\r', b >= 0x1c && b <= 0x20:
		return true
	case b == 0x85, b == 0xa0:
		return true
	}
	return false
}

// Strip trims s, a string of Latin-1 characters one per byte, as Python's
// str.strip() does.
func Strip(s string) string {
	i, j := 0, len(s)
	for i < j && isPySpace(s[i]) {
		i++
	}
	for j > i && isPySpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

// Latin1 returns s, a string of Latin-1 characters one per byte (how
// Starlette reads header bytes), as UTF-8. ASCII input is returned as is,
// without allocating.
func Latin1(s string) string {
	i := asciiPrefix(s)
	if i == len(s) {
		return s
	}
	buf := make([]byte, 0, len(s)+8)
	buf = append(buf, s[:i]...)
	for ; i < len(s); i++ {
		buf = utf8.AppendRune(buf, rune(s[i]))
	}
	return string(buf)
}

// IsASCII reports whether every byte of s is below 0x80.
func IsASCII(s string) bool { return asciiPrefix(s) == len(s) }

// asciiPrefix returns the length of s's longest prefix of ASCII bytes,
// testing eight bytes at a time (BenchmarkLatin1).
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// EqualFoldASCII reports whether s equals the lower-case ASCII word lower,
// ignoring ASCII case only (Python's str.lower on the Latin-1 range also
// folds À-Þ, which never appear in the scheme names compared here).
func EqualFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// DecodeCharset decodes b, a multipart field's bytes, as Starlette does
// (_user_safe_decode): with charset, the charset parameter of the
// request's Content-Type (UTF-8 when empty); when the bytes are not valid
// in it, or Python knows no such codec here, as Latin-1. The charsets read
// are UTF-8, Latin-1 and ASCII under their common Python names.
func DecodeCharset(b []byte, charset string) string {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(charset), "_", "-")) {
	case "", "utf-8", "utf8", "u8", "utf", "cp65001":
		if utf8.Valid(b) {
			return string(b)
		}
	case "ascii", "us-ascii", "646":
		if IsASCII(string(b)) {
			return string(b)
		}
	}
	return Latin1(string(b))
}
