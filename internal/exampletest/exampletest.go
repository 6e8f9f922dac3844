// Package exampletest holds what the examples' black-box tests share: a
// table of requests sent over real HTTP with their expected answers, and the
// golden OpenAPI document of each example.
package exampletest

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the examples' golden OpenAPI documents (testdata/openapi.json)")

// Case is one request and the answer it must get.
type Case struct {
	Name   string
	Method string // GET when empty
	Path   string
	// Header holds request headers. Keys are sent exactly as written, so
	// a case can send "X-KEY" or a lower-case name. Several values of one
	// key are sent as repeated header lines.
	Header map[string][]string
	// Form, when not nil, is sent as an application/x-www-form-urlencoded
	// body (already encoded, e.g. "username=a&password=b"). Body is sent as
	// is with Header's Content-Type otherwise.
	Form *string
	Body string

	Status int
	// Challenge is the expected WWW-Authenticate value; "" means the
	// header must be absent.
	Challenge string
	// JSON is the expected body; it is compared as JSON (key order does
	// not matter). Empty skips the comparison.
	JSON string
	// Want holds other response headers the answer must have, each with
	// exactly this value (e.g. "Allow" of a 405).
	Want map[string]string
}

// NotFound is the row every example's table holds: a path that no route
// matches gets Echo's own 404, which the example's error handler
// (echov4.ErrorHandler, or echov5's) answers in FastAPI's shape, as
// Starlette does, instead of Echo's {"message":"Not Found"}.
var NotFound = Case{Name: "unknown path", Path: "/no/such/path", Status: http.StatusNotFound,
	JSON: `{"detail":"Not Found"}`, Want: map[string]string{"Content-Type": "application/json"}}

// Run sends every case to a real HTTP server around h and checks status,
// WWW-Authenticate, the JSON body and the headers of Want.
func Run(t *testing.T, h http.Handler, cases []Case) {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			res := Do(t, srv.URL, c)
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			got := res.Header.Values("WWW-Authenticate")
			if res.StatusCode != c.Status {
				t.Errorf("status %d, want %d (body %s)", res.StatusCode, c.Status, body)
			}
			switch {
			case c.Challenge == "" && len(got) != 0:
				t.Errorf("WWW-Authenticate %q, want none", got)
			case c.Challenge != "" && (len(got) != 1 || got[0] != c.Challenge):
				t.Errorf("WWW-Authenticate %q, want %q", got, c.Challenge)
			}
			if c.JSON != "" && !SameJSON(body, []byte(c.JSON)) {
				t.Errorf("body %s, want %s", body, c.JSON)
			}
			for k, want := range c.Want {
				if got := res.Header.Values(k); len(got) != 1 || got[0] != want {
					t.Errorf("%s %q, want %q", k, got, want)
				}
			}
		})
	}
}

// Do sends one case to the server at base and returns the response.
func Do(t *testing.T, base string, c Case) *http.Response {
	t.Helper()
	method := c.Method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if c.Form != nil {
		body = strings.NewReader(*c.Form)
	} else if c.Body != "" {
		body = strings.NewReader(c.Body)
	}
	req, err := http.NewRequest(method, base+c.Path, body)
	if err != nil {
		t.Fatal(err)
	}
	if c.Form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, vs := range c.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Form returns a pointer to s, for Case.Form.
func Form(s string) *string { return &s }

// H is a header map with one value per key.
func H(kv ...string) map[string][]string {
	h := make(map[string][]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		h[kv[i]] = append(h[kv[i]], kv[i+1])
	}
	return h
}

// SameJSON reports whether a and b hold equal JSON values.
func SameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

// Spec fetches /openapi.json from h.
func Spec(t *testing.T, h http.Handler) []byte {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("/openapi.json: %d", rec.Code)
	}
	return rec.Body.Bytes()
}

// Golden compares the example's /openapi.json with testdata/openapi.json
// (rewritten with go test -update), checks that /docs and /redoc answer, and
// returns the parsed document for further checks.
func Golden(t *testing.T, h http.Handler) map[string]any {
	t.Helper()
	return golden(t, h, filepath.Join("testdata", "openapi.json"), *update)
}

// SameGolden is [Golden] against another example's golden document, at
// path (e.g. "../scopes/testdata/openapi.json"), for a twin of that example
// that must document itself identically. It never rewrites the file: -update
// on the example that owns it does.
func SameGolden(t *testing.T, h http.Handler, path string) map[string]any {
	t.Helper()
	return golden(t, h, path, false)
}

func golden(t *testing.T, h http.Handler, path string, update bool) map[string]any {
	t.Helper()
	got := Spec(t, h)
	var indented bytes.Buffer
	if err := json.Indent(&indented, got, "", "  "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, indented.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update in the example that owns it to create it)", err)
	}
	if !SameJSON(got, want) {
		t.Errorf("/openapi.json differs from %s (go test -update in its example rewrites it):\n%s", path, indented.Bytes())
	}
	for _, p := range []string{"/docs", "/redoc", "/docs/oauth2-redirect"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("%s: %d", p, rec.Code)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// At returns the value at a path of keys in a decoded JSON document, or nil.
func At(doc any, keys ...string) any {
	for _, k := range keys {
		m, ok := doc.(map[string]any)
		if !ok {
			return nil
		}
		doc = m[k]
	}
	return doc
}

// Expect compares the value at keys in doc with the JSON text want.
func Expect(t *testing.T, doc map[string]any, want string, keys ...string) {
	t.Helper()
	got, _ := json.Marshal(At(doc, keys...))
	if !SameJSON(got, []byte(want)) {
		t.Errorf("%s = %s, want %s", strings.Join(keys, "."), got, want)
	}
}
