package typed

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
)

// addValidatorErrors translates validator's errors into pydantic's shape,
// skipping fields that already failed to parse.
func (s *bindState) addValidatorErrors(r *Request, b *binder, v reflect.Value, err error) {
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		s.add(bodyRank, ValidationError{Type: "value_error", Loc: []any{"body"}, Msg: "Value error, " + err.Error()})
		return
	}
	for _, fe := range verrs {
		ns := fe.StructNamespace()
		ns = ns[strings.IndexByte(ns, '.')+1:]
		top, rest, _ := strings.Cut(ns, ".")
		topName, topIdx := splitIndex(top)
		f := b.byName[topName]
		if f == nil || contains(s.failed, f.goName) {
			continue
		}
		loc := f.loc()
		if topIdx != "" {
			loc = append(loc, atoiOr(topIdx))
		}
		if rest != "" {
			loc = append(loc, nestedLoc(derefType(f.typ), rest)...)
		}
		ve := pydanticError(fe)
		ve.Loc, ve.Secret = loc, f.secret || ve.Secret || rest != "" && secretPath(f.typ, rest)
		if in, shown := redactGo(ve.Input); shown {
			ve.Input = in
		} else {
			ve.Secret = true
		}
		if rest == "" && f.in != "json" {
			if raw, ok := b.rawText(r, f, topIdx); ok {
				ve.Input = raw // pydantic reports the text as received
			}
		}
		s.add(f.rank, ve)
	}
}

// rawText returns the text a parameter or form field was bound from (the
// element at index for a list), as setText chose it. It reads the request
// again, which only failing requests pay for.
func (b *binder) rawText(r *Request, f *field, index string) (string, bool) {
	var vals []string
	if f.in == "form" {
		form, _ := Form(r)
		vals = formValues(form[f.name], f.multi)
	} else {
		vals, _ = b.paramValues(r, r.state.req, f)
	}
	if len(vals) == 0 {
		return "", false
	}
	if index != "" {
		i, err := strconv.Atoi(index)
		if err != nil || i < 0 || i >= len(vals) {
			return "", false
		}
		return vals[i], true
	}
	if f.in == "header" {
		return vals[0], true
	}
	return vals[len(vals)-1], true
}

func splitIndex(seg string) (name, index string) {
	if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
		return seg[:i], seg[i+1 : len(seg)-1]
	}
	return seg, ""
}

func atoiOr(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return s
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	return t
}

// nestedLoc turns a Go field path below a body field ("Address.Zip") into
// JSON names (["address", "zip"]).
func nestedLoc(t reflect.Type, path string) []any {
	var loc []any
	for _, seg := range strings.Split(path, ".") {
		name, idx := splitIndex(seg)
		jsonName := name
		if t.Kind() == reflect.Struct {
			if sf, ok := t.FieldByName(name); ok {
				if tag, _, _ := strings.Cut(sf.Tag.Get("json"), ","); tag != "" && tag != "-" {
					jsonName = tag
				}
				t = derefType(sf.Type)
			}
		}
		loc = append(loc, jsonName)
		if idx != "" {
			loc = append(loc, atoiOr(idx))
		}
	}
	return loc
}

