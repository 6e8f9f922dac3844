package httpx

import "errors"

// ErrBase64 reports a Basic credential that Python's base64.b64decode (not
// validating) rejects: non-ASCII input, one stray data character, or
// incomplete padding.
var ErrBase64 = errors.New("httpx: invalid base64")

// DecodeBase64 decodes s as Python's base64.b64decode(s) does without
// validate=True (CPython's binascii.a2b_base64 in non-strict mode):
// characters outside the standard alphabet are skipped, a complete pad ends
// the data, and what remains must form whole quanta. dst is appended to.
func DecodeBase64(dst []byte, s string) ([]byte, error) {
	if !IsASCII(s) {
		return nil, ErrBase64 // Python encodes a str argument as ASCII first, all of it
	}
	var quad, pads int
	var left byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					return dst, nil
				}
			}
			continue
		}
		v := b64val(c)
		if v >= 64 {
			continue
		}
		pads = 0
		switch quad {
		case 0:
			left, quad = v, 1
		case 1:
			dst = append(dst, left<<2|v>>4)
			left, quad = v&0x0f, 2
		case 2:
			dst = append(dst, left<<4|v>>2)
			left, quad = v&0x03, 3
		case 3:
			dst = append(dst, left<<6|v)
			left, quad = 0, 0
		}
	}
	if quad != 0 {
		return nil, ErrBase64
	}
	return dst, nil
}

func b64val(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c - 'A'
	case 'a' <= c && c <= 'z':
		return c - 'a' + 26
	case '0' <= c && c <= '9':
		return c - '0' + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return 255
}
