package echov5_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v5"
)

// TestResponsesOnV5: result types that write themselves, a JSONResponse
// in place of the error, uploads and cleanups work on Echo v5 as on v4
// (the core does them; this checks the adapter passes them through).
func TestResponsesOnV5(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = echov5.ErrorHandler(nil)
	api := echov5.New(e)
	var cleaned []error
	dep := typed.Yield(func(*echo.Context) (string, func(error), error) {
		return "dep", func(err error) { cleaned = append(cleaned, err) }, nil
	})
	api.GET("/html", typed.Handle(dep, func(*echo.Context, struct{}, string) (typed.HTML, error) { return "<p>", nil }))
	api.GET("/direct", typed.Handle(dep, func(*echo.Context, struct{}, string) (item, error) {
		return item{}, typed.JSONResponse{Status: http.StatusNotFound, Body: map[string]string{"message": "no"}}
	}))
	api.POST("/upload", typed.Plain(func(_ *echo.Context, f struct {
		File typed.UploadFile `form:"file"`
	}) (string, error) {
		return f.File.Filename, nil
	}).Status(http.StatusCreated))

	for _, tt := range []struct {
		method, target, contentType, body string
		wantStatus                        int
		wantBody, wantType                string
	}{
		{"GET", "/html", "", "", 200, "<p>", "text/html; charset=utf-8"},
		{"GET", "/direct", "", "", 404, `{"message":"no"}`, "application/json"},
		{"POST", "/upload", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nx\r\n--b--\r\n",
			201, `"a.txt"`, "application/json"},
	} {
		req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
		if tt.contentType != "" {
			req.Header.Set("Content-Type", tt.contentType)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != tt.wantStatus || strings.TrimSpace(rec.Body.String()) != tt.wantBody || rec.Header().Get("Content-Type") != tt.wantType {
			t.Errorf("%s %s: %d %q %q", tt.method, tt.target, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
		}
	}
	if len(cleaned) != 2 || cleaned[0] != nil || cleaned[1] != nil {
		t.Errorf("cleanups saw %v", cleaned)
	}
}
