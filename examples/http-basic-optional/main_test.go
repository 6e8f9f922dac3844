package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestUsersMe(t *testing.T) {
	const none, notAuth = `{"msg":"Create an account first"}`, `{"detail":"Not authenticated"}`
	Run(t, newApp(), []Case{
		{Name: "credentials", Path: "/users/me", Header: H("Authorization", "Basic am9objpzZWNyZXQ="), Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "missing", Path: "/users/me", Status: 200, JSON: none},
		{Name: "wrong scheme is absent", Path: "/users/me", Header: H("Authorization", "Bearer x"), Status: 200, JSON: none},
		{Name: "malformed is 401", Path: "/users/me", Header: H("Authorization", "Basic am9ob"), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "no colon is 401", Path: "/users/me", Header: H("Authorization", "Basic am9obnNlY3JldA=="), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "empty param is 401", Path: "/users/me", Header: H("Authorization", "Basic"), Status: 401, Challenge: "Basic", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBasic":{"type":"http","scheme":"basic"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBasic":[]}]`, "paths", "/users/me", "get", "security")
}
