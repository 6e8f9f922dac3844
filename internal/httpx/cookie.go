package httpx

import "strings"

// Cookie returns the value of the last cookie called name across every
// Cookie header in headers, parsed as Starlette's cookie_parser does: each
// header is split on ';', each pair at its first '=' (a pair without one has
// an empty name), names and values are trimmed like Python's str.strip,
// double-quoted values are unquoted with Python's http.cookies rules, and
// nothing is percent-decoded. Spaces inside a value are kept. The result is
// UTF-8 (header bytes are read as Latin-1). ok is false when no such cookie
// was sent.
func Cookie(headers []string, name string) (value string, ok bool) {
	var last string
	for _, h := range headers {
		for h != "" {
			var chunk string
			if i := strings.IndexByte(h, ';'); i >= 0 {
				chunk, h = h[:i], h[i+1:]
			} else {
				chunk, h = h, ""
			}
			k, v, found := strings.Cut(chunk, "=")
			if !found {
				k, v = "", chunk
			}
			k, v = Strip(k), Strip(v)
			if k == "" && v == "" {
				continue
			}
			if k == name {
				last, ok = v, true
			}
		}
	}
	if !ok {
		return "", false
	}
	return Latin1(unquoteCookie(last)), true
}

// unquoteCookie is Python's http.cookies._unquote: a value of at least two
// characters wrapped in double quotes loses them, and inside, \ooo (octal,
// first digit 0-3) is that byte and \c is c.
func unquoteCookie(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			buf = append(buf, c)
			continue
		}
		if i+3 < len(s) && isOctal(s[i+1], '3') && isOctal(s[i+2], '7') && isOctal(s[i+3], '7') {
			buf = append(buf, (s[i+1]-'0')<<6|(s[i+2]-'0')<<3|(s[i+3]-'0'))
			i += 3
			continue
		}
		if s[i+1] == '\n' { // Python's '.' does not match a newline
			buf = append(buf, c)
			continue
		}
		buf = append(buf, s[i+1])
		i++
	}
	return string(buf)
}

func isOctal(c, max byte) bool { return c >= '0' && c <= max }
