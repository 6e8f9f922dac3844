package typed

import (
	"fmt"
	"reflect"
)

// fileKind says whether a form field holds uploaded files, and how.
type fileKind uint8

const (
	noFile     fileKind = iota
	bytesFile           // []byte: a file's content, or a text field's UTF-8 (FastAPI's bytes)
	uploadFile          // UploadFile or *UploadFile: a file only (FastAPI's UploadFile)
)

var (
	uploadFileType = reflect.TypeFor[UploadFile]()
	bytesType      = reflect.TypeFor[[]byte]()
)

// fileKindOf returns the kind of a form field of type t and whether it
// takes every part of its name (a slice of files).
func fileKindOf(t reflect.Type) (fileKind, bool) {
	one := func(t reflect.Type) fileKind {
		switch {
		case t == bytesType:
			return bytesFile
		case t == uploadFileType || t.Kind() == reflect.Pointer && t.Elem() == uploadFileType:
			return uploadFile
		}
		return noFile
	}
	if k := one(t); k != noFile {
		return k, false
	}
	if t.Kind() == reflect.Slice {
		return one(t.Elem()), true
	}
	return noFile, false
}

// setFile makes f a file field if its type holds files, and reports
// whether it does. A list of files is required, as FastAPI's
// list[UploadFile] = File() is, unless tagged otherwise.
func (f *field) setFile(t reflect.Type) bool {
	kind, multi := fileKindOf(t)
	if kind == noFile {
		return false
	}
	f.file, f.multi = kind, multi
	return true
}

// formContentType is the media type that documents b's form body:
// multipart/form-data when a field is a file.
func (b *binder) formContentType() string {
	for _, f := range b.form {
		if f.file != noFile {
			return "multipart/form-data"
		}
	}
	return "application/x-www-form-urlencoded"
}

// Form returns the request's text fields if its body is
// application/x-www-form-urlencoded or multipart/form-data as Starlette
// recognises them (see the package doc of forms), and nil for any other
// body. The body is parsed once per request, within the route's body
// limit (413 beyond), as the form binding of [Bind] parses it: multipart
// text fields are decoded in the charset parameter of the Content-Type
// (UTF-8 by default), or as Latin-1 when they are not valid in it;
// uploaded files are not returned here but kept for form fields of type
// [UploadFile] or []byte, in temporary files beyond 1 MiB that are
// removed when the request ends (see [Finish] for a Request made outside
// a Handler). A multipart body that cannot be parsed is a 400, as in
// Starlette: "Missing boundary in multipart.", "There was an error parsing
// the body", too many parts (1000 files, 1000 fields) or a text field
// over 1 MiB.
func Form(r *Request) (map[string][]string, error) {
	fd, err := parseForm(r)
	if err != nil || fd == nil {
		return nil, err
	}
	return fd.values(), nil
}

// FormValue returns the last text value of the field name in the request's
// form body, or "" when it has none: the last of Form's values for name.
// The body is parsed as [Form] parses it, once per request, with the same
// errors.
func FormValue(r *Request, name string) (string, error) {
	fd, err := parseForm(r)
	if err != nil || fd == nil {
		return "", err
	}
	items := fd.items[name]
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].file == nil {
			return items[i].text, nil
		}
	}
	return "", nil
}

// bindForm sets b's form fields of v from the request's form body, as
// FastAPI reads them: a scalar field takes the last part of its name (a
// text part "" is missing), a list field every part in order.
func (b *binder) bindForm(r *Request, v reflect.Value, s *bindState) error {
	fd, err := parseForm(r)
	if err != nil {
		return err
	}
	for i := range b.form {
		f := &b.form[i]
		var items []formItem
		if fd != nil {
			items = fd.items[f.name]
		}
		if !f.multi && len(items) > 0 {
			if last := items[len(items)-1]; last.file == nil && last.text == "" {
				items = nil // an empty text field is a missing field
			} else {
				items = items[len(items)-1:]
			}
		}
		if f.file == noFile {
			s.setTextItems(v, f, items)
			continue
		}
		if len(items) == 0 {
			if f.required {
				s.fail(f, "missing", "Field required", nil, nil)
			}
			continue
		}
		if err := s.setFiles(v.FieldByIndex(f.index), f, items); err != nil {
			return err
		}
	}
	return nil
}

