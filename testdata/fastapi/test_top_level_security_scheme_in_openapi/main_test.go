package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The requests of FastAPI's tests/test_top_level_security_scheme_in_openapi.py.
func TestRequests(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_get_root", Path: "/", Header: H("Authorization", "Bearer token"), Status: 200, JSON: `{"message":"Hello, World!"}`},
		{Name: "test_get_root_no_token", Path: "/", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		NotFound,
	})
}

// test_openapi_schema: FastAPI's snapshot, but for the documented
// deliberate differences (secured operations also document a 401).
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	Expect(t, doc, `"Get Root"`, "paths", "/", "get", "summary")
	Expect(t, doc, `"get_root__get"`, "paths", "/", "get", "operationId")
	Expect(t, doc, `[{"HTTPBearer":[]}]`, "paths", "/", "get", "security")
	Expect(t, doc, `null`, "paths", "/", "get", "parameters")
	Expect(t, doc, `"Successful Response"`, "paths", "/", "get", "responses", "200", "description")
	Expect(t, doc, `{"HTTPBearer":{"type":"http","scheme":"bearer"}}`, "components", "securitySchemes")
}
