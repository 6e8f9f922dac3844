package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestUsersMe(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	auth := func(v string) map[string][]string { return H("Authorization", v) }
	Run(t, newApp(), []Case{
		{Name: "digest", Path: "/users/me", Header: auth("Digest foobar"), Status: 200, JSON: `{"scheme":"Digest","credentials":"foobar"}`},
		{Name: "scheme as sent", Path: "/users/me", Header: auth("digest foobar"), Status: 200, JSON: `{"scheme":"digest","credentials":"foobar"}`},
		{Name: "parameters as sent", Path: "/users/me", Header: auth(`Digest username="a", nc=1 `), Status: 200, JSON: `{"scheme":"Digest","credentials":"username=\"a\", nc=1"}`},
		{Name: "missing", Path: "/users/me", Status: 401, Challenge: "Digest", JSON: notAuth},
		{Name: "empty credentials", Path: "/users/me", Header: auth("Digest"), Status: 401, Challenge: "Digest", JSON: notAuth},
		{Name: "wrong scheme", Path: "/users/me", Header: auth("Basic notreally"), Status: 401, Challenge: "Digest", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPDigest":{"type":"http","scheme":"digest"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPDigest":[]}]`, "paths", "/users/me", "get", "security")
}
