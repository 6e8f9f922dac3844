package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// test_security_scopes_dont_propagate of FastAPI's
// tests/test_security_scopes_dont_propagate.py.
func TestSecurityScopesDontPropagate(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_security_scopes_dont_propagate", Path: "/scopes", Status: 200,
			JSON: `{"dep1":["scope3","scope1"],"dep2":["scope3","scope2"]}`},
		NotFound,
	})
}

// No test_openapi_schema in FastAPI's file; the operation is FastAPI's (no
// security scheme is reached).
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `"Get Scopes"`, "paths", "/scopes", "get", "summary")
	Expect(t, doc, `"get_scopes_scopes_get"`, "paths", "/scopes", "get", "operationId")
	Expect(t, doc, `[]`, "paths", "/scopes", "get", "security")
	Expect(t, doc, `null`, "paths", "/scopes", "get", "parameters")
	Expect(t, doc, `null`, "components", "securitySchemes")
}
