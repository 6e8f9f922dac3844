package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The requests of FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_scopes_openapi.py.
func TestRequests(t *testing.T) {
	bearer := H("Authorization", "Bearer testtoken")
	Run(t, newApp(), []Case{
		{Name: "test_root", Path: "/", Header: bearer, Status: 200, JSON: `{"message":"Hello World"}`},
		{Name: "test_read_with_oauth2_scheme", Path: "/with-oauth2-scheme", Header: bearer, Status: 200, JSON: `{"message":"Admin Access"}`},
		{Name: "test_read_with_get_token", Path: "/with-get-token", Header: bearer, Status: 200, JSON: `{"message":"Admin Access"}`},
		{Name: "test_read_token", Path: "/items/", Header: bearer, Status: 200, JSON: `{"token":"testtoken"}`},
		{Name: "test_create_token", Method: "POST", Path: "/items/", Header: bearer, Status: 200, JSON: `{"token":"testtoken"}`},
		// Beyond the FastAPI test, as FastAPI answers: every route needs the token.
		{Name: "root without a token", Path: "/", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "router route without a token", Method: "POST", Path: "/items/", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		NotFound,
	})
}

// test_openapi_schema: FastAPI's snapshot, but for the documented
// deliberate differences (secured operations also document a 401).
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	for _, op := range []struct{ method, path, summary, id string }{
		{"get", "/", "Root", "root__get"},
		{"get", "/with-oauth2-scheme", "Read With Oauth2 Scheme", "read_with_oauth2_scheme_with_oauth2_scheme_get"},
		{"get", "/with-get-token", "Read With Get Token", "read_with_get_token_with_get_token_get"},
		{"get", "/items/", "Read Items", "read_items_items__get"},
		{"post", "/items/", "Create Item", "create_item_items__post"},
	} {
		Expect(t, doc, `"`+op.summary+`"`, "paths", op.path, op.method, "summary")
		Expect(t, doc, `"`+op.id+`"`, "paths", op.path, op.method, "operationId")
		Expect(t, doc, `null`, "paths", op.path, op.method, "parameters")
		Expect(t, doc, `"Successful Response"`, "paths", op.path, op.method, "responses", "200", "description")
	}
	// FastAPI lists the scheme once per operation, with the union of the
	// scopes of every way it is reached (app, router, route dependencies,
	// parameters), in the order first reached.
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":[]}]`, "paths", "/", "get", "security")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":["read","write"]}]`, "paths", "/with-oauth2-scheme", "get", "security")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":["read","write"]}]`, "paths", "/with-get-token", "get", "security")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":["read"]}]`, "paths", "/items/", "get", "security")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":["read","write"]}]`, "paths", "/items/", "post", "security")
	Expect(t, doc, `{"OAuth2AuthorizationCodeBearer":{"type":"oauth2","flows":{"authorizationCode":{"scopes":{"read":"Read access","write":"Write access"},"authorizationUrl":"authorize","tokenUrl":"token"}}}}`,
		"components", "securitySchemes")
}
