package typed

import (
	"errors"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"github.com/fastecho/fastecho/internal/httpx"
)

// bind fills v (a value of the request type) from r; see Bind.
func (b *binder) bind(r *Request, v reflect.Value) error {
	if b.wrapped {
		w := reflect.New(b.typ).Elem()
		err := b.bindStruct(r, w)
		v.Set(w.Field(0))
		return err
	}
	return b.bindStruct(r, v)
}

// bindStruct fills v, a value of b.typ.
func (b *binder) bindStruct(r *Request, v reflect.Value) error {
	var s bindState
	req := r.state.req
	for i := range b.params {
		f := &b.params[i]
		vals, ok := b.paramValues(r, req, f)
		s.setText(v, f, vals, ok)
	}
	if len(b.form) > 0 {
		if err := b.bindForm(r, v, &s); err != nil { // upload_bind.go
			return err
		}
	}
	if len(b.json) > 0 {
		if err := b.bindJSON(r, v, &s); err != nil {
			return err
		}
	}
	decoded := len(s.errs)
	if b.validate {
		val := b.validator
		if val == nil {
			val = r.state.cfg.validate
		}
		if err := val.Struct(v.Addr().Interface()); err != nil {
			s.addValidatorErrors(r, b, v, err)
		}
	}
	b.checkSchemaTags(r, v, &s)
	s.inputsFromJSON(decoded)
	s.reportOverflow()
	if len(s.errs) > 0 {
		sort.SliceStable(s.errs, func(i, j int) bool { return s.rank[i] < s.rank[j] })
		return &RequestValidationError{Errors: s.errs}
	}
	return nil
}

// bindState gathers a request's validation errors and which fields failed.
type bindState struct {
	errs   []ValidationError
	rank   []int    // sort key of each error; see field.rank
	failed []string // Go names of fields that already have an error
	// failedLocs are the locations whose value failed in the body (["body"]
	// when the body as a whole did): validator errors there and below are
	// not reported.
	failedLocs [][]any
	bodyFailed bool // the body as a whole was unusable
	overflow   []overflowed
	root       *jvalue // the JSON body, once parsed
}

// overflowed is an integer too large for its Go type: an error unless a
// constraint reported it (as pydantic would, the integer being valid).
type overflowed struct {
	loc   []any
	rank  int
	input any
}

func (s *bindState) fail(f *field, typ, msg string, input any, ctx map[string]any) {
	s.add(f.rank, ValidationError{
		Type: typ, Loc: f.loc(), Msg: msg, Input: input, Ctx: ctx, Secret: f.secret,
	})
	s.failed = append(s.failed, f.goName)
}

// add records ve with sort key rank.
func (s *bindState) add(rank int, ve ValidationError) {
	s.errs = append(s.errs, ve)
	s.rank = append(s.rank, rank)
}

func (f *field) loc() []any {
	switch f.in {
	case "json", "form":
		return []any{"body", f.name}
	case "body":
		if f.name == "" {
			return []any{"body"}
		}
		return []any{"body", f.name}
	}
	return []any{f.in, f.name}
}

// inputsFromJSON makes the errors from index from on about a value of the
// JSON body (a constraint that failed) echo the value as it was sent, as
// pydantic does ("5" for a string, not the 5 it became).
func (s *bindState) inputsFromJSON(from int) {
	if s.root == nil {
		return
	}
	for i := from; i < len(s.errs); i++ {
		e := &s.errs[i]
		if e.Type == "missing" || len(e.Loc) == 0 || e.Loc[0] != "body" {
			continue
		}
		j := s.root.at(e.Loc[1:])
		if j == nil || j.kind == jObject || j.kind == jArray {
			continue // containers keep their redacted Go value
		}
		e.Input = j.input()
	}
}

// reportOverflow reports the integers too large for their Go type that no
// constraint reported.
func (s *bindState) reportOverflow() {
	for _, o := range s.overflow {
		reported := false
		for _, e := range s.errs {
			if sameLoc(e.Loc, o.loc) {
				reported = true
				break
			}
		}
		if !reported {
			s.add(o.rank, ValidationError{Type: "int_parsing_size", Loc: o.loc, Msg: msgIntSize, Input: o.input})
		}
	}
}

