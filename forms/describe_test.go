package forms_test

import (
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

func TestDescribe(t *testing.T) {
	t.Parallel()
	type field struct {
		name, format, pattern, def string
		required                   bool
	}
	tests := []struct {
		name       string
		whenDep    func(api *echov4.API)
		wantFields []field
	}{
		{
			name: "Password",
			whenDep: func(api *echov4.API) {
				api.POST("/login", typed.Handle[struct{}, string](forms.Password(nil),
					func(echo.Context, struct{}, forms.OAuth2PasswordRequestForm) (string, error) { return "", nil }))
			},
			wantFields: []field{
				{name: "grant_type", pattern: "^password$"},
				{name: "username", required: true},
				{name: "password", format: "password", required: true},
				{name: "scope", def: ""},
				{name: "client_id"},
				{name: "client_secret", format: "password"},
			},
		},
		{
			name: "PasswordStrict",
			whenDep: func(api *echov4.API) {
				api.POST("/login", typed.Handle[struct{}, string](forms.PasswordStrict(nil),
					func(echo.Context, struct{}, forms.OAuth2PasswordRequestFormStrict) (string, error) { return "", nil }))
			},
			wantFields: []field{
				{name: "grant_type", pattern: "^password$", required: true},
				{name: "username", required: true},
				{name: "password", required: true},
				{name: "scope", def: ""},
				{name: "client_id"},
				{name: "client_secret"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			api := echov4.New(echo.New())
			tt.whenDep(api)
			body := api.Operations()[0].Body
			if body == nil {
				t.Fatal("no body recorded")
			}
			if body.ContentType != "application/x-www-form-urlencoded" || !body.Required || body.Type == nil {
				t.Fatalf("body %q required=%v type=%v", body.ContentType, body.Required, body.Type)
			}
			if len(body.Fields) != len(tt.wantFields) {
				t.Fatalf("%d fields, want %d", len(body.Fields), len(tt.wantFields))
			}
			for i, want := range tt.wantFields {
				f := body.Fields[i]
				if f.In != "form" || f.Name != want.name || f.Required != want.required {
					t.Errorf("field %d: %s %q required=%v, want form %q required=%v", i, f.In, f.Name, f.Required, want.name, want.required)
				}
				if got := f.Tag.Get("format"); got != want.format {
					t.Errorf("%s: format %q, want %q", want.name, got, want.format)
				}
				if got := f.Tag.Get("pattern"); got != want.pattern {
					t.Errorf("%s: pattern %q, want %q", want.name, got, want.pattern)
				}
				if def, ok := f.Tag.Lookup("default"); def != want.def || ok != (want.name == "scope") || f.HasDefault != ok {
					t.Errorf("%s: default %q (%v), want %q", want.name, def, ok, want.def)
				}
				sf := body.Type.FieldByIndex(f.Index)
				if sf.Name != f.Field || sf.Type != f.Type || sf.Tag != f.Tag {
					t.Errorf("%s: Index %v points at %s %v", want.name, f.Index, sf.Name, sf.Type)
				}
			}
		})
	}
}
