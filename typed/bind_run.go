package typed

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"mime/multipart"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"github.com/fastecho/fastecho/internal/httpx"
)

// bind fills v (a value of b.typ) from r; see Bind.
func (b *binder) bind(r *Request, v reflect.Value) error {
	var s bindState
	req := r.state.req
	for i := range b.params {
		f := &b.params[i]
		vals, ok := b.paramValues(r, req, f)
		s.setText(v, f, vals, ok)
	}
	if len(b.form) > 0 {
		form, err := Form(r)
		if err != nil {
			return err
		}
		for i := range b.form {
			f := &b.form[i]
			vals := formValues(form[f.name], f.multi)
			s.setText(v, f, vals, len(vals) > 0)
		}
	}
	if len(b.json) > 0 {
		if err := b.bindJSON(r, v, &s); err != nil {
			return err
		}
	}
	if b.validate && !s.bodyFailed {
		val := b.validator
		if val == nil {
			val = r.state.cfg.validate
		}
		if err := val.Struct(v.Addr().Interface()); err != nil {
			s.addValidatorErrors(r, b, v, err)
		}
	}
	if len(s.errs) > 0 {
		sort.SliceStable(s.errs, func(i, j int) bool { return s.rank[i] < s.rank[j] })
		return &RequestValidationError{Errors: s.errs}
	}
	return nil
}

// bindState gathers a request's validation errors and which fields failed.
type bindState struct {
	errs       []ValidationError
	rank       []int    // sort key of each error; see field.rank
	failed     []string // Go names of fields that already have an error
	bodyFailed bool     // the body as a whole was unusable
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
	in := f.in
	if in == "json" || in == "form" {
		in = "body"
	}
	return []any{in, f.name}
}

// setText sets field f of v from its text values, or records why it cannot.
func (s *bindState) setText(v reflect.Value, f *field, vals []string, present bool) {
	fv := v.FieldByIndex(f.index)
	if !present {
		switch {
		case f.hasDef:
			vals = []string{f.def}
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
			s.fail(f, typ, msg, val, nil)
		}
		return
	}
	out := reflect.MakeSlice(f.typ, len(vals), len(vals))
	for i, val := range vals {
		if typ, msg, ok := f.conv(out.Index(i), val); !ok {
			s.add(f.rank, ValidationError{Type: typ, Loc: append(f.loc(), i), Msg: msg, Input: val, Secret: f.secret})
			s.failed = append(s.failed, f.goName)
			return
		}
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

// Form returns the request's form fields if its body is
// application/x-www-form-urlencoded or multipart/form-data as Starlette
// recognises them (see the package doc of forms), and nil for any other
// body. The body is read once, within the API's limit. Multipart field
// values are decoded as Starlette decodes them: in the charset parameter of
// the Content-Type (UTF-8 by default), or as Latin-1 when they are not
// valid in it. Uploaded files are not returned. A multipart body that cannot be parsed is a 400, as in
// Starlette.
func Form(r *Request) (map[string][]string, error) {
	ct := r.state.req.Header.Get("Content-Type")
	switch httpx.KindOf(ct) {
	case httpx.URLEncoded:
		body, err := ReadBody(r)
		if err != nil {
			return nil, err
		}
		return httpx.Form(body), nil
	case httpx.Multipart:
		body, err := ReadBody(r)
		if err != nil {
			return nil, err
		}
		_, params, _ := mime.ParseMediaType(ct)
		if params["boundary"] == "" {
			return nil, &HTTPError{Status: http.StatusBadRequest, Detail: "Missing boundary in multipart."}
		}
		mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
		form, err := mr.ReadForm(int64(len(body)) + 1)
		if err != nil {
			return nil, &HTTPError{Status: http.StatusBadRequest, Detail: "There was an error parsing the body", Err: err}
		}
		defer form.RemoveAll()
		// Field values are text decoded as Starlette decodes them.
		for name, vals := range form.Value {
			for i, v := range vals {
				vals[i] = httpx.DecodeCharset([]byte(v), params["charset"])
			}
			form.Value[name] = vals
		}
		return form.Value, nil
	}
	return nil, nil
}

// bodyRank sorts errors about the body as a whole after every parameter.
const bodyRank = 4 << 16

func isJSONContentType(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	main, sub, _ := strings.Cut(mt, "/")
	return main == "application" && (sub == "json" || strings.HasSuffix(sub, "+json"))
}

func (b *binder) bindJSON(r *Request, v reflect.Value, s *bindState) error {
	body, err := ReadBody(r)
	if err != nil {
		return err
	}
	if len(body) == 0 {
		if b.jsonReq {
			s.add(bodyRank, ValidationError{Type: "missing", Loc: []any{"body"}, Msg: "Field required", Input: nil})
			s.bodyFailed = true
		}
		return nil
	}
	if !isJSONContentType(r.state.req.Header.Get("Content-Type")) {
		s.add(bodyRank, ValidationError{Type: "model_attributes_type", Loc: []any{"body"}, Msg: msgModel, Input: string(body), Secret: b.secretJSON})
		s.bodyFailed = true
		return nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || !json.Valid(body) {
			pos := 0
			msg := "Expecting value"
			if syn != nil {
				pos, msg = int(syn.Offset), syn.Error()
			}
			s.add(bodyRank, ValidationError{Type: "json_invalid", Loc: []any{"body", pos}, Msg: "JSON decode error", Input: map[string]any{}, Ctx: map[string]any{"error": msg}})
		} else {
			s.add(bodyRank, ValidationError{Type: "model_attributes_type", Loc: []any{"body"}, Msg: msgModel, Input: json.RawMessage(body), Secret: b.secretJSON})
		}
		s.bodyFailed = true
		return nil
	}
	for i := range b.json {
		f := &b.json[i]
		raw, ok := obj[f.name]
		if !ok {
			switch {
			case f.hasDef:
				raw = defaultJSON(f)
			case f.required:
				// pydantic reports the whole object as the input, without
				// the values of password fields.
				s.add(f.rank, ValidationError{Type: "missing", Loc: f.loc(), Msg: "Field required", Input: b.withoutSecrets(obj)})
				s.failed = append(s.failed, f.goName)
				continue
			default:
				continue
			}
		}
		if typ, msg, ok := decodeJSON(v.FieldByIndex(f.index), raw); !ok {
			input, shown := redactJSON(f.typ, raw)
			s.fail(f, typ, msg, input, nil)
			s.errs[len(s.errs)-1].Secret = f.secret || !shown
		}
	}
	return nil
}

// defaultJSON returns a json field's default tag as JSON: as written if it
// is valid JSON, else as a string.
func defaultJSON(f *field) json.RawMessage {
	if json.Valid([]byte(f.def)) {
		return json.RawMessage(f.def)
	}
	b, _ := json.Marshal(f.def)
	return b
}

// withoutSecrets returns obj, or a copy without the properties of
// format:"password" fields, at any depth, when there are any.
func (b *binder) withoutSecrets(obj map[string]json.RawMessage) any {
	if !b.secretJSON {
		return obj
	}
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		out[k] = v
	}
	for i := range b.json {
		f := &b.json[i]
		raw, ok := obj[f.name]
		switch {
		case !ok:
		case f.secret:
			delete(out, f.name)
		default:
			if r, shown := redactJSON(f.typ, raw); shown {
				out[f.name] = r
			} else {
				delete(out, f.name)
			}
		}
	}
	return out
}
