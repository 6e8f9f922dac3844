package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The requests of FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_description.py.
// They ask for /items, which redirects (307) to /items/; the client follows,
// as FastAPI's TestClient does, keeping the Authorization header.
func TestRequests(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_no_token", Path: "/items", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "test_incorrect_token", Path: "/items", Header: H("Authorization", "Non-existent testtoken"),
			Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "test_token", Path: "/items", Header: H("Authorization", "Bearer testtoken"),
			Status: 200, JSON: `{"token":"testtoken"}`},
		NotFound,
	})
}

// The redirect itself, which the requests above follow: 307 to /items/,
// before the scheme runs.
func TestRedirect(t *testing.T) {
	rec := httptest.NewRecorder()
	newApp().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://testserver/items", nil))
	if rec.Code != http.StatusTemporaryRedirect || rec.Header().Get("Location") != "http://testserver/items/" || rec.Body.Len() != 0 {
		t.Errorf("GET /items: %d, Location %q, body %q; want 307 to http://testserver/items/", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
}

// test_openapi_schema: FastAPI's snapshot, but for the documented
// deliberate differences (secured operations also document a 401).
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	Expect(t, doc, `"Read Items"`, "paths", "/items/", "get", "summary")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":[]}]`, "paths", "/items/", "get", "security")
	Expect(t, doc, `null`, "paths", "/items/", "get", "parameters")
	Expect(t, doc, `"Successful Response"`, "paths", "/items/", "get", "responses", "200", "description")
	Expect(t, doc, `{"OAuth2AuthorizationCodeBearer":{"type":"oauth2","flows":{"authorizationCode":{"authorizationUrl":"authorize","tokenUrl":"token","scopes":{}}},"description":"OAuth2 Code Bearer"}}`,
		"components", "securitySchemes")
}
