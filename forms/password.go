package forms

import (
	"github.com/fastecho/fastecho/typed"
	"github.com/go-playground/validator/v10"
)

// Password returns a [typed.Dep] that reads an [OAuth2PasswordRequestForm]
// from the request body: the fields grant_type (optional; "password" when
// sent), username and password (required), scope (split on whitespace into
// Scopes), client_id and client_secret (optional).
//
// The body is read as Starlette reads it for FastAPI, quirks included (see
// the package documentation): application/x-www-form-urlencoded or
// multipart/form-data, the last occurrence of a field counting and an empty
// value counting as missing. Any other body, or none, is a form with no
// fields. A failure is a 422 [*typed.RequestValidationError] listing, in
// field order, grant_type if it is not "password" (string_pattern_mismatch)
// and username and password if missing; a body over the API's limit is a
// 413. A nil opts means the defaults.
//
// FastAPI: `OAuth2PasswordRequestForm = Depends()`.
func Password(opts *Options) typed.Dep[OAuth2PasswordRequestForm] {
	return &passwordDep{r: newReader(false, opts)}
}

// PasswordStrict returns a [typed.Dep] like [Password] for which grant_type
// is required: a missing or empty grant_type is a 422 "missing". Its
// OpenAPI schema is FastAPI's for the strict form, which (unlike the
// permissive one) does not mark password and client_secret with
// format: password; their values are kept out of 422 bodies all the same.
//
// FastAPI: `OAuth2PasswordRequestFormStrict = Depends()`.
func PasswordStrict(opts *Options) typed.Dep[OAuth2PasswordRequestFormStrict] {
	return &passwordStrictDep{r: newReader(true, opts)}
}

type passwordDep struct{ r *reader }

func (d *passwordDep) Resolve(r *typed.Request) (OAuth2PasswordRequestForm, error) {
	f, err := d.r.read(r)
	if err == nil && d.r.validate != nil {
		err = d.r.checkForm(f)
	}
	if err != nil {
		return OAuth2PasswordRequestForm{}, err
	}
	return f, nil
}

func (d *passwordDep) Describe(doc *typed.Doc) { d.r.doc.Describe(doc) }

type passwordStrictDep struct{ r *reader }

func (d *passwordStrictDep) Resolve(r *typed.Request) (OAuth2PasswordRequestFormStrict, error) {
	f, err := d.r.read(r)
	if err == nil && d.r.validate != nil {
		err = d.r.checkStrict(f)
	}
	if err != nil {
		return OAuth2PasswordRequestFormStrict{}, err
	}
	return OAuth2PasswordRequestFormStrict(f), nil
}

func (d *passwordStrictDep) Describe(doc *typed.Doc) { d.r.doc.Describe(doc) }

var (
	_ typed.Dep[OAuth2PasswordRequestForm]       = (*passwordDep)(nil)
	_ typed.Dep[OAuth2PasswordRequestFormStrict] = (*passwordStrictDep)(nil)
)

// reader is the registration-time plan of a password form dependency.
type reader struct {
	strict   bool
	validate *validator.Validate
	doc      interface{ Describe(*typed.Doc) }
}

func newReader(strict bool, opts *Options) *reader {
	r := &reader{strict: strict, doc: typed.Bind[passwordFormDoc]()}
	if strict {
		r.doc = typed.Bind[passwordFormStrictDoc]()
	}
	if opts != nil {
		r.validate = opts.Validate
	}
	return r
}

