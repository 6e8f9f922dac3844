package forms

import (
	"fmt"
	"reflect"

	"github.com/fastecho/fastecho/typed"
)

// Bind returns a [typed.Dep] that binds a form body into T and validates
// it: [typed.Bind] restricted to form fields. Each exported field of T
// names its form field with a `form:"name"` tag; a field is required unless
// it is a pointer, a slice, has a `default:"…"` tag or says
// `required:"false"`; `validate:"…"` tags run through the API's validator;
// `format:"password"` keeps a value out of 422 bodies. The body must be
// application/x-www-form-urlencoded or multipart/form-data, parsed by
// [typed.Form]; the last occurrence of a field counts and an empty value
// counts as missing, as in FastAPI. opts.Validate, when set, replaces the
// API's validator (see [typed.BindWith]).
// Failures are a 422 [*typed.RequestValidationError] in FastAPI's shape.
//
// Bind panics, at registration, if T is not a struct, has a field with no
// form tag or one read from elsewhere (path, query, header, cookie, json:
// use [typed.Bind] to mix them) or has no form field at all.
//
// FastAPI: a pydantic model declared with `Annotated[Model, Form()]`.
func Bind[T any](opts *Options) typed.Dep[T] {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		panic(fmt.Sprintf("forms: Bind[%v]: %v is not a struct", t, t))
	}
	if formFields(t, t) == 0 {
		panic(fmt.Sprintf("forms: Bind[%v]: no field has a form tag", t))
	}
	if opts != nil && opts.Validate != nil {
		return typed.BindWith[T](opts.Validate)
	}
	return typed.Bind[T]()
}

// sources are typed's field sources, in the order typed tries them.
var sources = [...]string{"path", "query", "header", "cookie", "form", "json"}

// formFields counts the form fields of t (a struct inside top), walking
// embedded structs as typed does, and panics on a field read from
// elsewhere or from nowhere.
func formFields(top, t reflect.Type) int {
	n := 0
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		src := ""
		for _, s := range sources {
			if v, ok := sf.Tag.Lookup(s); ok && v != "-" {
				src = s
				break
			}
		}
		switch {
		case sf.Anonymous && sf.Type.Kind() == reflect.Struct && src == "":
			n += formFields(top, sf.Type)
		case !sf.IsExported():
		case src == "form":
			n++
		case src == "" && sf.Tag.Get("json") == "-":
		case src == "":
			panic(fmt.Sprintf("forms: Bind[%v]: field %s has no form tag", top, sf.Name))
		default:
			panic(fmt.Sprintf("forms: Bind[%v]: field %s is read from the %s; Bind reads only form fields (use typed.Bind)", top, sf.Name, src))
		}
	}
	return n
}