// setTextItems sets a text field from form parts; a file where text is
// expected fails with the type error pydantic gives for an object.
func (s *bindState) setTextItems(v reflect.Value, f *field, items []formItem) {
	vals := make([]string, 0, len(items))
	for i, it := range items {
		if it.file == nil {
			vals = append(vals, it.text)
			continue
		}
		typ, msg := typeErrorFor(f.typ, f.multi)
		loc := f.loc()
		if f.multi {
			loc = append(loc, i)
		}
		s.add(f.rank, ValidationError{Type: typ, Loc: loc, Msg: msg, Input: it.file.input(), Secret: f.secret})
		s.failed = append(s.failed, f.goName)
		return
	}
	s.setText(v, f, vals, len(vals) > 0)
}

// setFiles sets a file field from form parts.
func (s *bindState) setFiles(fv reflect.Value, f *field, items []formItem) error {
	if !f.multi {
		val, ok, err := s.fileValue(f, fv.Type(), items[0], nil)
		if err != nil || !ok {
			return err
		}
		fv.Set(val)
		return nil
	}
	out := reflect.MakeSlice(fv.Type(), len(items), len(items))
	failed := false
	for i, it := range items {
		if f.file == bytesFile && it.file == nil {
			// FastAPI reads every part of a list[bytes] as a file, and a
			// text part fails there with an AttributeError: a 500, and
			// a plain error here, logged by the host's error handler.
			return fmt.Errorf("typed: form field %q: a text part among the files of a [][]byte field", f.name)
		}
		val, ok, err := s.fileValue(f, fv.Type().Elem(), it, []any{i})
		if err != nil {
			return err
		}
		if !ok {
			failed = true
			continue
		}
		out.Index(i).Set(val)
	}
	if !failed {
		fv.Set(out)
	}
	return nil
}

// fileValue returns the value of type t (an UploadFile, *UploadFile or
// []byte) that part it gives, or records why it cannot (at f's location
// plus sub).
func (s *bindState) fileValue(f *field, t reflect.Type, it formItem, sub []any) (reflect.Value, bool, error) {
	if f.file == bytesFile {
		if it.file == nil {
			return reflect.ValueOf([]byte(it.text)), true, nil
		}
		b, err := it.file.Bytes()
		if err != nil {
			return reflect.Value{}, false, err
		}
		return reflect.ValueOf(b), true, nil
	}
	if it.file == nil {
		s.add(f.rank, ValidationError{Type: "value_error", Loc: append(f.loc(), sub...),
			Msg:   "Value error, Expected UploadFile, received: <class 'str'>",
			Input: it.text, Ctx: map[string]any{"error": map[string]any{}}})
		s.failed = append(s.failed, f.goName)
		return reflect.Value{}, false, nil
	}
	if t.Kind() == reflect.Pointer {
		return reflect.ValueOf(it.file), true, nil
	}
	return reflect.ValueOf(*it.file), true, nil
}

// input is how a 422 shows an uploaded file given where text is
// expected: its name, size and headers.
func (f *UploadFile) input() map[string]any {
	h := make(map[string]any, len(f.Header))
	for k, vs := range f.Header {
		h[lowerASCII(k)] = vs[0]
	}
	return map[string]any{"filename": f.Filename, "size": f.Size, "headers": h}
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// typeErrorFor is pydantic's error for an object that is not text given
// to a field of type t (its elements' type when multi).
func typeErrorFor(t reflect.Type, multi bool) (typ, msg string) {
	if multi {
		t = t.Elem()
	}
	switch derefPointer(t).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "int_type", msgIntType
	case reflect.Float32, reflect.Float64:
		return "float_type", msgFloatType
	case reflect.Bool:
		return "bool_type", msgBoolType
	}
	return "string_type", "Input should be a valid string"
}
