package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestUsersMe(t *testing.T) {
	const none = `{"msg":"Create an account first"}`
	Run(t, newApp(), []Case{
		{Name: "digest", Path: "/users/me", Header: H("Authorization", "Digest foobar"), Status: 200, JSON: `{"scheme":"Digest","credentials":"foobar"}`},
		{Name: "missing", Path: "/users/me", Status: 200, JSON: none},
		{Name: "empty credentials", Path: "/users/me", Header: H("Authorization", "Digest"), Status: 200, JSON: none},
		{Name: "wrong scheme", Path: "/users/me", Header: H("Authorization", "Basic notreally"), Status: 200, JSON: none},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPDigest":{"type":"http","scheme":"digest"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPDigest":[]}]`, "paths", "/users/me", "get", "security")
}
