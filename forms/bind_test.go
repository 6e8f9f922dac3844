package forms_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"
)

type profile struct {
	Name  string   `form:"name" validate:"max=5"`
	Pin   string   `form:"pin" format:"password" validate:"len=4"`
	Tags  []string `form:"tag"`
	Admin bool     `form:"admin" default:"false"`
}

func TestBind(t *testing.T) {
	t.Parallel()
	e := echo.New()
	api := typed.New(e)
	api.POST("/profile", typed.Handle[struct{}, profile](forms.Bind[profile](nil),
		func(c echo.Context, _ struct{}, p profile) (profile, error) { return p, nil }))
	tests := []struct {
		name            string
		whenContentType string
		whenBody        string
		wantStatus      int
		wantBody        string
	}{
		{name: "happy path", whenContentType: urlencoded, whenBody: "name=ann&pin=1234&tag=a&tag=b&admin=yes", wantStatus: http.StatusOK,
			wantBody: `{"Name":"ann","Pin":"1234","Tags":["a","b"],"Admin":true}`},
		{name: "defaults", whenContentType: urlencoded, whenBody: "name=ann&pin=1234", wantStatus: http.StatusOK,
			wantBody: `{"Name":"ann","Pin":"1234","Tags":null,"Admin":false}`},
		// typed.Bind keeps the last non-empty value; FastAPI would say
		// name is missing. This row fails when typed changes.
		{name: "last non-empty value", whenContentType: urlencoded, whenBody: "name=ann&pin=1234&name=", wantStatus: http.StatusOK,
			wantBody: `{"Name":"ann","Pin":"1234","Tags":null,"Admin":false}`},
		{name: "validation, secret kept out", whenContentType: urlencoded, whenBody: "name=annabel&pin=98765", wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"string_too_long","loc":["body","name"],"msg":"String should have at most 5 characters","input":"annabel","ctx":{"max_length":5}},{"type":"string_too_long","loc":["body","pin"],"msg":"String should have at most 4 characters","ctx":{"max_length":4}}]}`},
		{name: "JSON is no form", whenContentType: "application/json", whenBody: `{"name":"ann","pin":"1234"}`, wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":null},{"type":"missing","loc":["body","pin"],"msg":"Field required"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := post(e, "/profile", tt.whenContentType, []byte(tt.whenBody))
			if got := strings.TrimSpace(rec.Body.String()); rec.Code != tt.wantStatus || got != tt.wantBody {
				t.Fatalf("got %d %s\nwant %d %s", rec.Code, got, tt.wantStatus, tt.wantBody)
			}
		})
	}
}

func TestBindPanics(t *testing.T) {
	t.Parallel()
	type mixed struct {
		Name string `form:"name"`
		Q    string `query:"q"`
	}
	type untagged struct {
		Name string `form:"name"`
		Note string
	}
	type noForm struct {
		Skip string `json:"-"`
	}
	type embedded struct {
		profile
		Page int `query:"page"`
	}
	tests := []struct {
		name      string
		whenBind  func()
		wantPanic string
	}{
		{name: "query field", whenBind: func() { forms.Bind[mixed](nil) }, wantPanic: "field Q is read from the query"},
		{name: "field without a tag", whenBind: func() { forms.Bind[untagged](nil) }, wantPanic: "field Note has no form tag"},
		{name: "no form field", whenBind: func() { forms.Bind[noForm](nil) }, wantPanic: "no field has a form tag"},
		{name: "not a struct", whenBind: func() { forms.Bind[string](nil) }, wantPanic: "is not a struct"},
		{name: "embedded struct walked", whenBind: func() { forms.Bind[embedded](nil) }, wantPanic: "field Page is read from the query"},
		{name: "custom validator", whenBind: func() { forms.Bind[profile](&forms.Options{Validate: validator.New()}) }, wantPanic: "Options.Validate is not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			defer func() {
				msg, _ := recover().(string)
				if !strings.HasPrefix(msg, "forms: Bind[") || !strings.Contains(msg, tt.wantPanic) {
					t.Errorf("panic %q, want one containing %q", msg, tt.wantPanic)
				}
			}()
			tt.whenBind()
		})
	}
}
