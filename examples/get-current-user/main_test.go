package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// FastAPI's tests/test_tutorial/test_security/test_tutorial002.py:
// test_no_token and test_token, then the edges of OAuth2PasswordBearer
// (the first Authorization header, split at its first space, the token
// stripped; "Bearer" alone is the empty token).
func TestUsersMe(t *testing.T) {
	user := func(username string) string {
		return `{"username":"` + username + `","email":"john@example.com","full_name":"John Doe","disabled":null}`
	}
	ok := func(name string, header map[string][]string, username string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: user(username)}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Bearer",
			JSON: `{"detail":"Not authenticated"}`, Want: map[string]string{"Content-Type": "application/json"}}
	}
	Run(t, newApp(), []Case{
		fail("test_no_token", nil),
		ok("test_token", auth("Bearer testtoken"), "testtokenfakedecoded"),
		ok("scheme case", auth("bearer testtoken"), "testtokenfakedecoded"),
		ok("token stripped", auth("Bearer  testtoken "), "testtokenfakedecoded"),
		ok("empty token", auth("Bearer"), "fakedecoded"),
		ok("first header counts", auth("Bearer one", "Bearer two"), "onefakedecoded"),
		fail("empty header", auth("")),
		fail("wrong scheme", auth("Basic dGVzdHRva2Vu")),
		fail("token without scheme", auth("testtoken")),
		NotFound,
		{Name: "method not allowed", Method: "POST", Path: "/users/me", Status: 405,
			JSON: `{"detail":"Method Not Allowed"}`, Want: map[string]string{"Allow": "OPTIONS, GET"}},
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}

// test_openapi_schema, part by part. The deliberate differences (README):
// info.title is the example's name, the 200 response documents the User
// schema (FastAPI writes {} for a function without a return annotation),
// and the 401 is documented.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `"3.1.0"`, "openapi")
	Expect(t, doc, `"0.1.0"`, "info", "version")
	if paths := At(doc, "paths").(map[string]any); len(paths) != 1 || len(At(paths, "/users/me").(map[string]any)) != 1 {
		t.Errorf("paths %v, want only GET /users/me", paths)
	}
	op := At(doc, "paths", "/users/me", "get").(map[string]any)
	Expect(t, op, `"Read Users Me"`, "summary")
	Expect(t, op, `"read_users_me_users_me_get"`, "operationId")
	Expect(t, op, `[{"OAuth2PasswordBearer":[]}]`, "security")
	Expect(t, op, `"Successful Response"`, "responses", "200", "description")
	Expect(t, op, `"#/components/schemas/User"`, "responses", "200", "content", "application/json", "schema", "$ref")
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`,
		"components", "securitySchemes")
	// The model: username required, the rest optional and nullable.
	Expect(t, doc, `["username"]`, "components", "schemas", "User", "required")
}
