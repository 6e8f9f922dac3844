package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// TestReadItem makes the requests of FastAPI's test_tutorial001.py, then
// the spec's: any other id is the direct 404 with the Message model.
func TestReadItem(t *testing.T) {
	json := map[string]string{"Content-Type": "application/json"}
	Run(t, newApp(), []Case{
		{Name: "path operation", Path: "/items/foo", Status: 200, JSON: `{"id":"foo","value":"there goes my hero"}`, Want: json},
		{Name: "path operation not found", Path: "/items/bar", Status: 404, JSON: `{"message":"Item not found"}`, Want: json},
		{Name: "case matters", Path: "/items/FOO", Status: 404, JSON: `{"message":"Item not found"}`},
		{Name: "percent-decoded", Path: "/items/%66oo", Status: 200, JSON: `{"id":"foo","value":"there goes my hero"}`},
		{Name: "a space", Path: "/items/foo%20", Status: 404, JSON: `{"message":"Item not found"}`},
		{Name: "two segments are no item", Path: "/items/foo/bar", Status: 404, JSON: `{"detail":"Not Found"}`},
		{Name: "POST: method not allowed", Method: "POST", Path: "/items/foo", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		NotFound,
	})
}

func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "/items/foo/ redirects", Path: "/items/foo/", To: "/items/foo"},
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema: 200 with Item, 404
// with Message, and 422.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	op := []string{"paths", "/items/{item_id}", "get"}
	Expect(t, doc, `"read_item_items__item_id__get"`, append(op, "operationId")...)
	Expect(t, doc, `"Read Item"`, append(op, "summary")...)
	Expect(t, doc, `[{"name":"item_id","in":"path","required":true,"schema":{"type":"string"}}]`, append(op, "parameters")...)
	Expect(t, doc, `{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}`,
		append(op, "responses", "200")...)
	Expect(t, doc, `{"description":"Not Found","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Message"}}}}`,
		append(op, "responses", "404")...)
	Expect(t, doc, `"Validation Error"`, append(op, "responses", "422", "description")...)
	Expect(t, doc, `{"type":"object","required":["id","value"],"properties":{"id":{"type":"string"},"value":{"type":"string"}}}`,
		"components", "schemas", "Item")
	Expect(t, doc, `{"type":"object","required":["message"],"properties":{"message":{"type":"string"}}}`, "components", "schemas", "Message")
}
