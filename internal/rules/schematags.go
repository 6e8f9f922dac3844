package rules

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// schemaTag describes one swaggest schema tag that constrains a value:
// the values it applies to and the validate rule that does the same.
type schemaTag struct {
	name    string
	applies []class
	on      string // the values it applies to, for messages
	// validate is the equivalent validate rule, %s standing for the
	// tag's value; "" when there is none.
	validate string
}

var (
	numbers = []class{cInt, cFloat}
	scalars = []class{cString, cInt, cFloat, cBool}
)

// schemaTags are the swaggest tags that constrain a value, in the order
// they are read.
var schemaTags = []schemaTag{
	{"minimum", numbers, "numbers", "gte=%s"},
	{"maximum", numbers, "numbers", "lte=%s"},
	{"exclusiveMinimum", numbers, "numbers", "gt=%s"},
	{"exclusiveMaximum", numbers, "numbers", "lt=%s"},
	{"multipleOf", numbers, "numbers", ""},
	{"minLength", []class{cString}, "strings", "min=%s"},
	{"maxLength", []class{cString}, "strings", "max=%s"},
	{"pattern", []class{cString}, "strings", ""},
	{"minItems", []class{cList}, "arrays", "min=%s"},
	{"maxItems", []class{cList}, "arrays", "max=%s"},
	{"uniqueItems", []class{cList}, "arrays", "unique"},
	{"minProperties", []class{cMap}, "objects (maps)", "min=%s"},
	{"maxProperties", []class{cMap}, "objects (maps)", "max=%s"},
	{"enum", scalars, "strings, numbers and booleans", "oneof=%s"},
	{"const", scalars, "strings, numbers and booleans", "eq=%s"},
}

// checkedFormats are the formats that a validate rule checks; a format
// tag with one of them on a string would document a check that nothing
// makes.
var checkedFormats = map[string]string{
	"email": "email", "uri": "url", "uri-reference": "uri", "uuid": "uuid", "ipv4": "ipv4", "ipv6": "ipv6",
	"hostname": "hostname_rfc1123", "date-time": "datetime=2006-01-02T15:04:05Z07:00", "date": "datetime=2006-01-02",
}

// FromSchemaTags reads the schema tags of a field of type t that constrain
// its value (minimum, maxLength, pattern, enum, …; see the package doc of
// typed for the list) into keywords that the server checks. It fails on a
// tag that would document a check nothing makes: one that does not apply
// to t (minLength on a number, say), a value it cannot read, a format that
// only a validate rule checks, or a keyword that the field's validate tag
// sets too. The messages name the validate rule to write instead.
func FromSchemaTags(field string, tag reflect.StructTag, t reflect.Type) (*Keywords, error) {
	k := &Keywords{}
	c := classOf(t)
	var validated map[string]any
	if chain, err := Parse(tag.Get("validate")); err == nil {
		validated = chain.Doc(t).Self.Map()
	}
	for _, st := range schemaTags {
		v, ok := tag.Lookup(st.name)
		if !ok {
			continue
		}
		if !has(st.applies, c) {
			hint := ""
			if st.validate != "" && (c == cList || c == cMap) && !has(st.applies, cList) {
				hint = fmt.Sprintf("; for each element write validate:\"dive,%s\"", fmt.Sprintf(st.validate, v))
			} else if st.validate != "" {
				hint = fmt.Sprintf("; write validate:%q if that is what you mean", fmt.Sprintf(st.validate, v))
			}
			return nil, fmt.Errorf("%s:%q on field %s (%v) constrains nothing: JSON Schema applies %s to %s only%s", st.name, v, field, t, st.name, st.on, hint)
		}
		if _, dup := validated[st.name]; dup {
			return nil, fmt.Errorf("%s:%q on field %s repeats what its validate tag %q says; keep one of them", st.name, v, field, tag.Get("validate"))
		}
		if err := k.set(st.name, v, c); err != nil {
			return nil, fmt.Errorf("%s:%q on field %s: %w", st.name, v, field, err)
		}
	}
	if f, ok := tag.Lookup("format"); ok && c == cString {
		if rule, checked := checkedFormats[f]; checked {
			return nil, fmt.Errorf("format:%q on field %s is not checked by the server; write validate:%q, which checks the value and documents the format", f, field, rule)
		}
	}
	return k, nil
}

func has(list []class, c class) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

