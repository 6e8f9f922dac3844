package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The parsing is http-basic's (see its test, which covers every case);
// here, every kind of failure carries the realm in its challenge, as
// FastAPI's make_authenticate_headers sends it: Basic realm="simple".
func TestUsersMe(t *testing.T) {
	const realm, notAuth = `Basic realm="simple"`, `{"detail":"Not authenticated"}`
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: realm, JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		{Name: "credentials", Path: "/users/me", Header: auth("Basic am9objpzZWNyZXQ="), Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "scheme case", Path: "/users/me", Header: auth("basic am9objpzZWNyZXQ="), Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "colon in the password", Path: "/users/me", Header: auth("Basic am9objphOmI="), Status: 200, JSON: `{"username":"john","password":"a:b"}`},
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("wrong scheme", auth("Other am9objpzZWNyZXQ=")),
		fail("tab instead of space", auth("Basic\tam9objpzZWNyZXQ=")),
		fail("no param", auth("Basic")),
		fail("no colon", auth("Basic am9obnNlY3JldA==")),
		fail("bad base64", auth("Basic am9ob")),
		fail("URL-safe alphabet", auth("Basic YTpiPz8-Pg==")),
		fail("non-ASCII in the parameter", auth("Basic \xe9am9objpzZWNyZXQ=")),
		fail("not ASCII once decoded", auth("Basic avZobjpzZWNyZXQ=")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBasic":{"type":"http","scheme":"basic","description":"HTTPBasic scheme"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBasic":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
