package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestItems(t *testing.T) {
	const none = `{"msg":"Create an account first"}`
	Run(t, newApp(), []Case{
		{Name: "token", Path: "/items/", Header: H("Authorization", "Bearer abc"), Status: 200, JSON: `{"token":"abc"}`},
		{Name: "empty token is not None", Path: "/items/", Header: H("Authorization", "Bearer"), Status: 200, JSON: `{"token":""}`},
		{Name: "missing", Path: "/items/", Status: 200, JSON: none},
		{Name: "wrong scheme", Path: "/items/", Header: H("Authorization", "Basic abc"), Status: 200, JSON: none},
		{Name: "empty header", Path: "/items/", Header: H("Authorization", ""), Status: 200, JSON: none},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/items/", "get", "security")
}
