package forms_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// TestPasswordErrorTypes checks that every failure, whether it echoes
// nothing of the request (only missing fields) or echoes grant_type, is a
// 422 in which errors.As finds the *typed.RequestValidationError with its
// entries, before and after echov4.Error hands it to Echo.
func TestPasswordErrorTypes(t *testing.T) {
	t.Parallel()
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
			t.Parallel()
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.whenBody))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			c := echo.New().NewContext(req, httptest.NewRecorder())
			r := echov4.NewRequest(c)
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
			var he *echo.HTTPError
			if handed := echov4.Error(c, err); !errors.As(handed, &he) || he.Code != http.StatusUnprocessableEntity {
				t.Fatalf("echov4.Error(c, %v) = %v, want an *echo.HTTPError with code 422", err, handed)
			}
			if !errors.As(he, &ve) {
				t.Error("errors.As does not find the RequestValidationError through the Echo error")
			}
		})
	}
}
