package forms

import (
	"errors"
	"slices"

	"github.com/fastecho/fastecho/typed"
	"github.com/go-playground/validator/v10"
)

// Options configure [Password], [PasswordStrict] and [Bind]. A nil
// *Options, like a zero one, means the defaults.
type Options struct {
	// Validate adds checks to the password forms. Nil means none beyond
	// FastAPI's. When set, a form that passes FastAPI's checks is then
	// validated with Validate.Struct (a *OAuth2PasswordRequestForm, or a
	// *OAuth2PasswordRequestFormStrict for PasswordStrict), so rules
	// registered with RegisterStructValidation for that type apply; each
	// failure is a 422 entry of type value_error at the field's form name,
	// without input for the password and client secret.
	//
	// For Bind, Validate replaces the API's validator (typed.Options.Validate)
	// and runs even when the struct has no validate tags.
	Validate *validator.Validate
}

// fieldIndex maps the Go field names of the form to their fields.
var fieldIndex = map[string]int{
	"GrantType": fGrantType, "Username": fUsername, "Password": fPassword,
	"Scopes": fScope, "ClientID": fClientID, "ClientSecret": fClientSecret,
}

// checkForm and checkStrict validate a copy of f, so that only requests
// with Options.Validate pay for moving it to the heap.
func (p *reader) checkForm(f OAuth2PasswordRequestForm) error { return p.check(&f, &f) }

func (p *reader) checkStrict(f OAuth2PasswordRequestForm) error {
	s := OAuth2PasswordRequestFormStrict(f)
	return p.check(&s, &f)
}

// check runs the Options.Validate rules on v, which points to f or to its
// strict conversion, and turns their failures into a 422.
func (p *reader) check(v any, f *OAuth2PasswordRequestForm) error {
	err := p.validate.Struct(v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return &typed.RequestValidationError{Errors: []typed.ValidationError{
			{Type: "value_error", Loc: []any{"body"}, Msg: "Value error, " + err.Error()},
		}}
	}
	values := [nFields]any{f.GrantType, f.Username, f.Password, f.Scopes, f.ClientID, f.ClientSecret}
	type ranked struct {
		k  int
		ve typed.ValidationError
	}
	list := make([]ranked, 0, len(verrs))
	for _, fe := range verrs {
		ve := typed.ValidationError{Type: "value_error", Loc: []any{"body"},
			Msg: "Value error, failed the '" + fe.Tag() + "' check", Input: fe.Value()}
		k, ok := fieldIndex[fe.StructField()]
		if ok {
			ve.Loc, ve.Input = locs[k], values[k]
			ve.Secret = k == fPassword || k == fClientSecret
		} else {
			k = nFields
		}
		list = append(list, ranked{k, ve})
	}
	slices.SortStableFunc(list, func(a, b ranked) int { return a.k - b.k })
	errs := make([]typed.ValidationError, len(list))
	for i, r := range list {
		errs[i] = r.ve
	}
	return &typed.RequestValidationError{Errors: errs}
}
