package typed

import (
	"math"
	"strconv"
	"unicode/utf16"
)

// FastAPI reads a JSON body with Python's json.loads, then validates the
// Python value with pydantic. This file is the first half: a parser that
// accepts what json.loads accepts (NaN, Infinity, duplicate keys: the last
// value wins at the first key's place; integers of any size) and refuses
// the rest with CPython's message at CPython's position, counted in
// characters of the decoded text, as FastAPI's json_invalid error reports
// them. The messages are CPython 3.13's and later, which name a trailing
// comma ("Illegal trailing comma before end of object").

// jkind is the kind of a JSON value.
type jkind uint8

const (
	jNull jkind = iota
	jBool
	jInt   // a number without fraction or exponent: a Python int
	jFloat // a number with one, or NaN, Infinity, -Infinity: a Python float
	jString
	jArray
	jObject
)

// jvalue is a parsed JSON value.
type jvalue struct {
	kind jkind
	b    bool
	s    string  // a string's value, a number's literal text
	f    float64 // a jFloat's value
	list []jvalue
	keys []string // an object's keys in first-insertion order
	vals []jvalue // and their (last) values
}

// get returns the value of an object's key.
func (j *jvalue) get(key string) (*jvalue, bool) {
	for i, k := range j.keys {
		if k == key {
			return &j.vals[i], true
		}
	}
	return nil, false
}

// jsonSyntaxError is json.JSONDecodeError: a message and the offset, in
// characters, where Python reports it.
type jsonSyntaxError struct {
	msg string
	pos int
}

func (e *jsonSyntaxError) Error() string { return e.msg + " at character " + strconv.Itoa(e.pos) }

// jsonBodyError is an error json.loads raises that is not a
// JSONDecodeError (text that does not decode in the detected encoding, a
// number of more than 4300 digits, nesting too deep): FastAPI answers it
// with a 400.
type jsonBodyError struct{ reason string }

func (e *jsonBodyError) Error() string { return "typed: body is not JSON: " + e.reason }

// trailingCommaMessages: CPython 3.13 and later report a trailing comma as
// such; earlier versions expect a value (or a property name) there.
var trailingCommaMessages = true

// maxJSONDepth bounds nesting, as Python's recursion limit does.
const maxJSONDepth = 1000

// maxIntDigits is Python's limit on converting a decimal string to an int.
const maxIntDigits = 4300

// parsePythonJSON parses body as json.loads(body) does.
func parsePythonJSON(body []byte) (jvalue, error) {
	text, err := decodeJSONText(body)
	if err != nil {
		return jvalue{}, err
	}
	p := pyParser{s: text}
	i := p.ws(0)
	v, end, err := p.value(i, 0)
	if err != nil {
		return jvalue{}, err
	}
	if end = p.ws(end); end != len(text) {
		return jvalue{}, &jsonSyntaxError{"Extra data", end}
	}
	return v, nil
}

// pyParser is CPython's C scanner (Modules/_json.c) over decoded text.
type pyParser struct{ s []rune }

func (p *pyParser) ws(i int) int {
	for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t' || p.s[i] == '\n' || p.s[i] == '\r') {
		i++
	}
	return i
}

func (p *pyParser) has(i int, lit string) bool {
	if i+len(lit) > len(p.s) {
		return false
	}
	for k := 0; k < len(lit); k++ {
		if p.s[i+k] != rune(lit[k]) {
			return false
		}
	}
	return true
}

