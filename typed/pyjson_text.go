package typed

import (
	"encoding/json"
	"math"
	"unicode/utf16"
	"unicode/utf8"
)

// The text json.loads parses: bytes decoded in the encoding it detects,
// and the Python values a 422 echoes.

// decodeJSONText decodes body as json.loads decodes bytes: the encoding is
// detected from a BOM or the pattern of zero bytes (UTF-8, -16 or -32),
// with surrogates passed through.
func decodeJSONText(b []byte) ([]rune, error) {
	bom := func(p ...byte) bool { return len(b) >= len(p) && string(b[:len(p)]) == string(p) }
	switch {
	case bom(0, 0, 0xFE, 0xFF):
		return decodeUTF32(b[4:], true)
	case bom(0xFF, 0xFE, 0, 0):
		return decodeUTF32(b[4:], false)
	case bom(0xFE, 0xFF):
		return decodeUTF16(b[2:], true)
	case bom(0xFF, 0xFE):
		return decodeUTF16(b[2:], false)
	case bom(0xEF, 0xBB, 0xBF):
		return decodeUTF8(b[3:])
	}
	if len(b) >= 4 {
		switch {
		case b[0] == 0 && b[1] != 0:
			return decodeUTF16(b, true)
		case b[0] == 0:
			return decodeUTF32(b, true)
		case b[1] == 0 && (b[2] != 0 || b[3] != 0):
			return decodeUTF16(b, false)
		case b[1] == 0:
			return decodeUTF32(b, false)
		}
	} else if len(b) == 2 {
		switch {
		case b[0] == 0:
			return decodeUTF16(b, true)
		case b[1] == 0:
			return decodeUTF16(b, false)
		}
	}
	return decodeUTF8(b)
}

func decodeUTF8(b []byte) ([]rune, error) {
	out := make([]rune, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			out = append(out, rune(c))
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			// surrogatepass: a UTF-8 encoded surrogate, ED A0..BF xx.
			if c == 0xED && i+2 < len(b) && b[i+1] >= 0xA0 && b[i+1] <= 0xBF && b[i+2]&0xC0 == 0x80 {
				out = append(out, rune(c&0x0F)<<12|rune(b[i+1]&0x3F)<<6|rune(b[i+2]&0x3F))
				i += 3
				continue
			}
			return nil, &jsonBodyError{"invalid UTF-8"}
		}
		out = append(out, r)
		i += size
	}
	return out, nil
}

func decodeUTF16(b []byte, big bool) ([]rune, error) {
	if len(b)%2 != 0 {
		return nil, &jsonBodyError{"truncated UTF-16"}
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if big {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]rune, 0, len(units))
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if utf16.IsSurrogate(u) && u < 0xDC00 && i+1 < len(units) {
			if r := utf16.DecodeRune(u, rune(units[i+1])); r != utf8.RuneError {
				out = append(out, r)
				i++
				continue
			}
		}
		out = append(out, u) // surrogatepass
	}
	return out, nil
}

func decodeUTF32(b []byte, big bool) ([]rune, error) {
	if len(b)%4 != 0 {
		return nil, &jsonBodyError{"truncated UTF-32"}
	}
	out := make([]rune, len(b)/4)
	for i := range out {
		w := b[4*i : 4*i+4]
		var r uint32
		if big {
			r = uint32(w[0])<<24 | uint32(w[1])<<16 | uint32(w[2])<<8 | uint32(w[3])
		} else {
			r = uint32(w[3])<<24 | uint32(w[2])<<16 | uint32(w[1])<<8 | uint32(w[0])
		}
		if r > utf8.MaxRune {
			return nil, &jsonBodyError{"invalid UTF-32"}
		}
		out[i] = rune(r)
	}
	return out, nil
}

// input returns j as the Go value a 422 echoes (Python's value, as FastAPI
// encodes it): objects as maps, arrays as slices, numbers as written, and
// the floats JSON cannot hold (NaN, ±Infinity) as null.
func (j *jvalue) input() any {
	switch j.kind {
	case jBool:
		return j.b
	case jInt:
		return json.Number(j.s)
	case jFloat:
		if math.IsInf(j.f, 0) || math.IsNaN(j.f) {
			return nil
		}
		return json.Number(j.s)
	case jString:
		return j.s
	case jArray:
		out := make([]any, len(j.list))
		for i := range j.list {
			out[i] = j.list[i].input()
		}
		return out
	case jObject:
		out := make(map[string]any, len(j.keys))
		for i, k := range j.keys {
			out[k] = j.vals[i].input()
		}
		return out
	}
	return nil
}
