package rules

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Num is a number of a constraint: its value, and whether it is an
// integer (it is then written without a fraction).
type Num struct {
	F   float64
	Int bool
}

// ParseNum reads a constraint's number.
func ParseNum(s string) (Num, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return Num{F: float64(n), Int: true}, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return Num{}, false
	}
	return Num{F: f}, true
}

// JSON returns n as it is written in a document or an error's ctx.
func (n Num) JSON() any {
	if n.Int && math.Abs(n.F) < 1<<53 {
		return int64(n.F)
	}
	return n.F
}

// Text returns n as pydantic words it in a message: Rust's Display of the
// number, which never uses an exponent.
func (n Num) Text() string {
	if n.Int && math.Abs(n.F) < 1<<53 {
		return strconv.FormatInt(int64(n.F), 10)
	}
	return strconv.FormatFloat(n.F, 'f', -1, 64)
}

// Keywords are the JSON Schema keywords that one declaration (a validate
// rule, or a field's schema tags) puts on a value. A nil pointer or an
// empty value is an absent keyword.
type Keywords struct {
	Minimum, Maximum                   *Num
	ExclusiveMinimum, ExclusiveMaximum *Num
	MultipleOf                         *Num
	MinLength, MaxLength               *int
	// Pattern is the pattern as documented; Regexp is how it is checked
	// (Go's regexp, with search semantics as in JSON Schema).
	Pattern                      string
	Regexp                       *regexp.Regexp
	MinItems, MaxItems           *int
	UniqueItems                  bool
	MinProperties, MaxProperties *int
	Enum                         []any
	Const                        any
	HasConst                     bool
	Format                       string
	ContentEncoding              string
	ContentMediaType             string
	Not                          *Keywords
	AnyOf                        []*Keywords
	AllOf                        []*Keywords
	// Required: the value must be present and not null.
	Required bool
	// Notes are the rules (as written) that the keywords cannot say
	// exactly, for the description.
	Notes []string
	// Tags are the rules (as written) the keywords come from.
	Tags []string
}

func intp(n int) *int { return &n }

// Map returns the keywords as JSON Schema (without Required and Notes).
func (k *Keywords) Map() map[string]any {
	m := map[string]any{}
	if k == nil {
		return m
	}
	num := func(name string, n *Num) {
		if n != nil {
			m[name] = n.JSON()
		}
	}
	count := func(name string, n *int) {
		if n != nil {
			m[name] = *n
		}
	}
	num("minimum", k.Minimum)
	num("maximum", k.Maximum)
	num("exclusiveMinimum", k.ExclusiveMinimum)
	num("exclusiveMaximum", k.ExclusiveMaximum)
	num("multipleOf", k.MultipleOf)
	count("minLength", k.MinLength)
	count("maxLength", k.MaxLength)
	count("minItems", k.MinItems)
	count("maxItems", k.MaxItems)
	count("minProperties", k.MinProperties)
	count("maxProperties", k.MaxProperties)
	if k.Pattern != "" {
		m["pattern"] = k.Pattern
	}
	if k.UniqueItems {
		m["uniqueItems"] = true
	}
	if k.Enum != nil {
		m["enum"] = k.Enum
	}
	if k.HasConst {
		m["const"] = k.Const
	}
	if k.Format != "" {
		m["format"] = k.Format
	}
	if k.ContentEncoding != "" {
		m["contentEncoding"] = k.ContentEncoding
	}
	if k.ContentMediaType != "" {
		m["contentMediaType"] = k.ContentMediaType
	}
	if k.Not != nil {
		m["not"] = k.Not.Map()
	}
	for _, list := range []struct {
		name string
		ks   []*Keywords
	}{{"anyOf", k.AnyOf}, {"allOf", k.AllOf}} {
		if len(list.ks) == 0 {
			continue
		}
		out := make([]any, len(list.ks))
		for i, b := range list.ks {
			out[i] = b.Map()
		}
		m[list.name] = out
	}
	return m
}

