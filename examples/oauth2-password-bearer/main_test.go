package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's OAuth2PasswordBearer: the first
// Authorization header (bytes read as Latin-1), split at its first space,
// the rest stripped as Python's str.strip does. A missing header or a
// scheme other than "bearer" (in any case) is 401 {"detail":"Not
// authenticated"} with WWW-Authenticate: Bearer; "Bearer" with nothing
// after it is the empty token, not an error (unlike HTTPBearer).
func TestItems(t *testing.T) {
	ok := func(name string, header map[string][]string, token string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 200, JSON: `{"token":"` + token + `"}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`}
	}
	Run(t, newApp(), []Case{
		ok("token", auth("Bearer abc"), "abc"),
		ok("scheme lower case", auth("bearer abc"), "abc"),
		ok("scheme upper case", auth("BEARER abc"), "abc"),
		ok("spaces trimmed", auth("Bearer   abc  "), "abc"),
		ok("tab after the space", auth("Bearer \tabc"), "abc"),
		ok("NBSP stripped", auth("Bearer \xa0abc\xa0"), "abc"),
		ok("NEL stripped", auth("Bearer \x85abc\x85"), "abc"),
		ok("spaces inside kept", auth("Bearer a  b"), "a  b"),
		ok("empty token", auth("Bearer"), ""),
		ok("only whitespace after the scheme", auth("Bearer  \xa0\x85"), ""),
		ok("Latin-1", auth("Bearer \xe9"), "é"),
		ok("UTF-8 bytes read as Latin-1", auth("Bearer \xc3\xb6"), "Ã¶"),
		ok("first header counts", auth("Bearer one", "Bearer two"), "one"),
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("wrong scheme", auth("Basic abc")),
		fail("scheme with a suffix", auth("Bearerx abc")),
		fail("tab is no separator", auth("Bearer\tabc")),
		fail("NBSP is no separator", auth("Bearer\xa0abc")),
		fail("token only", auth("abc")),
		fail("first header is another scheme", auth("Basic x", "Bearer y")),
		fail("empty first header", auth("", "Bearer y")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/items/", "get", "security")
	Expect(t, doc, `"Read Items"`, "paths", "/items/", "get", "summary")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added", Path: "/items", To: "/items/"},
	})
}
