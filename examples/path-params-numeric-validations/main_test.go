package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func detail(errs ...string) string {
	out := `{"detail":[`
	for i, e := range errs {
		if i > 0 {
			out += ","
		}
		out += e
	}
	return out + `]}`
}

func itemID(typ, msg, input, ctx string) string {
	e := `{"type":"` + typ + `","loc":["path","item_id"],"msg":"` + msg + `","input":` + input
	if ctx != "" {
		e += `,"ctx":` + ctx
	}
	return e + `}`
}

func size(typ, msg, input, ctx string) string {
	e := `{"type":"` + typ + `","loc":["query","size"],"msg":"` + msg + `","input":` + input
	if ctx != "" {
		e += `,"ctx":` + ctx
	}
	return e + `}`
}

const (
	intParsing   = "Input should be a valid integer, unable to parse string as an integer"
	floatParsing = "Input should be a valid number, unable to parse string as a number"
)

// FastAPI's tests/test_tutorial/test_path_params_numeric_validations/test_tutorial006.py,
// then the spec's edges: pydantic's lax int and float parsing of text,
// huge integers failing le, NaN and infinities against the bounds, every
// error of a request at once.
func TestItems(t *testing.T) {
	ok := func(name, path, body string) Case { return Case{Name: name, Path: path, Status: 200, JSON: body} }
	fail := func(name, path string, errs ...string) Case {
		return Case{Name: name, Path: path, Status: 422, JSON: detail(errs...)}
	}
	Run(t, newApp(), []Case{
		ok("test_read_items 0", "/items/0?q=&size=0.1", `{"item_id":0,"size":0.1}`),
		ok("test_read_items 1000", "/items/1000?q=somequery&size=10.4", `{"item_id":1000,"q":"somequery","size":10.4}`),
		fail("test_read_items_item_id_less_than_zero", "/items/-1?q=somequery&size=5",
			itemID("greater_than_equal", "Input should be greater than or equal to 0", `"-1"`, `{"ge":0}`)),
		fail("test_read_items_item_id_greater_than_one_thousand", "/items/1001?q=somequery&size=5",
			itemID("less_than_equal", "Input should be less than or equal to 1000", `"1001"`, `{"le":1000}`)),
		fail("test_read_items_size_too_small", "/items/1?q=somequery&size=0.0",
			size("greater_than", "Input should be greater than 0", `"0.0"`, `{"gt":0.0}`)),
		fail("test_read_items_size_too_large", "/items/1?q=somequery&size=10.5",
			size("less_than", "Input should be less than 10.5", `"10.5"`, `{"lt":10.5}`)),

		ok("int from 5.0", "/items/5.0?q=x&size=1", `{"item_id":5,"q":"x","size":1.0}`),
		ok("int with spaces and an underscore", "/items/%201_000%20?q=x&size=1", `{"item_id":1000,"q":"x","size":1.0}`),
		ok("int with a sign and leading zeros", "/items/+007?q=x&size=1", `{"item_id":7,"q":"x","size":1.0}`),
		ok("minus zero", "/items/-0?q=x&size=1", `{"item_id":0,"q":"x","size":1.0}`),
		fail("int_parsing", "/items/abc?q=x&size=1", itemID("int_parsing", intParsing, `"abc"`, "")),
		fail("a fraction is not an int", "/items/5.5?q=x&size=1", itemID("int_parsing", intParsing, `"5.5"`, "")),
		fail("an exponent is not an int", "/items/1e3?q=x&size=1", itemID("int_parsing", intParsing, `"1e3"`, "")),
		fail("double underscore", "/items/1__0?q=x&size=1", itemID("int_parsing", intParsing, `"1__0"`, "")),
		fail("huge int fails le", "/items/99999999999999999999999?q=x&size=1",
			itemID("less_than_equal", "Input should be less than or equal to 1000", `"99999999999999999999999"`, `{"le":1000}`)),
		fail("huge negative int fails ge", "/items/-99999999999999999999999?q=x&size=1",
			itemID("greater_than_equal", "Input should be greater than or equal to 0", `"-99999999999999999999999"`, `{"ge":0}`)),

		ok("float with an exponent", "/items/1?q=x&size=1e0", `{"item_id":1,"q":"x","size":1.0}`),
		ok("float with spaces", "/items/1?q=x&size=%202.5%20", `{"item_id":1,"q":"x","size":2.5}`),
		ok("float without a leading digit", "/items/1?q=x&size=.5", `{"item_id":1,"q":"x","size":0.5}`),
		fail("float_parsing", "/items/1?q=x&size=abc", size("float_parsing", floatParsing, `"abc"`, "")),
		fail("empty size", "/items/1?q=x&size=", size("float_parsing", floatParsing, `""`, "")),
		fail("hex is not a float", "/items/1?q=x&size=0x1p0", size("float_parsing", floatParsing, `"0x1p0"`, "")),
		fail("nan fails lt first", "/items/1?q=x&size=nan", size("less_than", "Input should be less than 10.5", `"nan"`, `{"lt":10.5}`)),
		fail("inf", "/items/1?q=x&size=inf", size("less_than", "Input should be less than 10.5", `"inf"`, `{"lt":10.5}`)),
		fail("-inf", "/items/1?q=x&size=-inf", size("greater_than", "Input should be greater than 0", `"-inf"`, `{"gt":0}`)),

		fail("q and size missing", "/items/1",
			`{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}`,
			`{"type":"missing","loc":["query","size"],"msg":"Field required","input":null}`),
		fail("every error at once", "/items/-1?size=0",
			itemID("greater_than_equal", "Input should be greater than or equal to 0", `"-1"`, `{"ge":0}`),
			`{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}`,
			size("greater_than", "Input should be greater than 0", `"0"`, `{"gt":0}`)),
		ok("the last q counts", "/items/1?q=a&q=b&size=1", `{"item_id":1,"q":"b","size":1.0}`),
		ok("the last size counts", "/items/1?q=a&size=20&size=2", `{"item_id":1,"q":"a","size":2.0}`),
		NotFound,
		{Name: "a path parameter is one segment", Path: "/items/1/2?q=x&size=1", Status: 404, JSON: `{"detail":"Not Found"}`},
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest), before the parameters are validated.
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/items/5/?q=x&size=abc", To: "/items/5?q=x&size=abc"},
	})
}

// FastAPI's test_openapi_schema: item_id an integer with minimum 0 and
// maximum 1000 and the title, q a required string, size a required number
// with exclusiveMinimum 0 and exclusiveMaximum 10.5.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `[
		{"name":"item_id","in":"path","required":true,"schema":{"type":"integer","minimum":0,"maximum":1000,"title":"The ID of the item to get"}},
		{"name":"q","in":"query","required":true,"schema":{"type":"string"}},
		{"name":"size","in":"query","required":true,"schema":{"type":"number","format":"double","exclusiveMinimum":0,"exclusiveMaximum":10.5}}]`,
		"paths", "/items/{item_id}", "get", "parameters")
	Expect(t, doc, `"read_items_items__item_id__get"`, "paths", "/items/{item_id}", "get", "operationId")
	Expect(t, doc, `"Read Items"`, "paths", "/items/{item_id}", "get", "summary")
}
