package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestToken(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "johndoe", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=secret"),
			Status: 200, JSON: `{"access_token":"johndoe","token_type":"bearer"}`},
		{Name: "disabled users get a token", Method: "POST", Path: "/token", Form: Form("username=alice&password=secret2"),
			Status: 200, JSON: `{"access_token":"alice","token_type":"bearer"}`},
		{Name: "Swagger UI's Basic Og== is ignored", Method: "POST", Path: "/token", Form: Form("grant_type=password&username=johndoe&password=secret"),
			Header: H("Authorization", "Basic Og=="), Status: 200, JSON: `{"access_token":"johndoe","token_type":"bearer"}`},
		{Name: "wrong password", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=secret2"),
			Status: 400, JSON: `{"detail":"Incorrect username or password"}`},
		{Name: "unknown user", Method: "POST", Path: "/token", Form: Form("username=bob&password=secret"),
			Status: 400, JSON: `{"detail":"Incorrect username or password"}`},
		{Name: "bad grant_type", Method: "POST", Path: "/token", Form: Form("grant_type=PASSWORD&username=johndoe&password=secret"),
			Status: 422, JSON: `{"detail":[{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"PASSWORD","ctx":{"pattern":"^password$"}}]}`},
		{Name: "empty password is missing", Method: "POST", Path: "/token", Form: Form("username=johndoe&password="),
			Status: 422, JSON: `{"detail":[{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}`},
	})
}

func TestUsersMe(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "johndoe", Path: "/users/me", Header: H("Authorization", "Bearer johndoe"), Status: 200,
			JSON: `{"username":"johndoe","email":"johndoe@example.com","full_name":"John Doe","disabled":false,"hashed_password":"fakehashedsecret"}`},
		{Name: "disabled", Path: "/users/me", Header: H("Authorization", "Bearer alice"), Status: 400, JSON: `{"detail":"Inactive user"}`},
		{Name: "unknown user", Path: "/users/me", Header: H("Authorization", "Bearer bob"), Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "no token", Path: "/users/me", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "empty token", Path: "/users/me", Header: H("Authorization", "Bearer"), Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/users/me", "get", "security")
	Expect(t, doc, `["username","password"]`, "components", "schemas", "Body_login_token_post", "required")
}
