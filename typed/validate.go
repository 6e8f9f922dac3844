package typed

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/fastecho/fastecho/internal/rules"
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
		if f == nil || slices.Contains(s.failed, f.goName) {
			continue
		}
		if fe.Kind() == reflect.Pointer && !strings.HasPrefix(fe.Tag(), "required") {
			// A nil pointer is None: as pydantic skips the constraints of
			// an Optional value that is None, the rules hold for what a
			// pointer points to (the document allows null likewise).
			continue
		}
		loc := f.loc()
		t := f.typ
		if topIdx != "" {
			loc = append(loc, indexLoc(t, topIdx))
			t = derefPointer(t).Elem()
		}
		if rest != "" {
			loc = append(loc, nestedLoc(t, rest)...)
		}
		if s.underFailed(loc) {
			continue
		}
		ve := pydanticError(fe, chainKeywords(f, topIdx != "", rest != ""))
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

// derefType returns the type under t's pointers, slices, arrays and maps.
func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	return t
}

// nestedLoc turns a Go field path below a value of type t ("Address.Zip",
// "Items[0].Name") into JSON names and indexes (["address", "zip"]).
func nestedLoc(t reflect.Type, path string) []any {
	var loc []any
	for _, seg := range strings.Split(path, ".") {
		name, idx := splitIndex(seg)
		jsonName := name
		var ft reflect.Type
		if t = derefPointer(t); t.Kind() == reflect.Struct {
			if sf, ok := t.FieldByName(name); ok {
				if tag, _, _ := strings.Cut(sf.Tag.Get("json"), ","); tag != "" && tag != "-" {
					jsonName = tag
				}
				ft = sf.Type
			}
		}
		loc = append(loc, jsonName)
		if ft == nil {
			break
		}
		if idx != "" {
			loc = append(loc, indexLoc(ft, idx))
			ft = derefPointer(ft).Elem()
		}
		t = ft
	}
	return loc
}

// indexLoc is the loc entry of validator's index idx into a value of type
// t: a map's key as text, a list's index as a number.
func indexLoc(t reflect.Type, idx string) any {
	if derefPointer(t).Kind() == reflect.Map {
		return idx
	}
	return atoiOr(idx)
}

// derefPointer returns the type under t's pointers.
func derefPointer(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// pydanticError maps a validator tag to the pydantic error a FastAPI model
// with the equivalent constraint would report. The constraint is the one
// the document states for the tag (rules.Of): a length, a bound, a
// pattern, an enum; the tags that JSON Schema words only as a format, or
// not at all, have an error of their own.
//
// When the whole rule chain of the value is known (chain, for a bound
// field or an element of one), the error is the chain's first failed
// keyword in pydantic's order (a bound: le, lt, ge, gt; a string: length,
// then pattern), whatever the order of the tags: NaN fails le before gt.
func pydanticError(fe validator.FieldError, chain *rules.Keywords) ValidationError {
	input := fe.Value()
	tag := fe.Tag()
	if strings.HasPrefix(tag, "required") {
		return ValidationError{Type: "missing", Msg: "Field required", Input: nil}
	}
	if chain != nil && input != nil {
		if e := chain.Check(reflect.ValueOf(input)); e != nil && e.Type != "value_error" {
			return ValidationError{Type: e.Type, Msg: e.Msg, Input: input, Ctx: e.Ctx}
		}
	}
	if t := fe.Type(); t != nil && input != nil {
		kw := rules.Of(rules.Tag{Name: tag, Param: fe.Param()}, t)
		if e := kw.Check(reflect.ValueOf(input)); e != nil && (e.Type != "value_error" || kw.Not == nil) {
			return ValidationError{Type: e.Type, Msg: e.Msg, Input: input, Ctx: e.Ctx}
		}
	}
	switch {
	case tag == "email":
		return ValidationError{Type: "value_error", Msg: "value is not a valid email address: An email address must have an @-sign.", Input: input, Ctx: map[string]any{"reason": "An email address must have an @-sign."}}
	case tag == "url" || tag == "uri" || tag == "http_url" || tag == "https_url":
		return ValidationError{Type: "url_parsing", Msg: "Input should be a valid URL", Input: input}
	case strings.HasPrefix(tag, "uuid"):
		return ValidationError{Type: "uuid_parsing", Msg: "Input should be a valid UUID", Input: input}
	case tag == "ipv4":
		return ValidationError{Type: "ip_v4_address", Msg: "Input is not a valid IPv4 address", Input: input}
	case tag == "ipv6":
		return ValidationError{Type: "ip_v6_address", Msg: "Input is not a valid IPv6 address", Input: input}
	case tag == "ip":
		return ValidationError{Type: "ip_any_address", Msg: "value is not a valid IPv4 or IPv6 address", Input: input}
	}
	return ValidationError{Type: "value_error", Msg: fmt.Sprintf("Value error, failed the '%s' check", fe.Tag()), Input: input}
}

// chainKeywords returns the keywords of the validate tag of f for the
// value a validator error is about: f's value, or one of its elements
// (elem); nil below that (nested), where each tag is mapped alone.
func chainKeywords(f *field, elem, nested bool) *rules.Keywords {
	if nested {
		return nil
	}
	c, err := rules.Parse(f.tag.Get("validate"))
	if err != nil {
		return nil
	}
	d := c.Doc(f.typ)
	if elem {
		if d.Items == nil {
			return nil
		}
		d = d.Items
	}
	return d.Self
}