// pydanticError maps a validator tag to the pydantic error a FastAPI model
// with the equivalent constraint would report.
func pydanticError(fe validator.FieldError) ValidationError {
	p := fe.Param()
	kind := fe.Kind()
	isNum := kind >= reflect.Int && kind <= reflect.Float64
	isStr := kind == reflect.String
	isList := kind == reflect.Slice || kind == reflect.Array || kind == reflect.Map
	num := func() any {
		if n, err := strconv.ParseInt(p, 10, 64); err == nil {
			return n
		}
		if f, err := strconv.ParseFloat(p, 64); err == nil {
			return f
		}
		return p
	}
	input := fe.Value()
	switch tag := fe.Tag(); {
	case strings.HasPrefix(tag, "required"):
		return ValidationError{Type: "missing", Msg: "Field required", Input: nil}
	case (tag == "min" || tag == "gte") && isNum:
		return ValidationError{Type: "greater_than_equal", Msg: "Input should be greater than or equal to " + p, Input: input, Ctx: map[string]any{"ge": num()}}
	case (tag == "max" || tag == "lte") && isNum:
		return ValidationError{Type: "less_than_equal", Msg: "Input should be less than or equal to " + p, Input: input, Ctx: map[string]any{"le": num()}}
	case tag == "gt" && isNum:
		return ValidationError{Type: "greater_than", Msg: "Input should be greater than " + p, Input: input, Ctx: map[string]any{"gt": num()}}
	case tag == "lt" && isNum:
		return ValidationError{Type: "less_than", Msg: "Input should be less than " + p, Input: input, Ctx: map[string]any{"lt": num()}}
	case (tag == "min" || tag == "gte" || tag == "gt" || tag == "len" && shorter(fe)) && isStr:
		return ValidationError{Type: "string_too_short", Msg: fmt.Sprintf("String should have at least %s character%s", p, plural(p)), Input: input, Ctx: map[string]any{"min_length": num()}}
	case (tag == "max" || tag == "lte" || tag == "lt" || tag == "len") && isStr:
		return ValidationError{Type: "string_too_long", Msg: fmt.Sprintf("String should have at most %s character%s", p, plural(p)), Input: input, Ctx: map[string]any{"max_length": num()}}
	case (tag == "min" || tag == "gte" || tag == "gt" || tag == "len" && shorter(fe)) && isList:
		n := reflect.ValueOf(input).Len()
		return ValidationError{Type: "too_short", Msg: fmt.Sprintf("List should have at least %s item%s after validation, not %d", p, plural(p), n), Input: input, Ctx: map[string]any{"field_type": "List", "min_length": num(), "actual_length": n}}
	case (tag == "max" || tag == "lte" || tag == "lt" || tag == "len") && isList:
		n := reflect.ValueOf(input).Len()
		return ValidationError{Type: "too_long", Msg: fmt.Sprintf("List should have at most %s item%s after validation, not %d", p, plural(p), n), Input: input, Ctx: map[string]any{"field_type": "List", "max_length": num(), "actual_length": n}}
	case tag == "eq" && isStr:
		return ValidationError{Type: "literal_error", Msg: fmt.Sprintf("Input should be '%s'", p), Input: input, Ctx: map[string]any{"expected": "'" + p + "'"}}
	case tag == "oneof":
		exp := expected(strings.Fields(p))
		return ValidationError{Type: "enum", Msg: "Input should be " + exp, Input: input, Ctx: map[string]any{"expected": exp}}
	case tag == "email":
		return ValidationError{Type: "value_error", Msg: "value is not a valid email address: An email address must have an @-sign.", Input: input, Ctx: map[string]any{"reason": "An email address must have an @-sign."}}
	case tag == "url" || tag == "uri" || tag == "http_url":
		return ValidationError{Type: "url_parsing", Msg: "Input should be a valid URL", Input: input}
	case strings.HasPrefix(tag, "uuid"):
		return ValidationError{Type: "uuid_parsing", Msg: "Input should be a valid UUID", Input: input}
	}
	return ValidationError{Type: "value_error", Msg: fmt.Sprintf("Value error, failed the '%s' check", fe.Tag()), Input: input}
}

func shorter(fe validator.FieldError) bool {
	n, err := strconv.Atoi(fe.Param())
	if err != nil {
		return false
	}
	return reflect.ValueOf(fe.Value()).Len() < n
}

func plural(p string) string {
	if p == "1" {
		return ""
	}
	return "s"
}

// expected formats choices as pydantic does: "'a', 'b' or 'c'".
func expected(choices []string) string {
	q := make([]string, len(choices))
	for i, c := range choices {
		q[i] = "'" + c + "'"
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
