package forms_test

import (
	"bytes"
	"flag"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// newServer mounts Password at /login and PasswordStrict at /strict, each
// answering with the resolved form.
func newServer(opts *typed.Options) *echo.Echo {
	e := echo.New()
	api := echov4.NewWithOptions(e, opts)
	api.POST("/login", typed.Handle[struct{}, forms.OAuth2PasswordRequestForm](forms.Password(nil),
		func(c echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (forms.OAuth2PasswordRequestForm, error) {
			return f, nil
		}))
	api.POST("/strict", typed.Handle[struct{}, forms.OAuth2PasswordRequestFormStrict](forms.PasswordStrict(nil),
		func(c echo.Context, _ struct{}, f forms.OAuth2PasswordRequestFormStrict) (forms.OAuth2PasswordRequestFormStrict, error) {
			return f, nil
		}))
	return e
}

// post sends body to path with Content-Type ct (none when empty); a nil
// body sends no body at all.
func post(e *echo.Echo, path, ct string, body []byte) *httptest.ResponseRecorder {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req := httptest.NewRequest(http.MethodPost, path, rd)
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

// multipartBody encodes fields (name, value pairs in order) as
// multipart/form-data and returns the body and its Content-Type.
func multipartBody(t testing.TB, fields [][2]string) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		if err := w.WriteField(f[0], f[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), w.FormDataContentType()
}

// golden compares got with testdata/name byte for byte, or rewrites the
// file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./forms -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("body differs from %s\n got: %s\nwant: %s", path, got, want)
	}
}
