package httpx

import "strings"

// Form returns every field of an application/x-www-form-urlencoded body, in
// order, as Starlette's FormParser over python-multipart's
// QuerystringParser reads a body given in one chunk:
//   - runs of '&' and ';' between fields are skipped;
//   - a field ends at the next '&' or, when no '&' follows, at the next ';';
//   - a name without '=' has the value "", except at the very end of the
//     body, where the field is dropped;
//   - names and values are decoded like [Unescape].
func Form(body string) map[string][]string {
	m := make(map[string][]string)
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
		k, v, found := strings.Cut(body[i:end], "=")
		if !found && sep < 0 {
			break // python-multipart never ends this field
		}
		k = Unescape(k)
		m[k] = append(m[k], Unescape(v))
		i = end
	}
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
