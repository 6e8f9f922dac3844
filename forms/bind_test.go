package forms_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
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
	api := echov4.New(e)
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
			wantBody: `{"Name":"ann","Pin":"1234","Tags":[],"Admin":false}`},
		// FastAPI takes the last value; an empty one is missing.
		{name: "last value counts, empty is missing", whenContentType: urlencoded, whenBody: "name=ann&pin=1234&name=", wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":null}]}`},
		{name: "last value counts", whenContentType: urlencoded, whenBody: "name=&pin=1234&name=bo", wantStatus: http.StatusOK,
			wantBody: `{"Name":"bo","Pin":"1234","Tags":[],"Admin":false}`},
		{name: "validation, secret kept out", whenContentType: urlencoded, whenBody: "name=annabel&pin=98765", wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"string_too_long","loc":["body","name"],"msg":"String should have at most 5 characters","input":"annabel","ctx":{"max_length":5}},{"type":"string_too_long","loc":["body","pin"],"msg":"String should have at most 4 characters","ctx":{"max_length":4}}]}`},
		{name: "JSON is no form", whenContentType: "application/json", whenBody: `{"name":"ann","pin":"1234"}`, wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":null},{"type":"missing","loc":["body","pin"],"msg":"Field required","input":null}]}`},
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

// TestBindCustomValidator: Options.Validate replaces the API's validator, so
// a struct-level rule registered on it runs.
func TestBindCustomValidator(t *testing.T) {
	t.Parallel()
	type pair struct {
		A string `form:"a"`
		B string `form:"b"`
	}
	v := validator.New()
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		if p := sl.Current().Interface().(pair); p.A == p.B {
			sl.ReportError(p.B, "B", "B", "nefield", "A")
		}
	}, pair{})
	e := echo.New()
	api := echov4.New(e)
	api.POST("/", typed.Handle[struct{}, pair](forms.Bind[pair](&forms.Options{Validate: v}),
		func(_ echo.Context, _ struct{}, p pair) (pair, error) { return p, nil }))
	for _, tt := range []struct {
		body string
		want int
	}{{"a=1&b=2", http.StatusOK}, {"a=1&b=1", http.StatusUnprocessableEntity}} {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != tt.want {
			t.Errorf("%s: %d %s, want %d", tt.body, rec.Code, rec.Body, tt.want)
		}
	}
}