// value is scan_once: the value starting at i, and the index after it.
func (p *pyParser) value(i, depth int) (jvalue, int, error) {
	if i >= len(p.s) {
		return jvalue{}, 0, &jsonSyntaxError{"Expecting value", i}
	}
	switch p.s[i] {
	case '"':
		s, end, err := p.str(i + 1)
		return jvalue{kind: jString, s: s}, end, err
	case '{':
		if depth >= maxJSONDepth {
			return jvalue{}, 0, &jsonBodyError{"nested too deeply"}
		}
		return p.object(i+1, depth+1)
	case '[':
		if depth >= maxJSONDepth {
			return jvalue{}, 0, &jsonBodyError{"nested too deeply"}
		}
		return p.array(i+1, depth+1)
	case 'n':
		if p.has(i, "null") {
			return jvalue{kind: jNull}, i + 4, nil
		}
	case 't':
		if p.has(i, "true") {
			return jvalue{kind: jBool, b: true}, i + 4, nil
		}
	case 'f':
		if p.has(i, "false") {
			return jvalue{kind: jBool}, i + 5, nil
		}
	case 'N':
		if p.has(i, "NaN") {
			return jvalue{kind: jFloat, s: "NaN", f: math.NaN()}, i + 3, nil
		}
	case 'I':
		if p.has(i, "Infinity") {
			return jvalue{kind: jFloat, s: "Infinity", f: math.Inf(1)}, i + 8, nil
		}
	case '-':
		if p.has(i, "-Infinity") {
			return jvalue{kind: jFloat, s: "-Infinity", f: math.Inf(-1)}, i + 9, nil
		}
	}
	return p.number(i)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// number is _match_number_unicode.
func (p *pyParser) number(start int) (jvalue, int, error) {
	s, i := p.s, start
	if s[i] == '-' {
		i++
		if i >= len(s) {
			return jvalue{}, 0, &jsonSyntaxError{"Expecting value", start}
		}
	}
	switch {
	case s[i] >= '1' && s[i] <= '9':
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	case s[i] == '0':
		i++
	default:
		return jvalue{}, 0, &jsonSyntaxError{"Expecting value", start}
	}
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		i += 2
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i+1 < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e := i
		i++
		if i+1 < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if isDigit(s[i-1]) {
			isFloat = true
		} else {
			i = e
		}
	}
	text := string(s[start:i])
	if !isFloat {
		if len(trimSign(text)) > maxIntDigits {
			return jvalue{}, 0, &jsonBodyError{"integer of more than 4300 digits"}
		}
		return jvalue{kind: jInt, s: text}, i, nil
	}
	f, _ := strconv.ParseFloat(text, 64) // out of range: ±Inf or 0, as Python's float()
	return jvalue{kind: jFloat, s: text, f: f}, i, nil
}

func trimSign(s string) string {
	if s != "" && s[0] == '-' {
		return s[1:]
	}
	return s
}

// str is scanstring_unicode: the string whose first character is at
// begin (after the quote).
func (p *pyParser) str(begin int) (string, int, error) {
	s := p.s
	out := make([]rune, 0, 16)
	end := begin
	for {
		next := end
		var c rune
		for ; next < len(s); next++ {
			c = s[next]
			if c == '"' || c == '\\' {
				break
			}
			if c <= 0x1f {
				return "", 0, &jsonSyntaxError{"Invalid control character at", next}
			}
		}
		if next >= len(s) {
			return "", 0, &jsonSyntaxError{"Unterminated string starting at", begin - 1}
		}
		out = append(out, s[end:next]...)
		next++
		if c == '"' {
			return runesToString(out), next, nil
		}
		if next == len(s) {
			return "", 0, &jsonSyntaxError{"Unterminated string starting at", begin - 1}
		}
		c = s[next]
		if c != 'u' {
			end = next + 1
			switch c {
			case '"', '\\', '/':
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default:
				return "", 0, &jsonSyntaxError{"Invalid \\escape", end - 2}
			}
			out = append(out, c)
			continue
		}
		next++
		end = next + 4
		if end >= len(s) {
			return "", 0, &jsonSyntaxError{"Invalid \\uXXXX escape", next - 1}
		}
		u, ok := hex4(s[next:end])
		if !ok {
			return "", 0, &jsonSyntaxError{"Invalid \\uXXXX escape", end - 5}
		}
		next = end
		if u >= 0xD800 && u <= 0xDBFF && end+6 < len(s) && s[next] == '\\' && s[next+1] == 'u' {
			u2, ok := hex4(s[next+2 : next+6])
			if !ok {
				return "", 0, &jsonSyntaxError{"Invalid \\uXXXX escape", end + 1}
			}
			if u2 >= 0xDC00 && u2 <= 0xDFFF {
				u = utf16.DecodeRune(u, u2)
				end += 6
			}
		}
		out = append(out, u)
	}
}

