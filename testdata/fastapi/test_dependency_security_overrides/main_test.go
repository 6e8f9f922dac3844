package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
	"github.com/fastecho/fastecho/typed"
)

const (
	normal       = `{"user":"john","scopes":["foo","bar"],"data":[1,2,3]}`
	overData     = `{"user":"john","scopes":["foo","bar"],"data":[3,4,5]}`
	overSecurity = `{"user":"alice","scopes":["foo","bar"],"data":[1,2,3]}`
)

// The tests of FastAPI's tests/test_dependency_security_overrides.py, in
// order, with typed.Override for app.dependency_overrides[…] = ….
func TestOverrides(t *testing.T) {
	e, api := newApp()
	Run(t, e, []Case{{Name: "test_normal", Path: "/user", Status: 200, JSON: normal}})

	restore := typed.Override(api, getData, getDataOverride)
	Run(t, e, []Case{{Name: "test_override_data", Path: "/user", Status: 200, JSON: overData}})
	restore()

	typed.Override(api, getUser, getUserOverride)
	Run(t, e, []Case{{Name: "test_override_security", Path: "/user", Status: 200, JSON: overSecurity}})
	api.ClearOverrides() // app.dependency_overrides = {}

	Run(t, e, []Case{{Name: "overrides cleared", Path: "/user", Status: 200, JSON: normal}, NotFound})
}

// The same over HTTP, with the twin's override routes.
func TestOverridesOverHTTP(t *testing.T) {
	e, _ := newApp()
	Run(t, e, []Case{
		{Name: "test_normal", Path: "/user", Status: 200, JSON: normal},
		{Name: "override get_data", Method: "PUT", Path: "/dependency_overrides/get_data", Status: 204},
		{Name: "test_override_data", Path: "/user", Status: 200, JSON: overData},
		{Name: "clear", Method: "DELETE", Path: "/dependency_overrides", Status: 204},
		{Name: "override get_user", Method: "PUT", Path: "/dependency_overrides/get_user", Status: 204},
		{Name: "test_override_security", Path: "/user", Status: 200, JSON: overSecurity},
		{Name: "clear again", Method: "DELETE", Path: "/dependency_overrides", Status: 204},
		{Name: "normal again", Path: "/user", Status: 200, JSON: normal},
	})
}

// No test_openapi_schema in FastAPI's file; the operation is FastAPI's (no
// security scheme is reached), and the override routes are not documented.
func TestOpenAPI(t *testing.T) {
	e, _ := newApp()
	doc := Golden(t, e)
	Expect(t, doc, `"Read User"`, "paths", "/user", "get", "summary")
	Expect(t, doc, `"read_user_user_get"`, "paths", "/user", "get", "operationId")
	Expect(t, doc, `[]`, "paths", "/user", "get", "security")
	if paths := At(doc, "paths").(map[string]any); len(paths) != 1 {
		t.Errorf("paths %v, want /user alone", paths)
	}
}
