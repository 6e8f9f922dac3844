package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestUsersMe(t *testing.T) {
	const none = `{"msg":"Create an account first"}`
	Run(t, newApp(), []Case{
		{Name: "bearer", Path: "/users/me", Header: H("Authorization", "Bearer footokenbar"), Status: 200, JSON: `{"username":"Bearer footokenbar"}`},
		{Name: "any scheme", Path: "/users/me", Header: H("Authorization", "Other footokenbar"), Status: 200, JSON: `{"username":"Other footokenbar"}`},
		{Name: "missing", Path: "/users/me", Status: 200, JSON: none},
		{Name: "empty", Path: "/users/me", Header: H("Authorization", ""), Status: 200, JSON: none},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OpenIdConnect":{"type":"openIdConnect","openIdConnectUrl":"/openid"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OpenIdConnect":[]}]`, "paths", "/users/me", "get", "security")
}
