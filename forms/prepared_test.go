package forms_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v4"
)

// TestPasswordErrorTypes checks that every failure, prepared (only missing
// fields) or not (a grant_type echoed back), is a 422 in which errors.As
// finds the *typed.RequestValidationError with its entries.
func TestPasswordErrorTypes(t *testing.T) {
	tests := []struct {
		name      string
		strict    bool
		whenBody  string
		wantTypes []string
	}{
		{name: "username missing", whenBody: "password=p", wantTypes: []string{"missing"}},
		{name: "all missing", whenBody: "", wantTypes: []string{"missing", "missing"}},
		{name: "strict all missing", strict: true, whenBody: "a=b", wantTypes: []string{"missing", "missing", "missing"}},
		{name: "grant_type mismatch", whenBody: "grant_type=x&username=u", wantTypes: []string{"string_pattern_mismatch", "missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.whenBody))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r := typed.NewRequest(echo.New().NewContext(req, httptest.NewRecorder()))
			var err error
			if tt.strict {
				_, err = forms.PasswordStrict(nil).Resolve(r)
			} else {
				_, err = forms.Password(nil).Resolve(r)
			}
			var ve *typed.RequestValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v (%T) is no RequestValidationError", err, err)
			}
			var got []string
			for _, e := range ve.Errors {
				got = append(got, e.Type)
			}
			if strings.Join(got, ",") != strings.Join(tt.wantTypes, ",") {
				t.Errorf("entries %v, want %v", got, tt.wantTypes)
			}
			if he := typed.EchoError(echo.New().NewContext(req, httptest.NewRecorder()), err); he == nil {
				t.Fatal("no Echo error")
			}
		})
	}
}