// Merge adds o's keywords to k. A keyword that both set to different
// values goes, with the rest of o, into allOf: both must hold.
func (k *Keywords) Merge(o *Keywords) {
	if o == nil {
		return
	}
	k.Required = k.Required || o.Required
	k.Notes = append(k.Notes, o.Notes...)
	k.Tags = append(k.Tags, o.Tags...)
	if clash(k, o) {
		c := *o
		c.Required, c.Notes, c.Tags = false, nil, nil
		k.AllOf = append(k.AllOf, &c)
		return
	}
	setNum := func(dst **Num, src *Num) {
		if src != nil {
			*dst = src
		}
	}
	setInt := func(dst **int, src *int) {
		if src != nil {
			*dst = src
		}
	}
	setNum(&k.Minimum, o.Minimum)
	setNum(&k.Maximum, o.Maximum)
	setNum(&k.ExclusiveMinimum, o.ExclusiveMinimum)
	setNum(&k.ExclusiveMaximum, o.ExclusiveMaximum)
	setNum(&k.MultipleOf, o.MultipleOf)
	setInt(&k.MinLength, o.MinLength)
	setInt(&k.MaxLength, o.MaxLength)
	setInt(&k.MinItems, o.MinItems)
	setInt(&k.MaxItems, o.MaxItems)
	setInt(&k.MinProperties, o.MinProperties)
	setInt(&k.MaxProperties, o.MaxProperties)
	if o.Pattern != "" {
		k.Pattern, k.Regexp = o.Pattern, o.Regexp
	}
	k.UniqueItems = k.UniqueItems || o.UniqueItems
	if o.Enum != nil {
		k.Enum = o.Enum
	}
	if o.HasConst {
		k.Const, k.HasConst = o.Const, true
	}
	if o.Format != "" {
		k.Format = o.Format
	}
	if o.ContentEncoding != "" {
		k.ContentEncoding = o.ContentEncoding
	}
	if o.ContentMediaType != "" {
		k.ContentMediaType = o.ContentMediaType
	}
	if o.Not != nil {
		k.Not = o.Not
	}
	k.AnyOf = append(k.AnyOf, o.AnyOf...)
	k.AllOf = append(k.AllOf, o.AllOf...)
}

// clash reports whether k and o set one keyword (or one of not, anyOf:
// those combine through allOf) differently.
func clash(k, o *Keywords) bool {
	a, b := k.Map(), o.Map()
	for name, v := range b {
		if w, ok := a[name]; ok && (name == "not" || name == "anyOf" || !reflect.DeepEqual(v, w)) {
			return true
		}
	}
	return false
}

// Error is a failed keyword as pydantic reports it: its error type,
// message and context.
type Error struct {
	Type string
	Msg  string
	Ctx  map[string]any
}

