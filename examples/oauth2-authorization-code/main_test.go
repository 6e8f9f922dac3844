package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's OAuth2AuthorizationCodeBearer, which
// reads the header as OAuth2PasswordBearer does: the first Authorization
// header (Latin-1), split at its first space, the token stripped as
// Python's str.strip does; "Bearer" alone is the empty token. A missing
// header or another scheme is 401 {"detail":"Not authenticated"} with
// WWW-Authenticate: Bearer.
func TestItems(t *testing.T) {
	ok := func(name string, header map[string][]string, token string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 200, JSON: `{"token":"` + token + `"}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`}
	}
	Run(t, newApp(), []Case{
		ok("token", auth("Bearer testtoken"), "testtoken"),
		ok("scheme case", auth("BEARER t"), "t"),
		ok("stripped", auth("Bearer  \xa0t\x85 "), "t"),
		ok("spaces inside kept", auth("Bearer a b"), "a b"),
		ok("Latin-1", auth("Bearer \xc3\xb6"), "Ã¶"),
		ok("empty token", auth("Bearer"), ""),
		ok("first header counts", auth("Bearer one", "Bearer two"), "one"),
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("wrong scheme", auth("Notexistent testtoken")),
		fail("tab is no separator", auth("Bearer\ttesttoken")),
		fail("token only", auth("testtoken")),
		fail("first header is another scheme", auth("Basic x", "Bearer y")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2AuthorizationCodeBearer":{"type":"oauth2","description":"OAuth2 Code Bearer","flows":{"authorizationCode":{"authorizationUrl":"authorize","scopes":{},"tokenUrl":"token"}}}}`,
		"components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":[]}]`, "paths", "/items/", "get", "security")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
}
