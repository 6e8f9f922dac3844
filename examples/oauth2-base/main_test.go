package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// /login is FastAPI's OAuth2PasswordRequestFormStrict returned whole: every
// attribute of the form object, null for an absent client_id or
// client_secret (an empty value is an absent one).
func TestLogin(t *testing.T) {
	const (
		missingGrant    = `{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}`
		missingUsername = `{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}`
		missingPassword = `{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}`
		badGrant        = `{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"Password","ctx":{"pattern":"^password$"}}`
	)
	post := func(name, form string, status int, json string) Case {
		return Case{Name: name, Method: "POST", Path: "/login", Form: Form(form), Status: status, JSON: json}
	}
	Run(t, newApp(), []Case{
		post("strict form", "grant_type=password&username=johndoe&password=secret&scope=read:users",
			200, `{"grant_type":"password","username":"johndoe","password":"secret","scopes":["read:users"],"client_id":null,"client_secret":null}`),
		post("client fields and scopes", "grant_type=password&username=a&password=b&scope=read:users%09write:users&client_id=c&client_secret=s",
			200, `{"grant_type":"password","username":"a","password":"b","scopes":["read:users","write:users"],"client_id":"c","client_secret":"s"}`),
		post("empty client fields are null", "grant_type=password&username=a&password=b&client_id=&client_secret=",
			200, `{"grant_type":"password","username":"a","password":"b","scopes":[],"client_id":null,"client_secret":null}`),
		{Name: "multipart", Method: "POST", Path: "/login", Header: H("Content-Type", "multipart/form-data; boundary=X"),
			Body: "--X\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npassword\r\n" +
				"--X\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\na\r\n" +
				"--X\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nb\r\n--X--\r\n",
			Status: 200, JSON: `{"grant_type":"password","username":"a","password":"b","scopes":[],"client_id":null,"client_secret":null}`},
		post("grant_type required", "username=a&password=b", 422, `{"detail":[`+missingGrant+`]}`),
		post("wrong grant_type", "grant_type=Password&username=a&password=b", 422, `{"detail":[`+badGrant+`]}`),
		post("empty form", "", 422, `{"detail":[`+missingGrant+`,`+missingUsername+`,`+missingPassword+`]}`),
		{Name: "JSON body is no form", Method: "POST", Path: "/login", Header: H("Content-Type", "application/json"),
			Body:   `{"grant_type":"password","username":"a","password":"b"}`,
			Status: 422, JSON: `{"detail":[` + missingGrant + `,` + missingUsername + `,` + missingPassword + `]}`},
		NotFound,
	})
}

// /users/me is FastAPI's OAuth2 base class: the first Authorization
// header's raw value, whatever its scheme; missing or empty is 401
// {"detail":"Not authenticated"} with WWW-Authenticate: Bearer. The
// read:users scope is only documented: nothing checks it.
func TestUsersMe(t *testing.T) {
	ok := func(name string, header map[string][]string, username string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: `{"username":"` + username + `"}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`}
	}
	Run(t, newApp(), []Case{
		ok("raw header", auth("Bearer abc"), "Bearer abc"),
		ok("any scheme", auth("Basic xyz"), "Basic xyz"),
		ok("no scheme", auth("token"), "token"),
		ok("spaces inside kept", auth("Bearer   abc"), "Bearer   abc"),
		ok("Latin-1", auth("Bearer \xc3\xb6"), "Bearer Ã¶"),
		ok("first header counts", auth("one", "two"), "one"),
		fail("missing", nil),
		fail("empty", auth("")),
		fail("empty first header", auth("", "two")),
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
	Expect(t, doc, `{"OAuth2":{"type":"oauth2","flows":{"password":{"scopes":{"read:users":"Read the users","write:users":"Create users"},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2":["read:users"]}]`, "paths", "/users/me", "get", "security")
	Expect(t, doc, `"read_current_user_users_me_get"`, "paths", "/users/me", "get", "operationId")
	login := At(doc, "paths", "/login", "post").(map[string]any)
	publicOperation(t, login)
	Expect(t, login, `"login_login_post"`, "operationId")
	Expect(t, login, `{"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_login_post"}}},"required":true}`, "requestBody")
	body := At(doc, "components", "schemas", "Body_login_login_post").(map[string]any)
	Expect(t, body, `["grant_type","username","password"]`, "required")
	Expect(t, body, `"^password$"`, "properties", "grant_type", "pattern")
	Expect(t, body, `null`, "properties", "password", "format") // the strict form, as FastAPI's
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed, POST kept by 307", Method: "POST", Path: "/login/", Form: "grant_type=password&username=johndoe&password=secret", To: "/login"},
	})
}
