package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// TestCreateItem makes the request of FastAPI's
// test_tutorial001_tutorial002.py, then the spec's: 201, and only the
// query string is read.
func TestCreateItem(t *testing.T) {
	missing := `{"detail":[{"type":"missing","loc":["query","name"],"msg":"Field required","input":null}]}`
	Run(t, newApp(), []Case{
		{Name: "create item", Method: "POST", Path: "/items/?name=Test%20Item", Status: 201, JSON: `{"name":"Test Item"}`,
			Want: map[string]string{"Content-Type": "application/json"}},
		{Name: "empty name", Method: "POST", Path: "/items/?name=", Status: 201, JSON: `{"name":""}`},
		{Name: "the last name counts", Method: "POST", Path: "/items/?name=a&name=b+c", Status: 201, JSON: `{"name":"b c"}`},
		{Name: "a body is not read", Method: "POST", Path: "/items/?name=q", Header: H("Content-Type", "application/json"),
			Body: `{"name":"body"}`, Status: 201, JSON: `{"name":"q"}`},
		{Name: "no name", Method: "POST", Path: "/items/", Status: 422, JSON: missing},
		{Name: "name in the body only", Method: "POST", Path: "/items/", Form: Form("name=x"), Status: 422, JSON: missing},
		{Name: "GET: method not allowed", Path: "/items/", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		NotFound,
	})
}

func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "POST /items redirects", Method: "POST", Path: "/items?name=x", To: "/items/?name=x"},
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema: the query parameter,
// and the responses 201 and 422, with no 200.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	op := []string{"paths", "/items/", "post"}
	Expect(t, doc, `"create_item_items__post"`, append(op, "operationId")...)
	Expect(t, doc, `"Create Item"`, append(op, "summary")...)
	Expect(t, doc, `[{"name":"name","in":"query","required":true,"schema":{"type":"string"}}]`, append(op, "parameters")...)
	Expect(t, doc, `{"description":"Successful Response","content":{"application/json":{"schema":{}}}}`, append(op, "responses", "201")...)
	Expect(t, doc, `null`, append(op, "responses", "200")...)
	Expect(t, doc, `"Validation Error"`, append(op, "responses", "422", "description")...)
}