func hex4(rs []rune) (rune, bool) {
	var v rune
	for _, r := range rs {
		v <<= 4
		switch {
		case '0' <= r && r <= '9':
			v |= r - '0'
		case 'a' <= r && r <= 'f':
			v |= r - 'a' + 10
		case 'A' <= r && r <= 'F':
			v |= r - 'A' + 10
		default:
			return 0, false
		}
	}
	return v, true
}

// runesToString converts decoded text to a Go string; a lone surrogate,
// which Python keeps, becomes U+FFFD.
func runesToString(rs []rune) string { return string(rs) }

func (p *pyParser) object(i, depth int) (jvalue, int, error) {
	s := p.s
	v := jvalue{kind: jObject}
	var index map[string]int
	i = p.ws(i)
	if i < len(s) && s[i] == '}' {
		return v, i + 1, nil
	}
	for {
		if i >= len(s) || s[i] != '"' {
			return jvalue{}, 0, &jsonSyntaxError{"Expecting property name enclosed in double quotes", i}
		}
		key, next, err := p.str(i + 1)
		if err != nil {
			return jvalue{}, 0, err
		}
		i = p.ws(next)
		if i >= len(s) || s[i] != ':' {
			return jvalue{}, 0, &jsonSyntaxError{"Expecting ':' delimiter", i}
		}
		i = p.ws(i + 1)
		val, next, err := p.value(i, depth)
		if err != nil {
			return jvalue{}, 0, err
		}
		v.set(key, val, &index)
		i = p.ws(next)
		if i < len(s) && s[i] == '}' {
			return v, i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return jvalue{}, 0, &jsonSyntaxError{"Expecting ',' delimiter", i}
		}
		comma := i
		i = p.ws(i + 1)
		if trailingCommaMessages && i < len(s) && s[i] == '}' {
			return jvalue{}, 0, &jsonSyntaxError{"Illegal trailing comma before end of object", comma}
		}
	}
}

// set adds key to an object as a Python dict does: a repeated key keeps
// its place and takes the new value.
func (j *jvalue) set(key string, val jvalue, index *map[string]int) {
	if len(j.keys) >= 8 && *index == nil {
		*index = make(map[string]int, 16)
		for i, k := range j.keys {
			(*index)[k] = i
		}
	}
	if *index != nil {
		if i, ok := (*index)[key]; ok {
			j.vals[i] = val
			return
		}
		(*index)[key] = len(j.keys)
	} else {
		for i, k := range j.keys {
			if k == key {
				j.vals[i] = val
				return
			}
		}
	}
	j.keys = append(j.keys, key)
	j.vals = append(j.vals, val)
}

func (p *pyParser) array(i, depth int) (jvalue, int, error) {
	s := p.s
	v := jvalue{kind: jArray, list: []jvalue{}}
	i = p.ws(i)
	if i < len(s) && s[i] == ']' {
		return v, i + 1, nil
	}
	for {
		val, next, err := p.value(i, depth)
		if err != nil {
			return jvalue{}, 0, err
		}
		v.list = append(v.list, val)
		i = p.ws(next)
		if i < len(s) && s[i] == ']' {
			return v, i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return jvalue{}, 0, &jsonSyntaxError{"Expecting ',' delimiter", i}
		}
		comma := i
		i = p.ws(i + 1)
		if trailingCommaMessages && i < len(s) && s[i] == ']' {
			return jvalue{}, 0, &jsonSyntaxError{"Illegal trailing comma before end of array", comma}
		}
	}
}
