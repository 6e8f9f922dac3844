package typed

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/fastecho/fastecho/internal/rules"
	"github.com/go-playground/validator/v10"
)

// Schema tags that constrain a value are enforced, not only documented:
// minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf,
// minLength, maxLength, pattern (with pydantic's search semantics),
// minItems, maxItems, uniqueItems, minProperties, maxProperties, enum and
// const, on a bound field and on the fields of the structs a JSON field
// holds. A failure is pydantic's error for the same constraint
// (less_than_equal, string_pattern_mismatch, …). A tag that would document
// a check nothing makes panics at registration (see rules.FromSchemaTags).
// The validate rules of a struct inside a list or map that no "dive" leads
// validator to are checked too, as pydantic validates every nested model.

// tagCheck is the plan for one bound field: the keywords of its schema
// tags, and what has to be checked inside its value.
type tagCheck struct {
	f   *field
	kw  *rules.Keywords // nil: no schema tag constrains the field itself
	sub *valuePlan      // nil: nothing inside it to check
}

// valuePlan is what has to be checked inside a JSON value of one Go type,
// beyond what validator's pass over the request struct reaches: schema
// tags on the fields of its structs, and the validate rules of structs
// inside lists and maps that no "dive" leads validator to.
type valuePlan struct {
	elem     *valuePlan
	fields   []nestedCheck
	validate bool // run the validator on this struct value
}

type nestedCheck struct {
	index    []int
	name     string // JSON name, for loc
	kw       *rules.Keywords
	plan     *valuePlan
	required bool
}

type planKey struct {
	t       reflect.Type
	reached bool
}

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// planSchemaTags builds the checks of b's fields; it panics on a schema tag
// that would document a check nothing makes.
func (b *binder) planSchemaTags() {
	refuseStructTags(b.typ)
	memo := map[planKey]*valuePlan{}
	for _, list := range [][]field{b.params, b.form, b.json} {
		for i := range list {
			f := &list[i]
			kw := schemaKeywords(b.typ, f.goName, f.tag, f.typ)
			var sub *valuePlan
			if f.in == "json" || f.in == "body" {
				sub = planValue(f.typ, chainOf(b.typ, f.goName, f.tag), true, memo)
			}
			if kw != nil || sub != nil {
				b.tagChecks = append(b.tagChecks, tagCheck{f: f, kw: kw, sub: sub})
			}
		}
	}
}

// schemaKeywords reads the constraining schema tags of a field of owner,
// or panics with rules.FromSchemaTags's message.
func schemaKeywords(owner reflect.Type, name string, tag reflect.StructTag, t reflect.Type) *rules.Keywords {
	kw, err := rules.FromSchemaTags(name, tag, t)
	if err != nil {
		panic(fmt.Sprintf("typed: %v: %v", owner, err))
	}
	if len(kw.Map()) == 0 {
		return nil
	}
	return kw
}

// objectTags are the tags of a struct's "_" field that swaggest puts on
// the struct's own schema and that would constrain it.
var objectTags = []string{"additionalProperties", "minProperties", "maxProperties", "const", "enum"}

// refuseStructTags panics on a "_" field of t whose tags would constrain
// the struct's schema: nothing checks them (a property that is not a field
// is ignored, as with pydantic's default extra="ignore").
func refuseStructTags(t reflect.Type) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Name != "_" {
			continue
		}
		for _, name := range objectTags {
			if v, ok := sf.Tag.Lookup(name); ok {
				panic(fmt.Sprintf("typed: %v: %s:%q on its _ field is not checked by the server (properties that are not fields are ignored, as pydantic ignores extra ones); remove it", t, name, v))
			}
		}
	}
}

// chainOf parses a field's validate tag, or panics.
func chainOf(owner reflect.Type, name string, tag reflect.StructTag) *rules.Chain {
	c, err := rules.Parse(tag.Get("validate"))
	if err != nil {
		panic(fmt.Sprintf("typed: %v: field %s: %v", owner, name, err))
	}
	return c
}

// planValue returns the plan of JSON values of type t whose validate tag is
// chain, or nil when there is nothing to check. reached says whether
// validator's pass over the request struct reaches the value (it follows
// struct fields, and list elements only through "dive").
func planValue(t reflect.Type, chain *rules.Chain, reached bool, memo map[planKey]*valuePlan) *valuePlan {
	t = derefPointer(t)
	if reflect.PointerTo(t).Implements(jsonUnmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return nil // its JSON is its own, not its Go shape
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		var elem *rules.Chain
		if chain != nil {
			elem = chain.Elem
		}
		sub := planValue(t.Elem(), elem, reached && elem != nil, memo)
		if sub == nil {
			return nil
		}
		return &valuePlan{elem: sub}
	case reflect.Struct:
	default:
		return nil
	}
	key := planKey{t, reached}
	if p, ok := memo[key]; ok {
		return p // nil while being built: a recursive type is checked one level down
	}
	memo[key] = nil
	refuseStructTags(t)
	p := &valuePlan{validate: !reached && hasValidateTags(t, map[reflect.Type]bool{})}
	collectNested(t, t, nil, p, memo)
	if !p.validate && len(p.fields) == 0 {
		return nil
	}
	memo[key] = p
	return p
}

