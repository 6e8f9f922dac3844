package httpx

import (
	"strings"
	"unicode/utf8"
)

// LastQuery returns the value of the last occurrence of name in the raw
// query string, decoded as Starlette decodes it (Python's parse_qsl with
// keep_blank_values: '+' is a space, invalid %-escapes stay as written,
// invalid UTF-8 becomes U+FFFD). ok is false when name does not occur.
func LastQuery(raw, name string) (value string, ok bool) {
	var last string
	eachPair(raw, func(k, v string) {
		if k == name || (needsUnescape(k) && Unescape(k) == name) {
			last, ok = v, true
		}
	})
	if !ok {
		return "", false
	}
	return Unescape(last), true
}

func needsUnescape(s string) bool {
	return strings.ContainsAny(s, "%+")
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Unescape decodes a query component like Starlette: the raw bytes are read
// as Latin-1, then Python's urllib.parse.unquote_plus with errors="replace"
// applies: '+' becomes a space, a valid %XX its byte, an invalid escape stays
// literally, and each run of ASCII text is decoded as UTF-8 with invalid
// bytes replaced by U+FFFD. A raw byte of 0x80 or above is the Latin-1
// character of that code point (Python never joins it with escapes).
func Unescape(s string) string {
	plain, ascii := true, true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			ascii = false
		case c == '%', c == '+':
			plain = false
		}
	}
	if plain && ascii {
		return s
	}
	if ascii {
		// Decoding only shrinks ASCII text: one buffer of len(s) holds
		// it, and is the answer when the decoded bytes are valid UTF-8.
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			var c byte
			c, i = unescapeAt(s, i)
			b.WriteByte(c)
		}
		if out := b.String(); utf8.ValidString(out) {
			return out
		}
	}
	out := make([]byte, 0, len(s)+8)
	run := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			out = appendValidUTF8(out, run)
			run = run[:0]
			out = utf8.AppendRune(out, rune(c))
			continue
		}
		var c byte
		c, i = unescapeAt(s, i)
		run = append(run, c)
	}
	return string(appendValidUTF8(out, run))
}

// unescapeAt decodes the ASCII byte s[i] as unquote_plus does: '+' is a
// space, a valid %XX its byte (the index of its last digit is returned),
// anything else itself.
func unescapeAt(s string, i int) (byte, int) {
	switch c := s[i]; {
	case c == '+':
		return ' ', i
	case c == '%' && i+2 < len(s):
		hi, ok1 := unhex(s[i+1])
		lo, ok2 := unhex(s[i+2])
		if ok1 && ok2 {
			return hi<<4 | lo, i + 2
		}
	}
	return s[i], i
}

// appendValidUTF8 appends b to out decoded like Python's
// bytes.decode("utf-8", "replace"): each maximal prefix of a valid sequence
// that cannot be completed, and each byte that cannot start one, becomes a
// single U+FFFD (Unicode's "maximal subpart" practice).
func appendValidUTF8(out, b []byte) []byte {
	if utf8.Valid(b) {
		return append(out, b...)
	}
	for len(b) > 0 {
		if r, n := utf8.DecodeRune(b); r != utf8.RuneError || n > 1 {
			out = append(out, b[:n]...)
			b = b[n:]
			continue
		}
		out = append(out, "\uFFFD"...)
		b = b[invalidPrefix(b):]
	}
	return out
}

// invalidPrefix returns how many bytes of b, which does not start with a
// valid UTF-8 sequence, form one maximal subpart (at least 1).
func invalidPrefix(b []byte) int {
	c := b[0]
	var n int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		n = 2
	case c == 0xE0:
		n, lo = 3, 0xA0
	case c == 0xED:
		n, hi = 3, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		n = 3
	case c == 0xF0:
		n, lo = 4, 0x90
	case c == 0xF4:
		n, hi = 4, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		n = 4
	default:
		return 1
	}
	i := 1
	for ; i < n && i < len(b); i++ {
		if b[i] < lo || b[i] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return i
}

// AllQuery returns the values of every occurrence of name in raw, decoded
// like LastQuery, in order.
func AllQuery(raw, name string) []string {
	var out []string
	eachPair(raw, func(k, v string) {
		if k == name || (needsUnescape(k) && Unescape(k) == name) {
			out = append(out, Unescape(v))
		}
	})
	return out
}

// eachPair calls fn with the raw key and value of each non-empty
// '&'-separated pair of raw (Python's parse_qsl splits on '&' only; a pair
// without '=' has an empty value).
func eachPair(raw string, fn func(k, v string)) {
	for raw != "" {
		var pair string
		if i := strings.IndexByte(raw, '&'); i >= 0 {
			pair, raw = raw[:i], raw[i+1:]
		} else {
			pair, raw = raw, ""
		}
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		fn(k, v)
	}
}