func sameLoc(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// underFailed reports whether loc is at or below a location that failed.
func (s *bindState) underFailed(loc []any) bool {
	for _, f := range s.failedLocs {
		if len(f) <= len(loc) && sameLoc(f, loc[:len(f)]) {
			return true
		}
	}
	return false
}

// setText sets field f of v from its text values, or records why it cannot.
func (s *bindState) setText(v reflect.Value, f *field, vals []string, present bool) {
	fv := v.FieldByIndex(f.index)
	if !present {
		switch {
		case f.hasDef:
			vals = defaultTexts(f)
		case f.required:
			s.fail(f, "missing", "Field required", nil, nil)
			return
		default:
			return
		}
	}
	if !f.multi {
		val := vals[len(vals)-1]
		if f.in == "header" {
			val = vals[0]
		}
		if typ, msg, ok := f.conv(fv, val); !ok {
			if typ == errOverflow {
				s.overflow = append(s.overflow, overflowed{f.loc(), f.rank, val})
				return
			}
			s.fail(f, typ, msg, val, nil)
		}
		return
	}
	out := reflect.MakeSlice(f.typ, len(vals), len(vals))
	failed := false
	for i, val := range vals {
		if typ, msg, ok := f.conv(out.Index(i), val); !ok {
			if typ == errOverflow {
				s.overflow = append(s.overflow, overflowed{append(f.loc(), i), f.rank, val})
				continue
			}
			s.add(f.rank, ValidationError{Type: typ, Loc: append(f.loc(), i), Msg: msg, Input: val, Secret: f.secret})
			failed = true
		}
	}
	if failed {
		s.failed = append(s.failed, f.goName)
		return
	}
	fv.Set(out)
}

func (b *binder) paramValues(r *Request, req *http.Request, f *field) ([]string, bool) {
	switch f.in {
	case "path":
		return []string{r.Param(f.name)}, true
	case "query":
		if f.multi {
			vals := httpx.AllQuery(req.URL.RawQuery, f.name)
			return vals, len(vals) > 0
		}
		val, ok := httpx.LastQuery(req.URL.RawQuery, f.name)
		return []string{val}, ok
	case "header":
		vals := req.Header[f.key]
		if len(vals) == 0 {
			return nil, false
		}
		out := make([]string, len(vals))
		for i, h := range vals {
			out[i] = httpx.Latin1(h)
		}
		return out, true
	case "cookie":
		val, ok := httpx.Cookie(req.Header["Cookie"], f.name)
		return []string{val}, ok
	}
	return nil, false
}

// formValues returns the values of a form field as FastAPI reads them: a
// list field takes every value; any other field its last value, where an
// empty string counts as missing (so "a=x&a=" has no a).
func formValues(vals []string, multi bool) []string {
	if multi || len(vals) == 0 {
		return vals
	}
	if last := vals[len(vals)-1:]; last[0] != "" {
		return last
	}
	return nil
}

// bodyRank sorts errors about the body as a whole after every parameter.
const bodyRank = 4 << 16

// isJSONContentType reports whether ct says JSON as FastAPI reads it:
// application/json or application/<anything>+json, parameters allowed.
// Python's email.message parses the value: a type without a slash is
// text/plain.
func isJSONContentType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	main, sub, ok := strings.Cut(mt, "/")
	if !ok || strings.Count(mt, "/") != 1 {
		return false
	}
	main, sub = strings.TrimSpace(main), strings.TrimSpace(sub)
	return main == "application" && (sub == "json" || strings.HasSuffix(sub, "+json"))
}

// errBodyParse is FastAPI's answer to a body json.loads fails on for a
// reason other than its syntax.
func errBodyParse(err error) error {
	return &HTTPError{Status: http.StatusBadRequest, Detail: "There was an error parsing the body", Err: err}
}

