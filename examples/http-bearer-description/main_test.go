package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

// The parsing is http-bearer's (see its test); here, the documentation.
func TestUsersMe(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "bearer", Path: "/users/me", Header: H("Authorization", "Bearer foobar"), Status: 200, JSON: `{"scheme":"Bearer","credentials":"foobar"}`},
		{Name: "missing", Path: "/users/me", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "wrong scheme", Path: "/users/me", Header: H("Authorization", "Basic notreally"), Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT","description":"HTTP Bearer token scheme"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBearer":[]}]`, "paths", "/users/me", "get", "security")
}
