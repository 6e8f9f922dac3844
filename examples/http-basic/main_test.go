package main

import (
	"encoding/base64"
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func basicAuth(s string) map[string][]string {
	return H("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(s)))
}

func TestUsersMe(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	Run(t, newApp(), []Case{
		{Name: "credentials", Path: "/users/me", Header: basicAuth("john:secret"), Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "scheme case", Path: "/users/me", Header: H("Authorization", "bAsIc am9objpzZWNyZXQ="), Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "colon in the password", Path: "/users/me", Header: basicAuth("john:a:b"), Status: 200, JSON: `{"username":"john","password":"a:b"}`},
		{Name: "empty username", Path: "/users/me", Header: basicAuth(":pw"), Status: 200, JSON: `{"username":"","password":"pw"}`},
		{Name: "Swagger UI's empty Basic Og==", Path: "/users/me", Header: H("Authorization", "Basic Og=="), Status: 200, JSON: `{"username":"","password":""}`},
		{Name: "empty password", Path: "/users/me", Header: basicAuth("john:"), Status: 200, JSON: `{"username":"john","password":""}`},
		{Name: "extra spaces", Path: "/users/me", Header: H("Authorization", "Basic   am9objpzZWNyZXQ=  "), Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "lenient base64: spaces inside", Path: "/users/me", Header: H("Authorization", "Basic dXNl cjpw YXNz"), Status: 200, JSON: `{"username":"user","password":"pass"}`},
		{Name: "lenient base64: junk after", Path: "/users/me", Header: H("Authorization", "Basic dXNlcjpwYXNz!"), Status: 200, JSON: `{"username":"user","password":"pass"}`},
		{Name: "lenient base64: extra padding", Path: "/users/me", Header: H("Authorization", "Basic dXNlcjpwYXNz=="), Status: 200, JSON: `{"username":"user","password":"pass"}`},
		{Name: "missing", Path: "/users/me", Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "wrong scheme", Path: "/users/me", Header: H("Authorization", "Bearer am9objpzZWNyZXQ="), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "no param", Path: "/users/me", Header: H("Authorization", "Basic"), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "missing padding", Path: "/users/me", Header: H("Authorization", "Basic dXNlcjpwYXM"), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "URL-safe alphabet", Path: "/users/me", Header: H("Authorization", "Basic _-_-"), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "no colon", Path: "/users/me", Header: basicAuth("johnsecret"), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "not ASCII", Path: "/users/me", Header: basicAuth("jöhn:secret"), Status: 401, Challenge: "Basic", JSON: notAuth},
		{Name: "tab instead of space", Path: "/users/me", Header: H("Authorization", "Basic\tam9objpzZWNyZXQ="), Status: 401, Challenge: "Basic", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBasic":{"type":"http","scheme":"basic"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBasic":[]}]`, "paths", "/users/me", "get", "security")
}
