package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's HTTPBearer: the first Authorization
// header (bytes read as Latin-1), split at its first space, the rest
// stripped as Python's str.strip does; an empty scheme or credentials, or
// a scheme other than "bearer" in any case, is 401 {"detail":"Not
// authenticated"} with WWW-Authenticate: Bearer. The scheme comes back as
// sent.
func TestUsersMe(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	ok := func(name string, header map[string][]string, scheme, credentials string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200,
			JSON: `{"scheme":"` + scheme + `","credentials":"` + credentials + `"}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Bearer", JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		ok("bearer", auth("Bearer foobar"), "Bearer", "foobar"),
		ok("scheme as sent, lower case", auth("bearer foobar"), "bearer", "foobar"),
		ok("scheme as sent, upper case", auth("BEARER foobar"), "BEARER", "foobar"),
		ok("extra spaces", auth("Bearer    foobar  "), "Bearer", "foobar"),
		ok("tab after the space", auth("Bearer \tfoobar"), "Bearer", "foobar"),
		ok("NBSP stripped", auth("Bearer \xa0foobar\xa0"), "Bearer", "foobar"),
		ok("NEL stripped", auth("Bearer \x85foobar\x85"), "Bearer", "foobar"),
		ok("spaces inside kept", auth("Bearer foo  bar"), "Bearer", "foo  bar"),
		ok("Latin-1", auth("Bearer \xe9"), "Bearer", "é"),
		ok("UTF-8 bytes read as Latin-1", auth("Bearer \xc3\xb6"), "Bearer", "Ã¶"),
		ok("first header counts", auth("Bearer one", "Bearer two"), "Bearer", "one"),
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("empty credentials", auth("Bearer")),
		fail("only whitespace after the scheme", auth("Bearer  \xa0\x85")),
		fail("wrong scheme", auth("Basic notreally")),
		fail("Digest is not Bearer", auth("Digest foobar")),
		fail("scheme with a suffix", auth("Bearerx foobar")),
		fail("tab is no separator", auth("Bearer\tfoobar")),
		fail("NBSP is no separator", auth("Bearer\xa0foobar")),
		fail("first header is another scheme", auth("Basic x", "Bearer y")),
		fail("empty first header", auth("", "Bearer y")),
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
