package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func cookie(v ...string) map[string][]string { return map[string][]string{"Cookie": v} }

// FastAPI's tests/test_tutorial/test_cookie_params/test_tutorial001.py (its
// requests to /items are redirected to /items/ first), then Starlette's
// cookie parser: quoting, the last occurrence, spaces, pieces without '=',
// several Cookie headers, no percent-decoding.
func TestItems(t *testing.T) {
	ads := func(name string, h map[string][]string, body string) Case {
		return Case{Name: name, Path: "/items/", Header: h, Status: 200, JSON: `{"ads_id":` + body + `}`}
	}
	Run(t, newApp(), []Case{
		{Name: "test no cookies", Path: "/items", Status: 200, JSON: `{"ads_id":null}`},
		{Name: "test ads_id", Path: "/items", Header: cookie("ads_id=ads_track"), Status: 200, JSON: `{"ads_id":"ads_track"}`},
		{Name: "test ads_id and session", Path: "/items", Header: cookie("ads_id=ads_track; session=cookiesession"), Status: 200, JSON: `{"ads_id":"ads_track"}`},
		{Name: "test session only", Path: "/items", Header: cookie("session=cookiesession"), Status: 200, JSON: `{"ads_id":null}`},
		ads("empty value", cookie("ads_id="), `""`),
		ads("quoted", cookie(`ads_id="a b"`), `"a b"`),
		ads("quoted with escapes", cookie(`ads_id="a\"b\\c\073"`), `"a\"b\\c;"`),
		ads("the last occurrence wins", cookie("ads_id=1; ads_id=2"), `"2"`),
		ads("across Cookie headers", cookie("ads_id=1", "ads_id=2; x=y"), `"2"`),
		ads("trimmed", cookie(" ads_id =  v  ;x=1"), `"v"`),
		ads("no percent-decoding", cookie("ads_id=a%20b"), `"a%20b"`),
		ads("names are case-sensitive", cookie("ADS_ID=v"), `null`),
		ads("a piece without =", cookie("ads_id; x=1"), `null`),
		ads("the value keeps its =", cookie("ads_id=a=b"), `"a=b"`),
		ads("Latin-1", cookie("ads_id=caf\xe9"), `"café"`),
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

// FastAPI's test_openapi_schema: the cookie parameter ads_id, optional, a
// string.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `[{"name":"ads_id","in":"cookie","required":false,"schema":{"type":"string"}}]`,
		"paths", "/items/", "get", "parameters")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
}
