package security

import (
	"strings"
	"unicode/utf8"
)

// challengeText returns s fit for an attribute of a Bearer challenge,
// before quoting: characters a quoted-string cannot hold (controls other
// than HTAB, and DEL) become spaces, so a value never breaks the header.
// When ascii is set (error, error_description, error_uri and scope, which
// RFC 6750 §3 restricts to printable ASCII), HTAB also becomes a space and
// each non-ASCII character (or invalid UTF-8 byte) becomes '?'. '"' and '\'
// are left for quoting to escape. s is returned as is when it is fine.
func challengeText(s string, ascii bool) string {
	i := 0
	for i < len(s) && !badChallengeByte(s[i], ascii) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		switch {
		case !badChallengeByte(c, ascii):
			b.WriteByte(c)
			i++
		case c < 0x20 || c == 0x7f:
			b.WriteByte(' ')
			i++
		default: // non-ASCII, ascii mode
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteByte('?')
			i += n
		}
	}
	return b.String()
}

func badChallengeByte(c byte, ascii bool) bool {
	switch {
	case c == '\t':
		return ascii
	case c < 0x20 || c == 0x7f:
		return true
	case c >= utf8.RuneSelf:
		return ascii
	}
	return false
}
