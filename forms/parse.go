package forms

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/fastecho/fastecho/internal/httpx"
)

// The fields of the password form, in FastAPI's order (the order of its
// 422 entries).
const (
	fGrantType = iota
	fUsername
	fPassword
	fScope
	fClientID
	fClientSecret
	nFields
)

var fieldNames = [nFields]string{"grant_type", "username", "password", "scope", "client_id", "client_secret"}

// parseURLEncoded returns the decoded value of the last occurrence of each
// field of the password form in body ("" when absent or empty). It follows
// Starlette's FormParser over python-multipart's QuerystringParser, given
// the body in one chunk, split by httpx.FormFields (as typed.Form is):
//   - names and values are read as Latin-1, then '+' is a space and %XX
//     escapes are decoded as UTF-8 with invalid sequences replaced by
//     U+FFFD (Python's unquote_plus).
//
// Only the six names are compared, without allocating, and only the last
// value of each is decoded; the decoded values share one allocation.
func parseURLEncoded(body []byte) (vals [nFields]string) {
	var span [nFields][2]int
	httpx.FormFields(body, func(start, eq, end int) {
		if k := keyOf(body[start:eq]); k >= 0 {
			span[k] = [2]int{min(eq+1, end), end}
		}
	})
	total := 0
	for _, s := range span {
		total += s[1] - s[0]
	}
	if total == 0 {
		return vals
	}
	var b strings.Builder
	b.Grow(total)
	var off [nFields + 1]int
	for k, s := range span {
		off[k] = b.Len()
		unquotePlus(&b, body[s[0]:s[1]])
	}
	off[nFields] = b.Len()
	all := b.String()
	for k := range vals {
		vals[k] = all[off[k]:off[k+1]]
	}
	return vals
}

// keyOf returns the field whose name raw decodes to, or -1.
func keyOf(raw []byte) int {
	switch string(raw) {
	case "grant_type":
		return fGrantType
	case "username":
		return fUsername
	case "password":
		return fPassword
	case "scope":
		return fScope
	case "client_id":
		return fClientID
	case "client_secret":
		return fClientSecret
	}
	if bytes.IndexByte(raw, '%') < 0 && bytes.IndexByte(raw, '+') < 0 {
		return -1
	}
	for k, name := range fieldNames {
		if unquotesTo(raw, name) {
			return k
		}
	}
	return -1
}

// unquotesTo reports whether unquotePlus(raw) is the ASCII string name,
// without allocating: any byte at or above 0x80, raw or escaped, decodes
// to a non-ASCII character and so cannot match.
func unquotesTo(raw []byte, name string) bool {
	j := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '+':
			c = ' '
		case c == '%' && i+2 < len(raw) && isHex(raw[i+1]) && isHex(raw[i+2]):
			c = unhex(raw[i+1])<<4 | unhex(raw[i+2])
			i += 2
		}
		if c >= utf8.RuneSelf || j >= len(name) || name[j] != c {
			return false
		}
		j++
	}
	return j == len(name)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// unquotePlus writes Python's unquote_plus(raw.decode("latin-1")) to b:
// '+' is a space; in each run of ASCII characters, %XX escapes are decoded
// and the bytes read as UTF-8, each maximal invalid subsequence becoming
// one U+FFFD (Python's "replace"); a raw byte at or above 0x80 is the
// Latin-1 character of that code point.
func unquotePlus(b *strings.Builder, raw []byte) {
	var d utf8Decoder
	for i := 0; i < len(raw); {
		j := i
		for j < len(raw) && raw[j] < utf8.RuneSelf && raw[j] != '+' && raw[j] != '%' {
			j++
		}
		if j > i {
			d.flush(b)
			b.Write(raw[i:j])
			i = j
			continue
		}
		c := raw[i]
		i++
		switch {
		case c >= utf8.RuneSelf:
			d.flush(b)
			b.WriteByte(0xC0 | c>>6)
			b.WriteByte(0x80 | c&0x3F)
			continue
		case c == '+':
			c = ' '
		case i+1 < len(raw) && isHex(raw[i]) && isHex(raw[i+1]):
			c = unhex(raw[i])<<4 | unhex(raw[i+1])
			i += 2
		}
		d.feed(b, c)
	}
	d.flush(b)
}

// textValue is a multipart field value as Starlette decodes it: UTF-8 if
// valid, else every byte as its Latin-1 character.
func textValue(v string) string {
	if utf8.ValidString(v) {
		return v
	}
	return httpx.Latin1(v)
}
