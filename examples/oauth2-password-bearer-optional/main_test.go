package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's OAuth2PasswordBearer(auto_error=False):
// what would be a 401 is None, and the handler tests `is None`, so the
// empty token of "Bearer" alone is a token.
func TestItems(t *testing.T) {
	ok := func(name string, header map[string][]string, token string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 200, JSON: `{"token":"` + token + `"}`}
	}
	none := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 200, JSON: `{"msg":"Create an account first"}`}
	}
	Run(t, newApp(), []Case{
		ok("token", auth("Bearer abc"), "abc"),
		ok("scheme case", auth("bEaReR abc"), "abc"),
		ok("stripped", auth("Bearer \xa0 abc \x85"), "abc"),
		ok("Latin-1", auth("Bearer \xc3\xb6"), "Ã¶"),
		ok("empty token is not None", auth("Bearer"), ""),
		ok("only whitespace is the empty token", auth("Bearer \xa0"), ""),
		ok("first header counts", auth("Bearer one", "Basic two"), "one"),
		none("missing", nil),
		none("empty header", auth("")),
		none("wrong scheme", auth("Basic abc")),
		none("tab is no separator", auth("Bearer\tabc")),
		none("token only", auth("abc")),
		none("first header is another scheme", auth("Basic x", "Bearer y")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/items/", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added", Path: "/items", To: "/items/"},
	})
}