// read parses the request's form and checks it as FastAPI does.
func (p *reader) read(r *typed.Request) (OAuth2PasswordRequestForm, error) {
	var v [nFields]string
	for k, name := range fieldNames {
		var err error
		if v[k], err = typed.FormValue(r, name); err != nil {
			return OAuth2PasswordRequestForm{}, err
		}
	}
	gt := v[fGrantType]
	mismatch := gt != "" && gt != "password"
	var absent int // the missing required fields, as bits of missingErrs's index
	if gt == "" && p.strict {
		absent |= absentGrantType
	}
	if v[fUsername] == "" {
		absent |= absentUsername
	}
	if v[fPassword] == "" {
		absent |= absentPassword
	}
	switch {
	case !mismatch && absent == 0:
		return OAuth2PasswordRequestForm{
			GrantType:    gt,
			Username:     v[fUsername],
			Password:     v[fPassword],
			Scopes:       splitScope(v[fScope]),
			ClientID:     v[fClientID],
			ClientSecret: v[fClientSecret],
		}, nil
	case !mismatch:
		// Nothing of the request is echoed: the answer is built once.
		return OAuth2PasswordRequestForm{}, missingErrs[absent]
	}
	errs := make([]typed.ValidationError, 1, 3)
	errs[0] = typed.ValidationError{
		Type:  "string_pattern_mismatch",
		Loc:   locs[fGrantType],
		Msg:   "String should match pattern '^password$'",
		Input: gt,
		Ctx:   patternCtx,
	}
	return OAuth2PasswordRequestForm{}, &typed.RequestValidationError{Errors: appendMissing(errs, absent)}
}

// The bits of a missingErrs index: which required fields are missing.
const (
	absentGrantType = 1 << iota
	absentUsername
	absentPassword
)

// appendMissing appends the "missing" entries of the fields in absent, in
// field order.
func appendMissing(errs []typed.ValidationError, absent int) []typed.ValidationError {
	for _, f := range [...]struct{ bit, k int }{
		{absentGrantType, fGrantType}, {absentUsername, fUsername}, {absentPassword, fPassword},
	} {
		if absent&f.bit != 0 {
			errs = append(errs, missing(f.k))
		}
	}
	return errs
}

// missingErrs are the 422s of forms whose only faults are missing fields,
// indexed by the absent bits, built once as they echo nothing of the
// request.
var missingErrs = func() (m [absentPassword << 1]*typed.RequestValidationError) {
	for absent := 1; absent < len(m); absent++ {
		m[absent] = &typed.RequestValidationError{Errors: appendMissing(nil, absent)}
	}
	return m
}()

// patternCtx is the ctx of a grant_type mismatch; shared, never modified.
var patternCtx = map[string]any{"pattern": "^password$"}

// locs are the error locations of the fields; they are shared, never
// modified.
var locs = func() (l [nFields][]any) {
	for k, name := range fieldNames {
		l[k] = []any{"body", name}
	}
	return l
}()

// missing is FastAPI's error for an absent or empty required field. Its
// input is null, so even a password field's entry echoes nothing.
func missing(k int) typed.ValidationError {
	return typed.ValidationError{Type: "missing", Loc: locs[k], Msg: "Field required", Input: nil}
}

// passwordFormDoc is the body FastAPI documents for
// OAuth2PasswordRequestForm; Describe records it through typed.Bind so
// that openapi reads one source of truth.
type passwordFormDoc struct {
	GrantType    string  `form:"grant_type" required:"false" pattern:"^password$"`
	Username     string  `form:"username"`
	Password     string  `form:"password" format:"password"`
	Scope        string  `form:"scope" default:""`
	ClientID     *string `form:"client_id"`
	ClientSecret *string `form:"client_secret" format:"password"`
}

// passwordFormStrictDoc is FastAPI's body for
// OAuth2PasswordRequestFormStrict: grant_type required and, as in FastAPI,
// no format: password.
type passwordFormStrictDoc struct {
	GrantType    string  `form:"grant_type" pattern:"^password$"`
	Username     string  `form:"username"`
	Password     string  `form:"password"`
	Scope        string  `form:"scope" default:""`
	ClientID     *string `form:"client_id"`
	ClientSecret *string `form:"client_secret"`
}

// The fields of the password form, in FastAPI's order (the order of its
// 422 entries).
const (
	fGrantType = iota
	fUsername
	fPassword
	fScope
	fClientID
	fClientSecret
	nFields
)

var fieldNames = [nFields]string{"grant_type", "username", "password", "scope", "client_id", "client_secret"}
