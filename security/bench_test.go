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

// BenchmarkRequest measures a whole request through Echo and a typed
// handler: the scheme's share is what changes between the cases.
func BenchmarkRequest(b *testing.B) {
	cases := []struct {
		name   string
		header [2]string
		mount  func(api *echov4.API)
	}{
		{name: "none", mount: func(api *echov4.API) {
			api.GET("/", typed.Handle[struct{}, struct{}](typed.None, func(echo.Context, struct{}, struct{}) (struct{}, error) { return struct{}{}, nil }))
		}},
		{name: "HTTPBearer", header: [2]string{"Authorization", "Bearer tok"}, mount: func(api *echov4.API) {
			api.GET("/", typed.Handle[struct{}, struct{}](&security.HTTPBearer{},
				func(echo.Context, struct{}, security.HTTPAuthorizationCredentials) (struct{}, error) {
					return struct{}{}, nil
				}))
		}},
		{name: "HTTPBasic", header: [2]string{"Authorization", "Basic dXNlcjpwYXNz"}, mount: func(api *echov4.API) {
			api.GET("/", typed.Handle[struct{}, struct{}](&security.HTTPBasic{},
				func(echo.Context, struct{}, security.HTTPBasicCredentials) (struct{}, error) { return struct{}{}, nil }))
		}},
		{name: "HTTPBasic 401", mount: func(api *echov4.API) {
			api.GET("/", typed.Handle[struct{}, struct{}](&security.HTTPBasic{},
				func(echo.Context, struct{}, security.HTTPBasicCredentials) (struct{}, error) { return struct{}{}, nil }))
		}},
		{name: "APIKeyHeader", header: [2]string{"X-Key", "k"}, mount: func(api *echov4.API) {
			api.GET("/", typed.Handle[struct{}, struct{}](&security.APIKeyHeader{Name: "x-key"},
				func(echo.Context, struct{}, string) (struct{}, error) { return struct{}{}, nil }))
		}},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			e := echo.New()
			bc.mount(echov4.New(e))
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			if bc.header[0] != "" {
				req.Header.Set(bc.header[0], bc.header[1])
			}
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, req)
			}
		})
	}
}
