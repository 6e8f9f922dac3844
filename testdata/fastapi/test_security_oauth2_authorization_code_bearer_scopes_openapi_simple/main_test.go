package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The requests of FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_scopes_openapi_simple.py.
func TestRequests(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_read_admin", Path: "/admin", Header: H("Authorization", "Bearer faketoken"),
			Status: 200, JSON: `{"message":"Admin Access"}`},
		// Beyond the FastAPI test, as FastAPI answers.
		{Name: "no token", Path: "/admin", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		NotFound,
	})
}

// test_openapi_schema: FastAPI's snapshot, but for the documented
// deliberate differences (secured operations also document a 401).
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	Expect(t, doc, `"Read Admin"`, "paths", "/admin", "get", "summary")
	Expect(t, doc, `"read_admin_admin_get"`, "paths", "/admin", "get", "operationId")
	Expect(t, doc, `null`, "paths", "/admin", "get", "parameters")
	Expect(t, doc, `"Successful Response"`, "paths", "/admin", "get", "responses", "200", "description")
	// The scheme once, with the scopes of both ways it is reached (the
	// app's get_token and the route's Security(get_token, …)), as FastAPI
	// merges them.
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":["read","write"]}]`, "paths", "/admin", "get", "security")
	Expect(t, doc, `{"OAuth2AuthorizationCodeBearer":{"type":"oauth2","flows":{"authorizationCode":{"scopes":{"read":"Read access","write":"Write access"},"authorizationUrl":"api/oauth/authorize","tokenUrl":"/api/oauth/token"}}}}`,
		"components", "securitySchemes")
}
