package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The requests of FastAPI's tests/test_security_oauth2_optional_description.py.
func TestRequests(t *testing.T) {
	const (
		missingGrant    = `{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}`
		missingUsername = `{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}`
		missingPassword = `{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}`
	)
	badGrant := func(v string) string {
		return `{"detail":[{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"` +
			v + `","ctx":{"pattern":"^password$"}}]}`
	}
	login := func(name, form string, status int, json string) Case {
		return Case{Name: name, Method: "POST", Path: "/login", Form: Form(form), Status: status, JSON: json}
	}
	Run(t, newApp(), []Case{
		{Name: "test_security_oauth2", Path: "/users/me", Header: H("Authorization", "Bearer footokenbar"),
			Status: 200, JSON: `{"username":"Bearer footokenbar"}`},
		{Name: "test_security_oauth2_password_other_header", Path: "/users/me", Header: H("Authorization", "Other footokenbar"),
			Status: 200, JSON: `{"username":"Other footokenbar"}`},
		{Name: "test_security_oauth2_password_bearer_no_header", Path: "/users/me",
			Status: 200, JSON: `{"msg":"Create an account first"}`},
		{Name: "test_strict_login_None", Method: "POST", Path: "/login",
			Status: 422, JSON: `{"detail":[` + missingGrant + `,` + missingUsername + `,` + missingPassword + `]}`},
		login("test_strict_login_no_grant_type", "username=johndoe&password=secret", 422, `{"detail":[`+missingGrant+`]}`),
		login("test_strict_login_incorrect_grant_type/incorrect value", "username=johndoe&password=secret&grant_type=incorrect",
			422, badGrant("incorrect")),
		login("test_strict_login_incorrect_grant_type/password with suffix", "username=johndoe&password=secret&grant_type=passwordblah",
			422, badGrant("passwordblah")),
		login("test_strict_login_incorrect_grant_type/password with prefix", "username=johndoe&password=secret&grant_type=blahpassword",
			422, badGrant("blahpassword")),
		login("test_strict_login_correct_correct_grant_type", "username=johndoe&password=secret&grant_type=password",
			200, `{"grant_type":"password","username":"johndoe","password":"secret","scopes":[],"client_id":null,"client_secret":null}`),
		NotFound,
	})
}

// test_openapi_schema: FastAPI's snapshot, but for the documented
// deliberate differences (public operations say "security": [], secured
// ones also document a 401, schemas without titles, nullable as type
// arrays).
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	Expect(t, doc, `"3.1.0"`, "openapi")

	Expect(t, doc, `"Login"`, "paths", "/login", "post", "summary")
	Expect(t, doc, `"login_login_post"`, "paths", "/login", "post", "operationId")
	Expect(t, doc, `[]`, "paths", "/login", "post", "security")
	Expect(t, doc, `null`, "paths", "/login", "post", "parameters")
	Expect(t, doc, `{"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_login_post"}}},"required":true}`,
		"paths", "/login", "post", "requestBody")
	Expect(t, doc, `{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}`,
		"paths", "/login", "post", "responses", "422", "content")

	Expect(t, doc, `"Read Users Me"`, "paths", "/users/me", "get", "summary")
	Expect(t, doc, `"read_users_me_users_me_get"`, "paths", "/users/me", "get", "operationId")
	Expect(t, doc, `[{"OAuth2":[]}]`, "paths", "/users/me", "get", "security")
	Expect(t, doc, `null`, "paths", "/users/me", "get", "parameters")
	Expect(t, doc, `"Successful Response"`, "paths", "/users/me", "get", "responses", "200", "description")

	body := At(doc, "components", "schemas", "Body_login_login_post")
	Expect(t, body.(map[string]any), `["grant_type","username","password"]`, "required")
	Expect(t, body.(map[string]any), `"^password$"`, "properties", "grant_type", "pattern")
	Expect(t, body.(map[string]any), `""`, "properties", "scope", "default")
	for _, p := range []string{"grant_type", "username", "password", "scope", "client_id", "client_secret"} {
		if At(body, "properties", p) == nil {
			t.Errorf("Body_login_login_post has no property %s", p)
		}
	}
	Expect(t, doc, `["loc","msg","type"]`, "components", "schemas", "ValidationError", "required")
	for _, p := range []string{"loc", "msg", "type", "input", "ctx"} {
		if At(doc, "components", "schemas", "ValidationError", "properties", p) == nil {
			t.Errorf("ValidationError has no property %s", p)
		}
	}
	Expect(t, doc, `{"OAuth2":{"type":"oauth2","flows":{"password":{"scopes":{"read:users":"Read the users","write:users":"Create users"},"tokenUrl":"token"}},"description":"OAuth2 security scheme"}}`,
		"components", "securitySchemes")
}
