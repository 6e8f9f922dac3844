package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// FastAPI's
// tests/test_tutorial/test_authentication_error_status_code/test_tutorial001.py:
// test_get_me and test_get_me_no_credentials, then every other way
// HTTPBearer refuses a header (missing, empty, no credentials, another
// scheme), each answered as make_not_authenticated_error says: 403
// {"detail":"Not authenticated"}, without WWW-Authenticate.
func TestMe(t *testing.T) {
	ok := func(name string, header map[string][]string, token string) Case {
		return Case{Name: name, Path: "/me", Header: header, Status: 200,
			JSON: `{"message":"You are authenticated","token":"` + token + `"}`}
	}
	forbidden := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/me", Header: header, Status: 403, Challenge: "",
			JSON: `{"detail":"Not authenticated"}`, Want: map[string]string{"Content-Type": "application/json"}}
	}
	Run(t, newApp(), []Case{
		ok("test_get_me", auth("Bearer secrettoken"), "secrettoken"),
		forbidden("test_get_me_no_credentials", nil),
		ok("scheme case", auth("bearer secrettoken"), "secrettoken"),
		ok("token stripped", auth("Bearer  secrettoken "), "secrettoken"),
		forbidden("empty header", auth("")),
		forbidden("scheme without credentials", auth("Bearer")),
		forbidden("wrong scheme", auth("Basic c2VjcmV0dG9rZW4=")),
		forbidden("token without scheme", auth("secrettoken")),
		NotFound,
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest), before the scheme runs: no 403.
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/me/", To: "/me"},
	})
}

// test_openapi_schema, part by part. The deliberate differences (README):
// info.title is the example's name, and the 200 response documents its
// schema (FastAPI writes {} for a function without a return annotation).
// The route's refusal is documented as it is answered: 403 "Not
// authenticated" without a challenge (the scheme's NotAuthenticated), and
// no 401; FastAPI documents no error response for a scheme.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"description":"Not authenticated"}`, "paths", "/me", "get", "responses", "403")
	if At(doc, "paths", "/me", "get", "responses", "401") != nil {
		t.Error("a 401 is documented, but the route answers 403")
	}
	Expect(t, doc, `"3.1.0"`, "openapi")
	Expect(t, doc, `"0.1.0"`, "info", "version")
	if paths := At(doc, "paths").(map[string]any); len(paths) != 1 || len(At(paths, "/me").(map[string]any)) != 1 {
		t.Errorf("paths %v, want only GET /me", paths)
	}
	op := At(doc, "paths", "/me", "get").(map[string]any)
	Expect(t, op, `"Read Me"`, "summary")
	Expect(t, op, `"read_me_me_get"`, "operationId")
	Expect(t, op, `[{"HTTPBearer403":[]}]`, "security")
	Expect(t, op, `"Successful Response"`, "responses", "200", "description")
	Expect(t, doc, `{"HTTPBearer403":{"type":"http","scheme":"bearer"}}`, "components", "securitySchemes")
}
