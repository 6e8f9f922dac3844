package typed

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// appendValidationErrors appends {"detail":[…]} for errs in one pass: the
// common values (strings, ints, nil) are written directly and only the rare
// ones (objects, numbers of other types) go through encoding/json. The
// result is byte for byte what json.Marshal writes for the same value.
func appendValidationErrors(b []byte, errs []ValidationError) []byte {
	b = append(b, `{"detail":[`...)
	for i := range errs {
		if i > 0 {
			b = append(b, ',')
		}
		b = errs[i].appendJSON(b)
	}
	return append(b, "]}"...)
}

// appendJSON appends e as its MarshalJSON encodes it.
func (e *ValidationError) appendJSON(b []byte) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, e.Type)
	b = append(b, `,"loc":[`...)
	for i, l := range e.Loc {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendValue(b, l)
	}
	b = append(b, `],"msg":`...)
	b = appendString(b, e.Msg)
	if !e.Secret || e.Input == nil {
		b = append(b, `,"input":`...)
		b = appendValue(b, e.Input)
	}
	if len(e.Ctx) > 0 {
		b = append(b, `,"ctx":`...)
		b = appendValue(b, e.Ctx)
	}
	return append(b, '}')
}

// appendValue appends v as json.Marshal encodes it.
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendString(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case bool:
		return strconv.AppendBool(b, v)
	case map[string]any:
		if len(v) <= 8 {
			return appendSmallMap(b, v)
		}
	}
	enc, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, enc...)
}

const hexDigits = "0123456789abcdef"

// jsonSafe tells the ASCII bytes that appendString writes as they are.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s as a JSON string exactly as encoding/json does
// with HTML escaping on: '"', '\\' and control characters escaped ('\b',
// '\f', '\n', '\r', '\t' by name), '<', '>' and '&' as \u00XX, invalid
// UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendSmallMap appends a map of at most 8 entries with sorted keys, as
// encoding/json does, without its allocations (the ctx of an error).
func appendSmallMap(b []byte, m map[string]any) []byte {
	var keys [8]string
	n := 0
	for k := range m {
		keys[n] = k
		n++
	}
	ks := keys[:n]
	slices.Sort(ks)
	b = append(b, '{')
	for i, k := range ks {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendValue(b, m[k])
	}
	return append(b, '}')
}
