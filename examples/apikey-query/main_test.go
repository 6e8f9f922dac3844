package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The expected values are Starlette's: the query string split on '&' only,
// names and values percent-decoded as UTF-8 with invalid sequences
// replaced (Python's parse_qsl, keep_blank_values=True), the last
// occurrence winning; then APIKeyQuery's "missing or empty is a 401".
func TestItems(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	ok := func(name, query, value string) Case {
		return Case{Name: name, Path: "/items/" + query, Status: 200, JSON: `{"api_key":` + value + `}`}
	}
	fail := func(name, query string) Case {
		return Case{Name: name, Path: "/items/" + query, Status: 401, Challenge: "APIKey", JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		ok("key", "?api_key=secret", `"secret"`),
		ok("among others", "?a=1&api_key=k&b=2", `"k"`),
		ok("percent-decoded", "?api_key=%20%20", `"  "`),
		ok("plus is a space", "?api_key=a+b", `"a b"`),
		ok("a lone plus is a key", "?api_key=+", `" "`),
		ok("escaped &", "?api_key=a%26b", `"a&b"`),
		ok("= inside the value", "?api_key=a=b", `"a=b"`),
		ok("UTF-8 escapes", "?api_key=%C3%B6", `"ö"`),
		ok("invalid UTF-8 replaced", "?api_key=%FF", `"\ufffd"`),
		ok("bad escape kept", "?api_key=%zz", `"%zz"`),
		ok("lone percent kept", "?api_key=%", `"%"`),
		ok("name percent-decoded", "?api%5Fkey=x", `"x"`),
		ok("empty pairs skipped", "?&&api_key=k&&", `"k"`),
		ok("last wins", "?api_key=a&api_key=b", `"b"`),
		ok("last non-empty wins", "?api_key=&api_key=b", `"b"`),
		ok("name is case-sensitive", "?API_KEY=b&api_key=a", `"a"`),
		fail("missing", ""),
		fail("other parameter", "?apikey=1"),
		fail("upper-case name", "?API_KEY=1"),
		fail("empty", "?api_key="),
		fail("no =", "?api_key"),
		fail("last empty wins", "?api_key=a&api_key="),
		fail("semicolon is no separator", "?x=1;api_key=2"),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"APIKeyQuery":{"type":"apiKey","in":"query","name":"api_key"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"APIKeyQuery":[]}]`, "paths", "/items/", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added, query kept", Path: "/items?api_key=secret", To: "/items/?api_key=secret"},
	})
}
