package forms_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
)

var raceEnabled bool // set by race_test.go

// TestAllocs holds Password's urlencoded parser to its budget once the body
// is read (typed keeps it for the request): one allocation for the decoded
// values, one for a non-empty Scopes. Failures are not budgeted: their
// answers are checked by TestPassword.
func TestAllocs(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation counts differ under the race detector")
	}
	tests := []struct {
		name     string
		whenBody string
		want     float64
	}{
		{name: "username and password", whenBody: "username=johndoe&password=secret", want: 1},
		{name: "every field, escaped", whenBody: benchBody + "&client_secret=p%40ss", want: 2},
	}
	dep := forms.Password(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.whenBody))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r := typed.NewRequest(httptest.NewRecorder(), req)
			if _, err := typed.ReadBody(r); err != nil {
				t.Fatal(err)
			}
			if got := testing.AllocsPerRun(100, func() {
				if _, err := dep.Resolve(r); err != nil {
					t.Fatal(err)
				}
			}); got > tt.want {
				t.Errorf("%v allocations, want at most %v", got, tt.want)
			}
		})
	}
}
