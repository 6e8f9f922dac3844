package main

import (
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

const items = `"items":[{"item_id":"Foo"},{"item_id":"Bar"}]`

// mismatch is the 422 of a value sent as item-query that fails the pattern.
func mismatch(input string) string {
	return `{"detail":[{"type":"string_pattern_mismatch","loc":["query","item-query"],"msg":"String should match pattern '^fixedquery$'","input":` + input + `,"ctx":{"pattern":"^fixedquery$"}}]}`
}

// FastAPI's tests/test_tutorial/test_query_params_str_validations/test_tutorial010.py,
// then the spec's edges: an empty value is validated, lengths count
// characters, the pattern searches with $ at the very end only, the last
// occurrence counts, only the alias is read.
func TestItems(t *testing.T) {
	tooShort := func(input string) string {
		return `{"detail":[{"type":"string_too_short","loc":["query","item-query"],"msg":"String should have at least 3 characters","input":` + input + `,"ctx":{"min_length":3}}]}`
	}
	long := strings.Repeat("é", 51) // 102 bytes, 51 characters
	Run(t, newApp(), []Case{
		{Name: "test_query_params_str_validations_no_query", Path: "/items/", Status: 200, JSON: `{` + items + `}`},
		{Name: "test_query_params_str_validations_item_query_fixedquery", Path: "/items/?item-query=fixedquery", Status: 200, JSON: `{` + items + `,"q":"fixedquery"}`},
		{Name: "test_query_params_str_validations_q_fixedquery", Path: "/items/?q=fixedquery", Status: 200, JSON: `{` + items + `}`},
		{Name: "test_query_params_str_validations_item_query_nonregexquery", Path: "/items/?item-query=nonregexquery", Status: 422, JSON: mismatch(`"nonregexquery"`)},
		{Name: "empty value is validated", Path: "/items/?item-query=", Status: 422, JSON: tooShort(`""`)},
		{Name: "name without =", Path: "/items/?item-query", Status: 422, JSON: tooShort(`""`)},
		{Name: "two characters", Path: "/items/?item-query=ab", Status: 422, JSON: tooShort(`"ab"`)},
		{Name: "too long, in characters", Path: "/items/?item-query=" + url.QueryEscape(long), Status: 422,
			JSON: `{"detail":[{"type":"string_too_long","loc":["query","item-query"],"msg":"String should have at most 50 characters","input":"` + long + `","ctx":{"max_length":50}}]}`},
		{Name: "three characters fail the pattern", Path: "/items/?item-query=abc", Status: 422, JSON: mismatch(`"abc"`)},
		{Name: "$ is the very end: a trailing newline fails", Path: "/items/?item-query=fixedquery%0A", Status: 422, JSON: mismatch(`"fixedquery\n"`)},
		{Name: "a leading space fails", Path: "/items/?item-query=+fixedquery", Status: 422, JSON: mismatch(`" fixedquery"`)},
		{Name: "the last occurrence counts", Path: "/items/?item-query=nope&item-query=fixedquery", Status: 200, JSON: `{` + items + `,"q":"fixedquery"}`},
		{Name: "the last occurrence fails", Path: "/items/?item-query=fixedquery&item-query=nope", Status: 422, JSON: mismatch(`"nope"`)},
		{Name: "percent-encoded name", Path: "/items/?item%2Dquery=fixedquery", Status: 200, JSON: `{` + items + `,"q":"fixedquery"}`},
		{Name: "names are case-sensitive", Path: "/items/?Item-Query=nope", Status: 200, JSON: `{` + items + `}`},
		{Name: "semicolon is not a separator", Path: "/items/?item-query=fixedquery;x=1", Status: 422, JSON: mismatch(`"fixedquery;x=1"`)},
		{Name: "method not allowed", Method: "POST", Path: "/items/", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		NotFound,
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest), before the query is validated.
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added, query kept", Path: "/items?item-query=nope", To: "/items/?item-query=nope"},
	})
}

// FastAPI's test_openapi_schema: the parameter item-query, optional and
// deprecated, with the description, a string schema with the three
// constraints and the title.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `[{"name":"item-query","in":"query","required":false,"deprecated":true,
		"description":"Query string for the items to search in the database that have a good match",
		"schema":{"type":"string","minLength":3,"maxLength":50,"pattern":"^fixedquery$","title":"Query string",
		"description":"Query string for the items to search in the database that have a good match","deprecated":true}}]`,
		"paths", "/items/", "get", "parameters")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
	Expect(t, doc, `"Read Items"`, "paths", "/items/", "get", "summary")
	responses, _ := At(doc, "paths", "/items/", "get", "responses").(map[string]any)
	var codes []string
	for code := range responses {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	if strings.Join(codes, " ") != "200 422" {
		t.Errorf("responses %v, want 200 and 422", codes)
	}
}
