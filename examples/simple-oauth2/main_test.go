package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// POST /token is the tutorial's login: an unknown username or a
// "fakehashed" + password that is not the stored hash is 400 without a
// challenge; otherwise the token is the username, for disabled users too.
func TestToken(t *testing.T) {
	const incorrect = `{"detail":"Incorrect username or password"}`
	post := func(name, form string, status int, json string) Case {
		return Case{Name: name, Method: "POST", Path: "/token", Form: Form(form), Status: status, JSON: json}
	}
	token := func(username string) string { return `{"access_token":"` + username + `","token_type":"bearer"}` }
	Run(t, newApp(), []Case{
		post("johndoe", "username=johndoe&password=secret", 200, token("johndoe")),
		post("disabled users get a token", "username=alice&password=secret2", 200, token("alice")),
		post("grant_type and scopes accepted", "grant_type=password&username=johndoe&password=secret&scope=me+items", 200, token("johndoe")),
		{Name: "Swagger UI's Basic Og== is ignored", Method: "POST", Path: "/token", Form: Form("grant_type=password&username=johndoe&password=secret"),
			Header: H("Authorization", "Basic Og=="), Status: 200, JSON: token("johndoe")},
		{Name: "multipart", Method: "POST", Path: "/token", Header: H("Content-Type", "multipart/form-data; boundary=X"),
			Body: "--X\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\njohndoe\r\n" +
				"--X\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret\r\n--X--\r\n",
			Status: 200, JSON: token("johndoe")},
		post("wrong password", "username=johndoe&password=secret2", 400, incorrect),
		post("another user's password", "username=alice&password=secret", 400, incorrect),
		post("password is case-sensitive", "username=johndoe&password=Secret", 400, incorrect),
		post("the hash is not the password", "username=johndoe&password=fakehashedsecret", 400, incorrect),
		post("unknown user", "username=bob&password=secret", 400, incorrect),
		post("username is case-sensitive", "username=JohnDoe&password=secret", 400, incorrect),
		post("bad grant_type", "grant_type=PASSWORD&username=johndoe&password=secret",
			422, `{"detail":[{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"PASSWORD","ctx":{"pattern":"^password$"}}]}`),
		post("empty password is missing", "username=johndoe&password=",
			422, `{"detail":[{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}`),
		post("missing username", "password=secret",
			422, `{"detail":[{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}]}`),
		{Name: "JSON body is no form", Method: "POST", Path: "/token", Header: H("Content-Type", "application/json"), Body: `{"username":"johndoe","password":"secret"}`,
			Status: 422, JSON: `{"detail":[{"type":"missing","loc":["body","username"],"msg":"Field required","input":null},{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}`},
		NotFound,
	})
}

// GET /users/me: the token is the username. An unknown one is 401 "Not
// authenticated" with WWW-Authenticate: Bearer, as OAuth2PasswordBearer's
// own; a disabled user is 400 "Inactive user" without a challenge.
func TestUsersMe(t *testing.T) {
	const johndoe = `{"username":"johndoe","email":"johndoe@example.com","full_name":"John Doe","disabled":false,"hashed_password":"fakehashedsecret"}`
	notAuth := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`}
	}
	Run(t, newApp(), []Case{
		{Name: "johndoe", Path: "/users/me", Header: H("Authorization", "Bearer johndoe"), Status: 200, JSON: johndoe},
		{Name: "scheme case", Path: "/users/me", Header: H("Authorization", "bearer johndoe"), Status: 200, JSON: johndoe},
		{Name: "token stripped", Path: "/users/me", Header: H("Authorization", "Bearer  johndoe\xa0"), Status: 200, JSON: johndoe},
		{Name: "disabled", Path: "/users/me", Header: H("Authorization", "Bearer alice"), Status: 400, JSON: `{"detail":"Inactive user"}`},
		notAuth("unknown user", H("Authorization", "Bearer bob")),
		notAuth("token is case-sensitive", H("Authorization", "Bearer JohnDoe")),
		notAuth("empty token", H("Authorization", "Bearer")),
		notAuth("no token", nil),
		notAuth("wrong scheme", H("Authorization", "Basic johndoe")),
		notAuth("no scheme", H("Authorization", "johndoe")),
	})
}

// publicOperation checks that op requires no security. FastAPI leaves the
// key out; package openapi writes "security": [] on purpose (redocly's
// security-defined rule), which means the same in OpenAPI.
func publicOperation(t *testing.T, op map[string]any) {
	t.Helper()
	if sec, ok := op["security"]; ok {
		if l, isList := sec.([]any); !isList || len(l) != 0 {
			t.Errorf("security = %v, want none", sec)
		}
	}
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/users/me", "get", "security")
	Expect(t, doc, `"read_users_me_users_me_get"`, "paths", "/users/me", "get", "operationId")
	login := At(doc, "paths", "/token", "post").(map[string]any)
	publicOperation(t, login)
	Expect(t, login, `"Login"`, "summary")
	Expect(t, login, `"login_token_post"`, "operationId")
	Expect(t, login, `{"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_token_post"}}},"required":true}`, "requestBody")
	body := At(doc, "components", "schemas", "Body_login_token_post").(map[string]any)
	Expect(t, body, `["username","password"]`, "required")
	Expect(t, body, `"password"`, "properties", "password", "format")
	Expect(t, body, `"password"`, "properties", "client_secret", "format")
	Expect(t, body, `"^password$"`, "properties", "grant_type", "pattern")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed, POST kept by 307", Method: "POST", Path: "/token/", Form: "username=johndoe&password=secret", To: "/token"},
	})
}
