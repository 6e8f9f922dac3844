package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// FastAPI's tests/test_tutorial/test_query_params_str_validations/test_tutorial012.py,
// then the spec's edges: every occurrence in order, an empty value is a
// value, the default only when q does not occur at all.
func TestItems(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_default_query_values", Path: "/items/", Status: 200, JSON: `{"q":["foo","bar"]}`},
		{Name: "test_multi_query_values", Path: "/items/?q=baz&q=foobar", Status: 200, JSON: `{"q":["baz","foobar"]}`},
		{Name: "one value", Path: "/items/?q=baz", Status: 200, JSON: `{"q":["baz"]}`},
		{Name: "an empty value is a value", Path: "/items/?q=", Status: 200, JSON: `{"q":[""]}`},
		{Name: "a name without =", Path: "/items/?q", Status: 200, JSON: `{"q":[""]}`},
		{Name: "order kept, other names skipped", Path: "/items/?q=3&x=1&q=1&q=2", Status: 200, JSON: `{"q":["3","1","2"]}`},
		{Name: "decoded", Path: "/items/?q=a+b&q=%C3%A9&q=%zz", Status: 200, JSON: `{"q":["a b","é","%zz"]}`},
		{Name: "not split on commas", Path: "/items/?q=a,b", Status: 200, JSON: `{"q":["a,b"]}`},
		{Name: "names are case-sensitive", Path: "/items/?Q=x", Status: 200, JSON: `{"q":["foo","bar"]}`},
		{Name: "empty pairs skipped", Path: "/items/?&&q=x&", Status: 200, JSON: `{"q":["x"]}`},
		NotFound,
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added, query kept", Path: "/items?q=a&q=b", To: "/items/?q=a&q=b"},
	})
}

// FastAPI's test_openapi_schema: q is an optional query array of strings
// with the default ["foo", "bar"].
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `[{"name":"q","in":"query","required":false,
		"schema":{"type":"array","items":{"type":"string"},"default":["foo","bar"]}}]`,
		"paths", "/items/", "get", "parameters")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
}
