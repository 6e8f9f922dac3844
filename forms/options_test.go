package forms_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"
)

func TestOptionsValidate(t *testing.T) {
	t.Parallel()
	v := validator.New()
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		f := sl.Current().Interface().(forms.OAuth2PasswordRequestForm)
		if f.Password == f.Username {
			sl.ReportError(f.Password, "password", "Password", "nequsername", "")
		}
		if f.Username == "root" {
			sl.ReportError(f.Username, "username", "Username", "notroot", "")
		}
	}, forms.OAuth2PasswordRequestForm{})
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		if f := sl.Current().Interface().(forms.OAuth2PasswordRequestFormStrict); f.ClientID == "" {
			sl.ReportError(f.ClientID, "client_id", "ClientID", "required", "")
		}
	}, forms.OAuth2PasswordRequestFormStrict{})

	e := echo.New()
	api := echov4.New(e)
	opts := &forms.Options{Validate: v}
	api.POST("/login", typed.Handle[struct{}, string](forms.Password(opts),
		func(echo.Context, struct{}, forms.OAuth2PasswordRequestForm) (string, error) { return "ok", nil }))
	api.POST("/strict", typed.Handle[struct{}, string](forms.PasswordStrict(opts),
		func(echo.Context, struct{}, forms.OAuth2PasswordRequestFormStrict) (string, error) { return "ok", nil }))

	tests := []struct {
		name       string
		whenPath   string
		whenBody   string
		wantStatus int
		wantBody   string
	}{
		{name: "passes", whenPath: "/login", whenBody: "username=johndoe&password=secret", wantStatus: http.StatusOK, wantBody: `"ok"`},
		{name: "field order, no secret echoed", whenPath: "/login", whenBody: "username=root&password=root", wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"value_error","loc":["body","username"],"msg":"Value error, failed the 'notroot' check","input":"root"},{"type":"value_error","loc":["body","password"],"msg":"Value error, failed the 'nequsername' check"}]}`},
		{name: "FastAPI's checks come first", whenPath: "/login", whenBody: "username=root", wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}`},
		{name: "strict type's rules", whenPath: "/strict", whenBody: "grant_type=password&username=root&password=root", wantStatus: http.StatusUnprocessableEntity,
			wantBody: `{"detail":[{"type":"value_error","loc":["body","client_id"],"msg":"Value error, failed the 'required' check","input":""}]}`},
		{name: "strict passes", whenPath: "/strict", whenBody: "grant_type=password&username=root&password=root&client_id=app", wantStatus: http.StatusOK, wantBody: `"ok"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := post(e, tt.whenPath, urlencoded, []byte(tt.whenBody))
			if got := strings.TrimSpace(rec.Body.String()); rec.Code != tt.wantStatus || got != tt.wantBody {
				t.Fatalf("got %d %s\nwant %d %s", rec.Code, got, tt.wantStatus, tt.wantBody)
			}
		})
	}
}
