package typed_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
)

// FormValue reads one field of the request's form: its last text value.
func ExampleFormValue() {
	req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader("username=johndoe&scope=me&scope=items"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := typed.NewRequest(httptest.NewRecorder(), req)
	user, _ := typed.FormValue(r, "username")
	scope, _ := typed.FormValue(r, "scope")
	missing, _ := typed.FormValue(r, "password")
	fmt.Printf("%q %q %q\n", user, scope, missing)
	// Output: "johndoe" "items" ""
}

// FuzzFormValue checks FormValue against Form on arbitrary urlencoded and
// multipart bodies: the same error, and for every name the last of Form's
// values (or "").
func FuzzFormValue(f *testing.F) {
	f.Add(uint8(0), "a=1&b=2&a=3&c=")
	f.Add(uint8(1), "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"f\"\r\n\r\ny\r\n--b--\r\n")
	f.Add(uint8(1), "--b\r\nbroken")
	types := []string{"application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "text/plain"}
	f.Fuzz(func(t *testing.T, kind uint8, body string) {
		req := func() *typed.Request {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
			req.Header.Set("Content-Type", types[int(kind)%len(types)])
			return typed.NewRequest(httptest.NewRecorder(), req)
		}
		r := req()
		defer typed.Finish(r, nil)
		form, err := typed.Form(r)
		names := []string{"a", "b", "c", ""}
		for name := range form {
			names = append(names, name)
		}
		r2 := req() // FormValue first, on a request of its own
		defer typed.Finish(r2, nil)
		for _, name := range names {
			got, gotErr := typed.FormValue(r2, name)
			if (gotErr == nil) != (err == nil) {
				t.Fatalf("FormValue(%q) error %v, Form's %v", name, gotErr, err)
			}
			want := ""
			if vs := form[name]; len(vs) > 0 {
				want = vs[len(vs)-1]
			}
			if got != want {
				t.Fatalf("FormValue(%q) = %q, want %q", name, got, want)
			}
		}
	})
}
