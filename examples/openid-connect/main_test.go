package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's OpenIdConnect: the first Authorization
// header's raw value (Latin-1, only the HTTP server's trimming of spaces
// and tabs at the ends), whatever its scheme; a missing or empty header is
// 401 {"detail":"Not authenticated"} with WWW-Authenticate: Bearer.
func TestUsersMe(t *testing.T) {
	ok := func(name string, header map[string][]string, username string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: `{"username":"` + username + `"}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`}
	}
	Run(t, newApp(), []Case{
		ok("bearer", auth("Bearer footokenbar"), "Bearer footokenbar"),
		ok("any scheme", auth("Other footokenbar"), "Other footokenbar"),
		ok("no scheme", auth("footokenbar"), "footokenbar"),
		ok("not stripped beyond spaces and tabs", auth("Bearer  x\xa0"), "Bearer  x\u00a0"),
		ok("tab inside kept", auth("Bearer\tx"), "Bearer\\tx"),
		ok("Latin-1", auth("\xc3\xb6"), "Ã¶"),
		ok("first header counts", auth("one", "two"), "one"),
		fail("missing", nil),
		fail("empty", auth("")),
		fail("empty first header", auth("", "two")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OpenIdConnect":{"type":"openIdConnect","openIdConnectUrl":"/openid"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OpenIdConnect":[]}]`, "paths", "/users/me", "get", "security")
	Expect(t, doc, `"read_current_user_users_me_get"`, "paths", "/users/me", "get", "operationId")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
