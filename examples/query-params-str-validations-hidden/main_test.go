package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// FastAPI's tests/test_tutorial/test_query_params_str_validations/test_tutorial014.py
// (its requests to /items are redirected to /items/ first), then the
// spec's edges: the last occurrence counts, an empty value is "Not found".
func TestItems(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_hidden_query", Path: "/items?hidden_query=somevalue", Status: 200, JSON: `{"hidden_query":"somevalue"}`},
		{Name: "test_no_hidden_query", Path: "/items", Status: 200, JSON: `{"hidden_query":"Not found"}`},
		{Name: "with the slash", Path: "/items/?hidden_query=somevalue", Status: 200, JSON: `{"hidden_query":"somevalue"}`},
		{Name: "empty value", Path: "/items/?hidden_query=", Status: 200, JSON: `{"hidden_query":"Not found"}`},
		{Name: "the last occurrence counts", Path: "/items/?hidden_query=a&hidden_query=b", Status: 200, JSON: `{"hidden_query":"b"}`},
		{Name: "decoded", Path: "/items/?hidden_query=a+b%21", Status: 200, JSON: `{"hidden_query":"a b!"}`},
		{Name: "another name", Path: "/items/?hidden-query=x", Status: 200, JSON: `{"hidden_query":"Not found"}`},
		NotFound,
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added, query kept", Path: "/items?hidden_query=somevalue", To: "/items/?hidden_query=somevalue"},
	})
}

// FastAPI's test_openapi_schema: no parameters, yet a 422 response.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `null`, "paths", "/items/", "get", "parameters")
	Expect(t, doc, `{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}`,
		"paths", "/items/", "get", "responses", "422")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
}
