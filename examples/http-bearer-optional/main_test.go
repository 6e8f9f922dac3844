package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// FastAPI's HTTPBearer(auto_error=False) returns None for every request
// that HTTPBearer() would answer with a 401 (missing or empty header,
// empty credentials, another scheme), so no request here is a 401.
func TestUsersMe(t *testing.T) {
	const none = `{"msg":"Create an account first"}`
	ok := func(name string, header map[string][]string, scheme, credentials string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200,
			JSON: `{"scheme":"` + scheme + `","credentials":"` + credentials + `"}`}
	}
	absent := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: none}
	}
	Run(t, newApp(), []Case{
		ok("bearer", auth("Bearer foobar"), "Bearer", "foobar"),
		ok("scheme as sent", auth("bEaReR foobar"), "bEaReR", "foobar"),
		ok("extra spaces", auth("Bearer   foobar  "), "Bearer", "foobar"),
		ok("NBSP stripped", auth("Bearer \xa0foobar"), "Bearer", "foobar"),
		ok("Latin-1", auth("Bearer \xc3\xb6"), "Bearer", "Ã¶"),
		ok("first header counts", auth("Bearer one", "Basic two"), "Bearer", "one"),
		absent("missing", nil),
		absent("empty header", auth("")),
		absent("empty credentials", auth("Bearer")),
		absent("only whitespace after the scheme", auth("Bearer  \xa0")),
		absent("wrong scheme", auth("Basic notreally")),
		absent("scheme with a suffix", auth("Bearerx foobar")),
		absent("tab is no separator", auth("Bearer\tfoobar")),
		absent("first header is another scheme", auth("Basic x", "Bearer y")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBearer":{"type":"http","scheme":"bearer"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBearer":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
