package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

// The parsing is http-basic's (see its test); here, the realm.
func TestUsersMe(t *testing.T) {
	const realm, notAuth = `Basic realm="simple"`, `{"detail":"Not authenticated"}`
	Run(t, newApp(), []Case{
		{Name: "credentials", Path: "/users/me", Header: H("Authorization", "Basic am9objpzZWNyZXQ="), Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "missing", Path: "/users/me", Status: 401, Challenge: realm, JSON: notAuth},
		{Name: "wrong scheme", Path: "/users/me", Header: H("Authorization", "Other am9objpzZWNyZXQ="), Status: 401, Challenge: realm, JSON: notAuth},
		{Name: "no colon", Path: "/users/me", Header: H("Authorization", "Basic am9obnNlY3JldA=="), Status: 401, Challenge: realm, JSON: notAuth},
		{Name: "bad base64", Path: "/users/me", Header: H("Authorization", "Basic am9ob"), Status: 401, Challenge: realm, JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBasic":{"type":"http","scheme":"basic","description":"HTTPBasic scheme"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBasic":[]}]`, "paths", "/users/me", "get", "security")
}
