package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// test_security_scopes_sub_dependency_caching of FastAPI's
// tests/test_security_scopes_sub_dependency.py: get_current_user and
// get_user_me are reached with two sets of scopes ({me} and {items, me})
// and run twice; get_db_session and get_user_items run once.
func TestSecurityScopesSubDependencyCaching(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "request", Path: "/", Status: 200, JSON: `{
			"user_me": {"user_me": "user_me_1",
				"current_user": {"user": "user_1", "scopes": ["me"], "db_session": "db_session_1"}},
			"user_items": {"user_items": "user_items_1",
				"user_me": {"user_me": "user_me_2",
					"current_user": {"user": "user_2", "scopes": ["items", "me"], "db_session": "db_session_1"}}}}`},
		{Name: "call_counts", Path: "/calls", Status: 200,
			JSON: `{"get_db_session":1,"get_current_user":2,"get_user_me":2,"get_user_items":1}`},
		NotFound,
	})
}

// No test_openapi_schema in FastAPI's file; the operation is FastAPI's (no
// security scheme is reached).
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `"Path Operation"`, "paths", "/", "get", "summary")
	Expect(t, doc, `"path_operation__get"`, "paths", "/", "get", "operationId")
	Expect(t, doc, `[]`, "paths", "/", "get", "security")
	Expect(t, doc, `null`, "paths", "/calls")
}
