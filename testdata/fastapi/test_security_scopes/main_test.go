package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// test_security_scopes_dependency_called_once of FastAPI's
// tests/test_security_scopes.py: get_db, reached directly and below
// Security(get_user, scopes=["read"]), runs once for the request.
func TestSecurityScopesDependencyCalledOnce(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "request", Path: "/", Status: 200, JSON: `{"db":"db_1"}`},
		{Name: "call_counter", Path: "/calls", Status: 200, JSON: `{"count":1}`},
		NotFound,
	})
}

// No test_openapi_schema in FastAPI's file; the operation is FastAPI's.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `"Endpoint"`, "paths", "/", "get", "summary")
	Expect(t, doc, `"endpoint__get"`, "paths", "/", "get", "operationId")
	Expect(t, doc, `[]`, "paths", "/", "get", "security")
	Expect(t, doc, `null`, "paths", "/calls")
}
