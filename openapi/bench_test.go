package openapi_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// nopWriter is a ResponseWriter that keeps nothing, so that only the
// document's serving is measured.
type nopWriter struct{ h http.Header }

func (w *nopWriter) Header() http.Header         { return w.h }
func (w *nopWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *nopWriter) WriteHeader(int)             {}

// BenchmarkServeDocument measures /openapi.json once built: the bytes kept
// in memory are written with header values built once, so serving
// allocates nothing of its own (Echo's routing aside).
func BenchmarkServeDocument(b *testing.B) {
	e, api := newAPI(func(api *echov4.API) {
		api.GET("/items/:id", typed.Handle(&security.HTTPBearer{}, func(_ echo.Context, q struct {
			ID int `path:"id"`
		}, _ security.HTTPAuthorizationCredentials) (int, error) {
			return q.ID, nil
		}))
	})
	if err := openapi.Mount(api, openapi.Config{}); err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/openapi.json", nil)
	w := &nopWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		e.ServeHTTP(w, req)
	}
}
