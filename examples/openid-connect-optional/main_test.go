package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's OpenIdConnect(auto_error=False): the
// raw Authorization value, or None (here nil) when it is missing or empty.
func TestUsersMe(t *testing.T) {
	ok := func(name string, header map[string][]string, username string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: `{"username":"` + username + `"}`}
	}
	none := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: `{"msg":"Create an account first"}`}
	}
	Run(t, newApp(), []Case{
		ok("bearer", auth("Bearer footokenbar"), "Bearer footokenbar"),
		ok("any scheme", auth("Other footokenbar"), "Other footokenbar"),
		ok("no scheme", auth("footokenbar"), "footokenbar"),
		ok("Latin-1", auth("\xc3\xb6"), "Ã¶"),
		ok("first header counts", auth("one", "two"), "one"),
		none("missing", nil),
		none("empty", auth("")),
		none("empty first header", auth("", "two")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OpenIdConnect":{"type":"openIdConnect","openIdConnectUrl":"/openid"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OpenIdConnect":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
