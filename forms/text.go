package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// utf8Decoder decodes a byte stream as UTF-8 the way CPython's decoder does
// with errors="replace": a maximal subpart of an invalid sequence (a valid
// prefix of some encoded character, or else a single byte) becomes one
// U+FFFD.
type utf8Decoder struct {
	buf  [utf8.UTFMax]byte
	n    int // bytes held in buf
	need int // length of the character begun in buf
}

func (d *utf8Decoder) feed(b *strings.Builder, c byte) {
	if d.n > 0 {
		if d.continues(c) {
			d.buf[d.n] = c
			d.n++
			if d.n == d.need {
				b.Write(d.buf[:d.n])
				d.n = 0
			}
			return
		}
		d.flush(b)
	}
	switch {
	case c < utf8.RuneSelf:
		b.WriteByte(c)
	case 0xC2 <= c && c <= 0xDF:
		d.buf[0], d.n, d.need = c, 1, 2
	case 0xE0 <= c && c <= 0xEF:
		d.buf[0], d.n, d.need = c, 1, 3
	case 0xF0 <= c && c <= 0xF4:
		d.buf[0], d.n, d.need = c, 1, 4
	default:
		b.WriteString(string(utf8.RuneError))
	}
}

// continues reports whether c can follow the bytes in buf (Unicode table
// 3-7 of well-formed UTF-8 byte sequences).
func (d *utf8Decoder) continues(c byte) bool {
	lo, hi := byte(0x80), byte(0xBF)
	if d.n == 1 {
		switch d.buf[0] {
		case 0xE0:
			lo = 0xA0
		case 0xED:
			hi = 0x9F
		case 0xF0:
			lo = 0x90
		case 0xF4:
			hi = 0x8F
		}
	}
	return lo <= c && c <= hi
}

// flush ends the character in progress: an incomplete one is one U+FFFD.
func (d *utf8Decoder) flush(b *strings.Builder) {
	if d.n > 0 {
		b.WriteString(string(utf8.RuneError))
		d.n = 0
	}
}

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
