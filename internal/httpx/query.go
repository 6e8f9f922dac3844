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

// Query returns every value of every parameter in raw, decoded like
// LastQuery, in order. It allocates; use it only where many names are read.
func Query(raw string) map[string][]string {
	m := make(map[string][]string)
	eachPair(raw, func(k, v string) {
		k = Unescape(k)
		m[k] = append(m[k], Unescape(v))
	})
	return m
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

// Unescape decodes a query component like Python's urllib.parse.unquote_plus
// with errors="replace": '+' becomes a space, a valid %XX its byte, an
// invalid escape stays literally, and invalid UTF-8 becomes U+FFFD.
func Unescape(s string) string {
	if !needsUnescape(s) && utf8.ValidString(s) {
		return s
	}
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '+':
			buf = append(buf, ' ')
			continue
		case '%':
			if i+2 < len(s) {
				hi, ok1 := unhex(s[i+1])
				lo, ok2 := unhex(s[i+2])
				if ok1 && ok2 {
					buf = append(buf, hi<<4|lo)
					i += 2
					continue
				}
			}
		}
		buf = append(buf, c)
	}
	return validUTF8(buf)
}

// validUTF8 returns b as a string with each invalid byte replaced by U+FFFD.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return string(out)
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