func (k *Keywords) set(name, v string, c class) error {
	num := func() (*Num, error) {
		n, ok := ParseNum(v)
		if !ok {
			return nil, fmt.Errorf("not a number")
		}
		if c == cInt {
			n.Int = n.Int || n.F == float64(int64(n.F))
		}
		return &n, nil
	}
	count := func() (*int, error) {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("not a count")
		}
		return &n, nil
	}
	var err error
	switch name {
	case "minimum":
		k.Minimum, err = num()
	case "maximum":
		k.Maximum, err = num()
	case "exclusiveMinimum":
		k.ExclusiveMinimum, err = num()
	case "exclusiveMaximum":
		k.ExclusiveMaximum, err = num()
	case "multipleOf":
		k.MultipleOf, err = num()
		if err == nil && k.MultipleOf.F <= 0 {
			err = fmt.Errorf("must be greater than 0")
		}
	case "minLength":
		k.MinLength, err = count()
	case "maxLength":
		k.MaxLength, err = count()
	case "minItems":
		k.MinItems, err = count()
	case "maxItems":
		k.MaxItems, err = count()
	case "minProperties":
		k.MinProperties, err = count()
	case "maxProperties":
		k.MaxProperties, err = count()
	case "uniqueItems":
		k.UniqueItems, err = strconv.ParseBool(v)
	case "pattern":
		k.Pattern = v
		k.Regexp, err = PydanticRegexp(v)
	case "enum":
		k.Enum, err = enumValues(v, c)
	case "const":
		var vals []any
		vals, err = enumValues("["+jsonScalar(v, c)+"]", c)
		if err == nil {
			k.Const, k.HasConst = vals[0], true
		}
	}
	return err
}

// jsonScalar returns v as JSON: as written if it is a JSON value of the
// field's kind, else as a string.
func jsonScalar(v string, c class) string {
	if c != cString && json.Valid([]byte(v)) {
		return v
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// enumValues reads an enum tag as swaggest does (a JSON array, else
// comma-separated strings) and checks that each value is of the field's
// kind.
func enumValues(v string, c class) ([]any, error) {
	var vals []any
	if err := json.Unmarshal([]byte(v), &vals); err != nil {
		for _, s := range strings.Split(v, ",") {
			vals = append(vals, s)
		}
	}
	for i, e := range vals {
		ok := false
		switch e := e.(type) {
		case string:
			ok = c == cString
		case bool:
			ok = c == cBool
		case float64:
			ok = c == cFloat || c == cInt && e == float64(int64(e))
			if ok && c == cInt {
				vals[i] = int64(e)
			}
		}
		if !ok {
			return nil, fmt.Errorf("value %v is not of the field's type", e)
		}
	}
	return vals, nil
}

// PydanticRegexp compiles a pattern as pydantic (Rust's regex crate)
// reads it, for Go's regexp: search semantics (the pattern may match
// anywhere; anchor it with ^ and $), $ only at the very end of the text,
// and \d, \w, \s (and their negations) Unicode-aware as in Rust, where Go
// reads them as ASCII.
func PydanticRegexp(p string) (*regexp.Regexp, error) {
	return regexp.Compile(unicodeClasses(p))
}

const (
	rustDigit = `\p{Nd}`
	rustWord  = `\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\x{200C}\x{200D}`
	rustSpace = `\t\n\v\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}`
)

// unicodeClasses rewrites \d \w \s \D \W \S into Unicode classes, outside
// and inside character classes (where a negated one stays Go's).
func unicodeClasses(p string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch {
		case ch == '\\' && i+1 < len(p):
			next := p[i+1]
			i++
			switch {
			case next == 'd':
				b.WriteString(rustDigit)
			case next == 'D':
				b.WriteString(`\P{Nd}`)
			case next == 'w' && inClass:
				b.WriteString(rustWord)
			case next == 'w':
				b.WriteString("[" + rustWord + "]")
			case next == 'W' && !inClass:
				b.WriteString("[^" + rustWord + "]")
			case next == 's' && inClass:
				b.WriteString(rustSpace)
			case next == 's':
				b.WriteString("[" + rustSpace + "]")
			case next == 'S' && !inClass:
				b.WriteString("[^" + rustSpace + "]")
			default:
				b.WriteByte('\\')
				b.WriteByte(next)
			}
			continue
		case ch == '[' && !inClass:
			inClass = true
			b.WriteByte(ch)
			// A ']' first in the class (after an optional '^') is literal.
			if i+1 < len(p) && p[i+1] == '^' {
				b.WriteByte('^')
				i++
			}
			if i+1 < len(p) && p[i+1] == ']' {
				b.WriteString(`\]`)
				i++
			}
			continue
		case ch == '[' && inClass && strings.HasPrefix(p[i:], "[:"):
			if j := strings.Index(p[i:], ":]"); j > 0 {
				b.WriteString(p[i : i+j+2])
				i += j + 1
				continue
			}
		case ch == ']' && inClass:
			inClass = false
		}
		b.WriteByte(ch)
	}
	return b.String()
}
