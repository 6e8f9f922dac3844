package security_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

var raceEnabled bool // set by race_test.go

// TestAllocs holds the schemes to their budget when a credential is
// present: no allocation to extract it, but the decoded Basic string and
// Optional's pointer. (The errors have no budget: they are answered by the
// host's error handler.)
func TestAllocs(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation counts differ under the race detector")
	}
	basic := &security.HTTPBasic{}
	tests := []struct {
		name       string
		whenHeader [][2]string
		whenQuery  string
		resolve    func(*typed.Request) error
		want       float64
	}{
		{name: "APIKeyHeader", whenHeader: [][2]string{{"X-Key", "k"}}, want: 0,
			resolve: resolver[string](&security.APIKeyHeader{Name: "x-key"})},
		{name: "APIKeyQuery", whenQuery: "?k=v", want: 0,
			resolve: resolver[string](&security.APIKeyQuery{Name: "k"})},
		{name: "APIKeyCookie", whenHeader: [][2]string{{"Cookie", "a=1; k=v"}}, want: 0,
			resolve: resolver[string](&security.APIKeyCookie{Name: "k"})},
		{name: "HTTPBasic", whenHeader: auth("Basic dXNlcjpwYXNz"), want: 1,
			resolve: resolver[security.HTTPBasicCredentials](basic)},
		{name: "HTTPBearer", whenHeader: auth("Bearer tok"), want: 0,
			resolve: resolver[security.HTTPAuthorizationCredentials](&security.HTTPBearer{})},
		{name: "OAuth2PasswordBearer", whenHeader: auth("Bearer tok"), want: 0,
			resolve: resolver[string](&security.OAuth2PasswordBearer{TokenURL: "t"})},
		{name: "OpenIDConnect", whenHeader: auth("Bearer tok"), want: 0,
			resolve: resolver[string](&security.OpenIDConnect{OpenIDConnectURL: "u"})},
		{name: "Optional", whenHeader: auth("Bearer tok"), want: 1,
			resolve: resolver(security.Optional[string](&security.OAuth2PasswordBearer{TokenURL: "t"}))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/"+tt.whenQuery, nil)
			for _, h := range tt.whenHeader {
				req.Header.Add(h[0], h[1])
			}
			r := echov4.NewRequest(echo.New().NewContext(req, httptest.NewRecorder()))
			tt.resolve(r) // first use builds the scheme's state
			if got := testing.AllocsPerRun(100, func() { tt.resolve(r) }); got > tt.want {
				t.Errorf("%v allocations, want at most %v", got, tt.want)
			}
		})
	}
}

func resolver[T any](dep typed.Dep[T]) func(*typed.Request) error {
	return func(r *typed.Request) error {
		_, err := typed.Resolve(r, dep)
		return err
	}
}