// Check returns the first keyword of k that v (a Go value, pointers
// followed) fails, in the order pydantic checks its constraints, or nil.
// Formats, and the kinds of value a keyword does not apply to, are not
// checked.
func (k *Keywords) Check(v reflect.Value) *Error {
	if k == nil {
		return nil
	}
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		if e := k.checkString(v.String()); e != nil {
			return e
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if e := k.checkNumber(float64(v.Int()), true); e != nil {
			return e
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if e := k.checkNumber(float64(v.Uint()), true); e != nil {
			return e
		}
	case reflect.Float32, reflect.Float64:
		if e := k.checkNumber(v.Float(), false); e != nil {
			return e
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			break
		}
		if e := k.checkList(v); e != nil {
			return e
		}
	case reflect.Map:
		if e := checkCount(v.Len(), k.MinProperties, k.MaxProperties, "Dictionary"); e != nil {
			return e
		}
	}
	if k.HasConst && !sameValue(v, k.Const) {
		exp := Expected([]any{k.Const})
		return &Error{Type: "literal_error", Msg: "Input should be " + exp, Ctx: map[string]any{"expected": exp}}
	}
	if k.Enum != nil {
		found := false
		for _, e := range k.Enum {
			if sameValue(v, e) {
				found = true
				break
			}
		}
		if !found {
			exp := Expected(k.Enum)
			return &Error{Type: "enum", Msg: "Input should be " + exp, Ctx: map[string]any{"expected": exp}}
		}
	}
	for _, a := range k.AllOf {
		if e := a.Check(v); e != nil {
			return e
		}
	}
	if len(k.AnyOf) > 0 {
		var first *Error
		for _, a := range k.AnyOf {
			e := a.Check(v)
			if e == nil {
				first = nil
				break
			}
			if first == nil {
				first = e
			}
		}
		if first != nil {
			return first
		}
	}
	if k.Not != nil && k.Not.Check(v) == nil {
		return &Error{Type: "value_error", Msg: "Value error, the value is not allowed"}
	}
	return nil
}

func (k *Keywords) checkString(s string) *Error {
	n := utf8.RuneCountInString(s)
	if k.MinLength != nil && n < *k.MinLength {
		return &Error{Type: "string_too_short", Msg: fmt.Sprintf("String should have at least %d character%s", *k.MinLength, plural(*k.MinLength)), Ctx: map[string]any{"min_length": *k.MinLength}}
	}
	if k.MaxLength != nil && n > *k.MaxLength {
		return &Error{Type: "string_too_long", Msg: fmt.Sprintf("String should have at most %d character%s", *k.MaxLength, plural(*k.MaxLength)), Ctx: map[string]any{"max_length": *k.MaxLength}}
	}
	if k.Regexp != nil && !k.Regexp.MatchString(s) {
		return &Error{Type: "string_pattern_mismatch", Msg: "String should match pattern '" + k.Pattern + "'", Ctx: map[string]any{"pattern": k.Pattern}}
	}
	return nil
}

// checkNumber checks bounds in pydantic's order: multiple_of, le, lt, ge,
// gt. A NaN fails every bound, as in pydantic.
func (k *Keywords) checkNumber(f float64, isInt bool) *Error {
	bound := func(typ, word, key string, n Num) *Error {
		if !isInt {
			n.Int = false
		}
		return &Error{Type: typ, Msg: "Input should be " + word + " " + n.Text(), Ctx: map[string]any{key: n.JSON()}}
	}
	if m := k.MultipleOf; m != nil && m.F != 0 {
		if isInt && m.Int {
			if math.Mod(f, m.F) != 0 {
				return bound("multiple_of", "a multiple of", "multiple_of", *m)
			}
		} else if q := math.Round(f / m.F); math.Abs(f-q*m.F) > 1e-9 || math.IsNaN(f) {
			return bound("multiple_of", "a multiple of", "multiple_of", *m)
		}
	}
	if n := k.Maximum; n != nil && !(f <= n.F) {
		return bound("less_than_equal", "less than or equal to", "le", *n)
	}
	if n := k.ExclusiveMaximum; n != nil && !(f < n.F) {
		return bound("less_than", "less than", "lt", *n)
	}
	if n := k.Minimum; n != nil && !(f >= n.F) {
		return bound("greater_than_equal", "greater than or equal to", "ge", *n)
	}
	if n := k.ExclusiveMinimum; n != nil && !(f > n.F) {
		return bound("greater_than", "greater than", "gt", *n)
	}
	return nil
}

func (k *Keywords) checkList(v reflect.Value) *Error {
	if e := checkCount(v.Len(), k.MinItems, k.MaxItems, "List"); e != nil {
		return e
	}
	if k.UniqueItems {
		for i := 0; i < v.Len(); i++ {
			for j := 0; j < i; j++ {
				if reflect.DeepEqual(v.Index(i).Interface(), v.Index(j).Interface()) {
					return &Error{Type: "value_error", Msg: "Value error, List should have unique items"}
				}
			}
		}
	}
	return nil
}

func checkCount(n int, min, max *int, kind string) *Error {
	if min != nil && n < *min {
		return &Error{Type: "too_short", Msg: fmt.Sprintf("%s should have at least %d item%s after validation, not %d", kind, *min, plural(*min), n),
			Ctx: map[string]any{"field_type": kind, "min_length": *min, "actual_length": n}}
	}
	if max != nil && n > *max {
		return &Error{Type: "too_long", Msg: fmt.Sprintf("%s should have at most %d item%s after validation, not %d", kind, *max, plural(*max), n),
			Ctx: map[string]any{"field_type": kind, "max_length": *max, "actual_length": n}}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// sameValue reports whether the Go value v equals the JSON value w (a
// string, number or bool, as in an enum or const).
func sameValue(v reflect.Value, w any) bool {
	switch v.Kind() {
	case reflect.String:
		s, ok := w.(string)
		return ok && s == v.String()
	case reflect.Bool:
		b, ok := w.(bool)
		return ok && b == v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f, ok := toFloat(w)
		return ok && f == float64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		f, ok := toFloat(w)
		return ok && f == float64(v.Uint())
	case reflect.Float32, reflect.Float64:
		f, ok := toFloat(w)
		return ok && f == v.Float()
	}
	return false
}

func toFloat(w any) (float64, bool) {
	switch n := w.(type) {
	case float64:
		return n, true
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	}
	return 0, false
}

// Expected words choices as pydantic does in enum and literal errors:
// "'a', 'b' or 'c'" (strings quoted with repr's quotes, numbers as they
// are).
func Expected(choices []any) string {
	q := make([]string, len(choices))
	for i, c := range choices {
		switch c := c.(type) {
		case string:
			q[i] = pyRepr(c)
		case bool:
			q[i] = map[bool]string{true: "True", false: "False"}[c]
		case float64:
			q[i] = Num{F: c, Int: c == math.Trunc(c) && math.Abs(c) < 1<<53}.Text()
		default:
			q[i] = fmt.Sprint(c)
		}
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// pyRepr quotes s as Python's repr does for plain text: single quotes,
// unless s holds one and no double quote.
func pyRepr(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	var b strings.Builder
	b.WriteString(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case string(r) == q:
			b.WriteString(`\` + q)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(q)
	return b.String()
}
