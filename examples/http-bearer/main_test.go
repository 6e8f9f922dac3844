package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestUsersMe(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	auth := func(v string) map[string][]string { return H("Authorization", v) }
	Run(t, newApp(), []Case{
		{Name: "bearer", Path: "/users/me", Header: auth("Bearer foobar"), Status: 200, JSON: `{"scheme":"Bearer","credentials":"foobar"}`},
		{Name: "scheme as sent", Path: "/users/me", Header: auth("bearer foobar"), Status: 200, JSON: `{"scheme":"bearer","credentials":"foobar"}`},
		{Name: "extra spaces", Path: "/users/me", Header: auth("Bearer    foobar  "), Status: 200, JSON: `{"scheme":"Bearer","credentials":"foobar"}`},
		{Name: "space inside", Path: "/users/me", Header: auth("Bearer foo bar"), Status: 200, JSON: `{"scheme":"Bearer","credentials":"foo bar"}`},
		{Name: "Latin-1", Path: "/users/me", Header: auth("Bearer \xe9"), Status: 200, JSON: `{"scheme":"Bearer","credentials":"é"}`},
		{Name: "missing", Path: "/users/me", Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "empty credentials", Path: "/users/me", Header: auth("Bearer"), Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "wrong scheme", Path: "/users/me", Header: auth("Basic notreally"), Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "tab is no separator", Path: "/users/me", Header: auth("Bearer\tfoobar"), Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "first header counts", Path: "/users/me", Header: map[string][]string{"Authorization": {"Basic x", "Bearer y"}}, Status: 401, Challenge: "Bearer", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBearer":{"type":"http","scheme":"bearer"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBearer":[]}]`, "paths", "/users/me", "get", "security")
}
