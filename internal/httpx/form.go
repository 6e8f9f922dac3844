package httpx

import (
	"strings"
)

// FormFields calls fn for each field of an
// application/x-www-form-urlencoded body, in order, with the bounds of its
// raw name, body[start:eq], and of its raw value, body[eq+1:end] (empty
// when eq == end: a name without '='). It splits as Starlette's FormParser
// over python-multipart's QuerystringParser does with a body given in one
// chunk:
//   - runs of '&' and ';' between fields are skipped;
//   - a field ends at the next '&' or, when no '&' follows, at the next ';';
//   - a name without '=' has the value "", except at the very end of the
//     body, where the field is dropped.
func FormFields(body string, fn func(start, eq, end int)) {
	lastAmp := strings.LastIndexByte(body, '&')
	for i, n := 0, len(body); i < n; {
		if c := body[i]; c == '&' || c == ';' {
			i++
			continue
		}
		sep := -1
		if i <= lastAmp {
			sep = i + strings.IndexByte(body[i:], '&')
		} else if j := strings.IndexByte(body[i:], ';'); j >= 0 {
			sep = i + j
		}
		end := sep
		if end < 0 {
			end = n
		}
		eq := strings.IndexByte(body[i:end], '=')
		switch {
		case eq >= 0:
			fn(i, i+eq, end)
		case sep < 0:
			return // python-multipart never ends this field
		default:
			fn(i, end, end)
		}
		i = end
	}
}

// CountFormFields returns how many times [FormFields] calls its fn for body.
func CountFormFields(body string) int {
	n := 0
	FormFields(body, func(int, int, int) { n++ })
	return n
}

// FormField returns the name and value of the field of body that
// [FormFields] bounds by start, eq and end, decoded like [Unescape]
// (Latin-1 bytes, then Python's unquote_plus). They are substrings of body
// when there is nothing to decode.
func FormField(body string, start, eq, end int) (name, value string) {
	name = Unescape(body[start:eq])
	if eq < end {
		value = Unescape(body[eq+1 : end])
	}
	return name, value
}

// Form returns every field of an application/x-www-form-urlencoded body,
// split as [FormFields] splits it and decoded as [FormField] decodes it.
func Form(body []byte) map[string][]string {
	s := string(body)
	m := make(map[string][]string)
	FormFields(s, func(start, eq, end int) {
		k, v := FormField(s, start, eq, end)
		m[k] = append(m[k], v)
	})
	return m
}

// FormKind is what Starlette makes of a request's Content-Type.
type FormKind uint8

// The kinds of body Starlette's Request.form reads.
const (
	NotForm FormKind = iota
	URLEncoded
	Multipart
)

// KindOf classifies a Content-Type value as python-multipart's
// parse_options_header does for Starlette: without parameters the value is
// stripped and lower-cased; with parameters (a ';'), the part before the
// first ';' is stripped but keeps its case (email.message's get_params), so
// "APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8" is not a form. A '='
// in that part makes get_params read it as a parameter name, which it
// lower-cases.
func KindOf(ct string) FormKind {
	var mt string
	if i := strings.IndexByte(ct, ';'); i < 0 {
		mt = strings.ToLower(Strip(ct))
	} else if first := ct[:i]; strings.IndexByte(first, '=') >= 0 {
		mt = strings.ToLower(Strip(first[:strings.IndexByte(first, '=')]))
	} else {
		mt = Strip(first)
	}
	switch mt {
	case "application/x-www-form-urlencoded":
		return URLEncoded
	case "multipart/form-data":
		return Multipart
	}
	return NotForm
}
