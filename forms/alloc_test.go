package forms_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v4"
)

var raceEnabled bool // set by race_test.go

// TestAllocs holds Password to its budget once the body is read (typed
// keeps it for the request): one allocation for the decoded values, one
// for a non-empty Scopes; a 422 that echoes nothing is prepared, one that
// echoes grant_type costs the entries, the error and the boxed input.
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
		{name: "missing fields (a prepared 422)", whenBody: "grant_type=password", want: 1},
		{name: "grant_type mismatch", whenBody: "grant_type=x&username=u", want: 4},
		{name: "no field of ours", whenBody: "a=1&b=2", want: 2},
	}
	dep := forms.Password(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.whenBody))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r := typed.NewRequest(echo.New().NewContext(req, httptest.NewRecorder()))
			if _, err := typed.ReadBody(r); err != nil {
				t.Fatal(err)
			}
			if got := testing.AllocsPerRun(100, func() { dep.Resolve(r) }); got > tt.want {
				t.Errorf("%v allocations, want at most %v", got, tt.want)
			}
		})
	}
}
