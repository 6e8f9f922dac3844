package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// FastAPI's tests/test_tutorial/test_header_params/test_tutorial003.py (its
// requests to /items are redirected to /items/ first), then the spec's
// edges: names are case-insensitive, x_token is another header, values
// are not split on commas and are read as Latin-1.
func TestItems(t *testing.T) {
	values := func(name string, h map[string][]string, body string) Case {
		return Case{Name: name, Path: "/items/", Header: h, Status: 200, JSON: `{"X-Token values":` + body + `}`}
	}
	Run(t, newApp(), []Case{
		{Name: "test no header", Path: "/items", Status: 200, JSON: `{"X-Token values":null}`},
		{Name: "test one header", Path: "/items", Header: H("x-token", "foo"), Status: 200, JSON: `{"X-Token values":["foo"]}`},
		{Name: "test two headers", Path: "/items", Header: map[string][]string{"x-token": {"foo", "bar"}}, Status: 200, JSON: `{"X-Token values":["foo","bar"]}`},
		values("upper case name", H("X-TOKEN", "foo"), `["foo"]`),
		values("underscore is another header", H("x_token", "foo"), `null`),
		values("not split on commas", H("X-Token", "a, b,c"), `["a, b,c"]`),
		values("empty value", H("X-Token", ""), `[""]`),
		values("Latin-1", H("X-Token", "caf\xe9"), `["café"]`),
		values("three in order", map[string][]string{"X-Token": {"3", "1", "2"}}, `["3","1","2"]`),
		values("other headers ignored", H("X-Other", "x"), `null`),
		NotFound,
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added", Path: "/items", To: "/items/"},
	})
}

// FastAPI's test_openapi_schema: the header parameter x-token, optional,
// an array of strings.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `[{"name":"x-token","in":"header","required":false,"schema":{"type":"array","items":{"type":"string"}}}]`,
		"paths", "/items/", "get", "parameters")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
}