func collectNested(owner, t reflect.Type, index []int, p *valuePlan, memo map[planKey]*valuePlan) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		idx := append(append([]int{}, index...), i)
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			collectNested(owner, sf.Type, idx, p, memo)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		kw := schemaKeywords(owner, sf.Name, sf.Tag, sf.Type)
		// validator reaches the fields of a struct it validates.
		sub := planValue(sf.Type, chainOf(owner, sf.Name, sf.Tag), true, memo)
		if kw == nil && sub == nil {
			continue
		}
		k := sf.Type.Kind()
		req := !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") && k != reflect.Pointer && k != reflect.Interface
		p.fields = append(p.fields, nestedCheck{index: idx, name: name, kw: kw, plan: sub, required: req})
	}
}

// checkSchemaTags enforces the schema tags of the fields bound into v, and
// the validate rules that validator's pass does not reach, after
// conversion and that pass: a field that already failed is not checked
// again, and a parameter or form field only when the request sent it (a
// default is not validated, as in pydantic).
func (b *binder) checkSchemaTags(r *Request, v reflect.Value, s *bindState) {
	val := b.validator
	if val == nil {
		val = r.state.cfg.validate
	}
	b.reportTypeBounds(s)
	for _, c := range b.tagChecks {
		f := c.f
		isBody := f.in == "json" || f.in == "body"
		if slices.Contains(s.failed, f.goName) || isBody && s.bodyFailed || s.hasErrorAt(f.loc()) {
			continue
		}
		fv := v.FieldByIndex(f.index)
		var vals []string
		if !isBody {
			present := false
			if f.in == "form" {
				form, _ := Form(r)
				vals = formValues(form[f.name], f.multi)
				present = len(vals) > 0
			} else {
				vals, present = b.paramValues(r, r.state.req, f)
			}
			if !present || len(vals) == 0 {
				continue
			}
		} else if !isSet(fv, f.required) {
			continue
		}
		if c.kw != nil {
			if e := c.kw.Check(fv); e != nil {
				var input any = goInput(fv)
				switch {
				case f.multi:
					input = vals
				case f.in == "header":
					input = vals[0]
				case len(vals) > 0:
					input = vals[len(vals)-1]
				}
				s.add(f.rank, ValidationError{Type: e.Type, Loc: f.loc(), Msg: e.Msg, Input: input, Ctx: e.Ctx, Secret: f.secret})
				continue
			}
		}
		if c.sub != nil {
			w := walker{s: s, val: val, rank: f.rank, secret: f.secret}
			w.check(fv, c.sub, f.loc())
		}
	}
}

// walker checks the values inside one JSON field.
type walker struct {
	s      *bindState
	val    *validator.Validate
	rank   int
	secret bool
}

// check checks v, at loc, against p.
func (w *walker) check(v reflect.Value, p *valuePlan, loc []any) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			w.check(v.Index(i), p.elem, appendLoc(loc, i))
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			w.check(iter.Value(), p.elem, appendLoc(loc, fmt.Sprint(iter.Key().Interface())))
		}
	case reflect.Struct:
		if w.s.underFailed(loc) {
			return
		}
		if p.validate {
			w.validate(v, loc)
		}
		for _, n := range p.fields {
			fv := v.FieldByIndex(n.index)
			at := appendLoc(loc, n.name)
			if !isSet(fv, n.required) || w.s.hasErrorAt(at) {
				continue
			}
			if n.kw != nil {
				if e := n.kw.Check(fv); e != nil {
					w.s.add(w.rank, ValidationError{Type: e.Type, Loc: at, Msg: e.Msg, Input: goInput(fv), Ctx: e.Ctx, Secret: w.secret})
					continue
				}
			}
			if n.plan != nil {
				w.check(fv, n.plan, at)
			}
		}
	}
}

// validate runs the validator on the struct v, which no "dive" led
// validator's pass to, and reports its errors below loc.
func (w *walker) validate(v reflect.Value, loc []any) {
	p := reflect.New(v.Type())
	p.Elem().Set(v)
	var verrs validator.ValidationErrors
	if !errors.As(w.val.Struct(p.Interface()), &verrs) {
		return
	}
	for _, fe := range verrs {
		if fe.Kind() == reflect.Pointer && !strings.HasPrefix(fe.Tag(), "required") {
			continue // a nil pointer skips its rules, as in addValidatorErrors
		}
		ns := fe.StructNamespace()
		at := append(append([]any{}, loc...), nestedLoc(v.Type(), ns[strings.IndexByte(ns, '.')+1:])...)
		if w.s.underFailed(at) || w.s.hasErrorAt(at) {
			continue
		}
		ve := pydanticError(fe, nil)
		ve.Loc, ve.Secret = at, w.secret
		if in, shown := redactGo(ve.Input); shown {
			ve.Input = in
		} else {
			ve.Secret = true
		}
		w.s.add(w.rank, ve)
	}
}

func appendLoc(loc []any, x any) []any {
	return append(append(make([]any, 0, len(loc)+1), loc...), x)
}

// isSet reports whether a decoded JSON value was sent, as far as its Go
// value tells: a nil pointer, slice or map was not (or was null); a zero
// scalar of an optional field was left out.
func isSet(v reflect.Value, required bool) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return !v.IsNil()
	}
	return required || !v.IsZero()
}

// goInput is a Go value as an error's input: what it points to.
func goInput(v reflect.Value) any {
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

// hasErrorAt reports whether an error was already recorded at loc, or at
// a location inside it or containing it.
func (s *bindState) hasErrorAt(loc []any) bool {
	for _, e := range s.errs {
		n := min(len(e.Loc), len(loc))
		same := true
		for i := 0; i < n; i++ {
			if e.Loc[i] != loc[i] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}
