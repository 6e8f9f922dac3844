package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The parsing is http-bearer's (see its test, which covers every case):
// bearerFormat and description change the documentation only.
func TestUsersMe(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Bearer", JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		{Name: "bearer", Path: "/users/me", Header: auth("Bearer foobar"), Status: 200, JSON: `{"scheme":"Bearer","credentials":"foobar"}`},
		{Name: "scheme as sent", Path: "/users/me", Header: auth("bearer  foobar "), Status: 200, JSON: `{"scheme":"bearer","credentials":"foobar"}`},
		{Name: "not checked as a JWT", Path: "/users/me", Header: auth("Bearer not.a.jwt!"), Status: 200, JSON: `{"scheme":"Bearer","credentials":"not.a.jwt!"}`},
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("empty credentials", auth("Bearer")),
		fail("wrong scheme", auth("Basic notreally")),
		fail("tab is no separator", auth("Bearer\tfoobar")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT","description":"HTTP Bearer token scheme"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBearer":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
