package forms

import "github.com/fastecho/fastecho/typed"

var (
	_ typed.JSONSchemer = OAuth2PasswordRequestForm{}
	_ typed.JSONSchemer = OAuth2PasswordRequestFormStrict{}
)

// JSONSchema returns nil: a form sent as JSON (a handler that returns it)
// is documented by its fields, which MarshalJSON sends under their
// FastAPI names; see [typed.JSONSchemer].
func (OAuth2PasswordRequestForm) JSONSchema(func(any) map[string]any) map[string]any { return nil }

// JSONSchema returns nil, as [OAuth2PasswordRequestForm.JSONSchema] does.
func (OAuth2PasswordRequestFormStrict) JSONSchema(func(any) map[string]any) map[string]any {
	return nil
}
