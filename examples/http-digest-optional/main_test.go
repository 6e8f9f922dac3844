package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// FastAPI's HTTPDigest(auto_error=False) returns None for every request
// that HTTPDigest() would answer with a 401 (missing or empty header,
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
		ok("digest", auth("Digest foobar"), "Digest", "foobar"),
		ok("scheme as sent", auth("dIgEsT foobar"), "dIgEsT", "foobar"),
		ok("extra spaces", auth("Digest   foobar  "), "Digest", "foobar"),
		ok("NBSP stripped", auth("Digest \xa0foobar"), "Digest", "foobar"),
		ok("Latin-1", auth("Digest \xc3\xb6"), "Digest", "Ã¶"),
		ok("first header counts", auth("Digest one", "Bearer two"), "Digest", "one"),
		absent("missing", nil),
		absent("empty header", auth("")),
		absent("empty credentials", auth("Digest")),
		absent("only whitespace after the scheme", auth("Digest  \xa0")),
		absent("wrong scheme", auth("Basic notreally")),
		absent("Bearer is not Digest", auth("Bearer foobar")),
		absent("tab is no separator", auth("Digest\tfoobar")),
		absent("first header is another scheme", auth("Bearer x", "Digest y")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPDigest":{"type":"http","scheme":"digest"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPDigest":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