// bindJSON validates the JSON body into the json or body fields of v,
// as FastAPI validates its body parameters.
func (b *binder) bindJSON(r *Request, v reflect.Value, s *bindState) error {
	body, err := ReadBody(r)
	if err != nil {
		return err
	}
	var root jvalue
	isJSON := false
	switch {
	case len(body) == 0:
		root = jvalue{kind: jNull}
	case !isJSONContentType(r.state.req.Header.Get("Content-Type")):
		// Not JSON: the bytes are validated as they are, as a string.
		root = jvalue{kind: jString, s: string(body)}
	default:
		isJSON = true
		root, err = parsePythonJSON(body)
		var syn *jsonSyntaxError
		if errors.As(err, &syn) {
			// FastAPI reads the body before anything else: this error is
			// the whole answer, whatever the parameters.
			return &RequestValidationError{Errors: []ValidationError{{Type: "json_invalid", Loc: []any{"body", syn.pos},
				Msg: "JSON decode error", Input: map[string]any{}, Ctx: map[string]any{"error": syn.msg}}}}
		}
		if err != nil {
			return errBodyParse(err)
		}
	}
	if isJSON {
		s.root = &root
	}
	d := jdecoder{loc: []any{"body"}}
	switch b.mode {
	case modelBody:
		switch {
		case root.kind == jNull:
			if b.jsonReq {
				s.add(bodyRank, ValidationError{Type: "missing", Loc: []any{"body"}, Msg: "Field required", Input: nil})
				s.failedLocs, s.bodyFailed = append(s.failedLocs, []any{"body"}), true
			}
		case root.kind != jObject:
			d.fail(b.model, &root, "model_attributes_type", msgModel, nil, false)
		default:
			d.decodeFields(b.model, b.model.fields, v, &root)
		}
	case wholeBody:
		f := &b.json[0]
		if root.kind == jNull && (f.required || f.typ.Kind() != reflect.Pointer) {
			if f.required {
				s.add(f.rank, ValidationError{Type: "missing", Loc: f.loc(), Msg: "Field required", Input: nil})
				s.failedLocs = append(s.failedLocs, f.loc())
			} else if f.hasDef {
				d.decode(f.shape, v.FieldByIndex(f.index), parseDefault(f.def, f.typ, shapes{}), f.secret)
			}
			break
		}
		d.decode(f.shape, v.FieldByIndex(f.index), &root, f.secret)
	case embeddedBody:
		for i := range b.json {
			f := &b.json[i]
			var j *jvalue
			if root.kind == jObject {
				if val, ok := root.get(f.name); ok && val.kind != jNull {
					j = val
				}
			}
			if j == nil {
				switch {
				case f.required:
					s.add(f.rank, ValidationError{Type: "missing", Loc: f.loc(), Msg: "Field required", Input: nil})
					s.failedLocs = append(s.failedLocs, f.loc())
				case f.hasDef:
					d.loc = f.loc()
					d.decode(f.shape, v.FieldByIndex(f.index), parseDefault(f.def, f.typ, shapes{}), f.secret)
				}
				continue
			}
			d.loc = f.loc()
			d.decode(f.shape, v.FieldByIndex(f.index), j, f.secret)
		}
	}
	for _, e := range d.errs {
		s.add(b.rankOf(e.Loc), e)
		if len(e.Loc) == 1 {
			s.bodyFailed = true
		}
	}
	s.failedLocs = append(s.failedLocs, d.failed...)
	for _, loc := range d.overflow {
		var input any
		if j := root.at(loc[1:]); j != nil {
			input = j.input()
		}
		s.overflow = append(s.overflow, overflowed{loc, b.rankOf(loc), input})
	}
	return nil
}

// rankOf is the sort key of an error in the body at loc: its field's.
func (b *binder) rankOf(loc []any) int {
	for i := range b.json {
		f := &b.json[i]
		if f.name == "" || len(loc) > 1 && loc[1] == f.name {
			return f.rank
		}
	}
	return bodyRank
}
