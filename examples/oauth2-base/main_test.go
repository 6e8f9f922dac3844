package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestLogin(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "strict form", Method: "POST", Path: "/login", Form: Form("grant_type=password&username=johndoe&password=secret&scope=read:users"),
			Status: 200, JSON: `{"grant_type":"password","username":"johndoe","password":"secret","scopes":["read:users"],"client_id":null,"client_secret":null}`},
		{Name: "client fields", Method: "POST", Path: "/login", Form: Form("grant_type=password&username=a&password=b&client_id=c&client_secret=s"),
			Status: 200, JSON: `{"grant_type":"password","username":"a","password":"b","scopes":[],"client_id":"c","client_secret":"s"}`},
		{Name: "grant_type required", Method: "POST", Path: "/login", Form: Form("username=a&password=b"),
			Status: 422, JSON: `{"detail":[{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}]}`},
	})
}

func TestUsersMe(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "raw header", Path: "/users/me", Header: H("Authorization", "Bearer abc"), Status: 200, JSON: `{"username":"Bearer abc"}`},
		{Name: "any scheme", Path: "/users/me", Header: H("Authorization", "Basic xyz"), Status: 200, JSON: `{"username":"Basic xyz"}`},
		{Name: "no scheme", Path: "/users/me", Header: H("Authorization", "token"), Status: 200, JSON: `{"username":"token"}`},
		{Name: "missing", Path: "/users/me", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "empty", Path: "/users/me", Header: H("Authorization", ""), Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2":{"type":"oauth2","flows":{"password":{"scopes":{"read:users":"Read the users","write:users":"Create users"},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2":["read:users"]}]`, "paths", "/users/me", "get", "security")
	Expect(t, doc, `["grant_type","username","password"]`, "components", "schemas", "Body_login_login_post", "required")
}
