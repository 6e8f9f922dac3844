package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestItems(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	Run(t, newApp(), []Case{
		{Name: "token", Path: "/items/", Header: H("Authorization", "Bearer testtoken"), Status: 200, JSON: `{"token":"testtoken"}`},
		{Name: "scheme case", Path: "/items/", Header: H("Authorization", "BEARER t"), Status: 200, JSON: `{"token":"t"}`},
		{Name: "empty token", Path: "/items/", Header: H("Authorization", "Bearer"), Status: 200, JSON: `{"token":""}`},
		{Name: "missing", Path: "/items/", Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "wrong scheme", Path: "/items/", Header: H("Authorization", "Notexistent testtoken"), Status: 401, Challenge: "Bearer", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2AuthorizationCodeBearer":{"type":"oauth2","description":"OAuth2 Code Bearer","flows":{"authorizationCode":{"authorizationUrl":"authorize","scopes":{},"tokenUrl":"token"}}}}`,
		"components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":[]}]`, "paths", "/items/", "get", "security")
}
