package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// TestReadItem makes the requests of FastAPI's test_tutorial001.py and
// test_tutorial002.py, then the spec's: X-Error only on the 404 of
// /items-header/.
func TestReadItem(t *testing.T) {
	found := `{"item":"The Foo Wrestlers"}`
	notFound := `{"detail":"Item not found"}`
	xError := map[string]string{"X-Error": "There goes my error", "Content-Type": "application/json"}
	Run(t, newApp(), []Case{
		{Name: "get item", Path: "/items/foo", Status: 200, JSON: found},
		{Name: "get item not found", Path: "/items/bar", Status: 404, JSON: notFound},
		{Name: "get item header", Path: "/items-header/foo", Status: 200, JSON: found},
		{Name: "get item not found header", Path: "/items-header/bar", Status: 404, JSON: notFound, Want: xError},
		{Name: "percent-decoded", Path: "/items-header/f%6Fo", Status: 200, JSON: found},
		{Name: "two segments", Path: "/items/foo/bar", Status: 404, JSON: `{"detail":"Not Found"}`},
		{Name: "DELETE: method not allowed", Method: "DELETE", Path: "/items/foo", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		NotFound,
	})
}

// TestXErrorOnlyOnThe404: the header belongs to that one answer.
func TestXErrorOnlyOnThe404(t *testing.T) {
	srv := httptest.NewServer(newApp())
	defer srv.Close()
	for _, path := range []string{"/items/foo", "/items/bar", "/items-header/foo", "/items-header/foo/bar"} {
		res := Do(t, srv.URL, Case{Path: path})
		res.Body.Close()
		if v := res.Header.Values("X-Error"); len(v) != 0 {
			t.Errorf("%s: X-Error %q", path, v)
		}
	}
	// FastAPI's routes answer no HEAD: 405, without the header.
	res := Do(t, srv.URL, Case{Method: http.MethodHead, Path: "/items-header/bar"})
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed || len(res.Header.Values("X-Error")) != 0 {
		t.Errorf("HEAD: %d %v", res.StatusCode, res.Header)
	}
}

func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "/items-header/foo/ redirects", Path: "/items-header/foo/", To: "/items-header/foo"},
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema of both tutorials.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	for _, c := range []struct{ path, id, summary string }{
		{"/items/{item_id}", "read_item_items__item_id__get", "Read Item"},
		{"/items-header/{item_id}", "read_item_header_items_header__item_id__get", "Read Item Header"},
	} {
		op := []string{"paths", c.path, "get"}
		Expect(t, doc, `"`+c.id+`"`, append(op, "operationId")...)
		Expect(t, doc, `"`+c.summary+`"`, append(op, "summary")...)
		Expect(t, doc, `[{"name":"item_id","in":"path","required":true,"schema":{"type":"string"}}]`, append(op, "parameters")...)
		Expect(t, doc, `{"description":"Successful Response","content":{"application/json":{"schema":{}}}}`, append(op, "responses", "200")...)
		Expect(t, doc, `"Validation Error"`, append(op, "responses", "422", "description")...)
	}
}
