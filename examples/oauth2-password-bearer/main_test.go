package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestItems(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	Run(t, newApp(), []Case{
		{Name: "token", Path: "/items/", Header: H("Authorization", "Bearer abc"), Status: 200, JSON: `{"token":"abc"}`},
		{Name: "scheme case", Path: "/items/", Header: H("Authorization", "bearer abc"), Status: 200, JSON: `{"token":"abc"}`},
		{Name: "spaces trimmed", Path: "/items/", Header: H("Authorization", "Bearer   abc  "), Status: 200, JSON: `{"token":"abc"}`},
		{Name: "tab after the space", Path: "/items/", Header: H("Authorization", "Bearer \tabc"), Status: 200, JSON: `{"token":"abc"}`},
		{Name: "space inside kept", Path: "/items/", Header: H("Authorization", "Bearer a b"), Status: 200, JSON: `{"token":"a b"}`},
		{Name: "empty token", Path: "/items/", Header: H("Authorization", "Bearer"), Status: 200, JSON: `{"token":""}`},
		{Name: "Latin-1 bytes", Path: "/items/", Header: H("Authorization", "Bearer \xc3\xb6"), Status: 200, JSON: `{"token":"Ã¶"}`},
		{Name: "first header counts", Path: "/items/", Header: map[string][]string{"Authorization": {"Bearer one", "Bearer two"}}, Status: 200, JSON: `{"token":"one"}`},
		{Name: "missing", Path: "/items/", Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "wrong scheme", Path: "/items/", Header: H("Authorization", "Basic abc"), Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "tab instead of space", Path: "/items/", Header: H("Authorization", "Bearer\tabc"), Status: 401, Challenge: "Bearer", JSON: notAuth},
		{Name: "token only", Path: "/items/", Header: H("Authorization", "abc"), Status: 401, Challenge: "Bearer", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/items/", "get", "security")
}
