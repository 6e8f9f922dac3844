package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// FastAPI's check_api_key turns a missing or empty first "key" header into
// None, which this example answers with a message: no request here is a
// 401. Header bytes are read as Latin-1; the HTTP server strips only
// spaces and tabs around a header value.
func TestUsersMe(t *testing.T) {
	const none = `{"msg":"Create an account first"}`
	ok := func(name string, header map[string][]string, username string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: `{"username":` + username + `}`}
	}
	absent := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: none}
	}
	Run(t, newApp(), []Case{
		ok("key", H("key", "secret"), `"secret"`),
		ok("header name case", H("KEY", "secret"), `"secret"`),
		ok("spaces kept inside", H("key", "a  b"), `"a  b"`),
		ok("first header counts", map[string][]string{"Key": {"one", "two"}}, `"one"`),
		ok("Latin-1 bytes", H("key", "\xc3\xb6"), `"Ã¶"`),
		ok("NBSP is not stripped by the server", H("key", "\xa0"), `"\u00a0"`),
		absent("missing", nil),
		absent("other header", H("x-key", "secret")),
		absent("empty", H("key", "")),
		absent("only spaces", H("key", "   ")),
		absent("empty first header", map[string][]string{"Key": {"", "two"}}),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"APIKeyHeader":{"type":"apiKey","in":"header","name":"key"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"APIKeyHeader":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
