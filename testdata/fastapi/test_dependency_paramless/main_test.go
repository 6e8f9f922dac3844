package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The requests of FastAPI's tests/test_dependency_paramless.py
// (test_call_get_parameterless_without_scopes_for_coverage calls the Python
// function directly; its Go twin is below).
func TestRequests(t *testing.T) {
	bearer := H("authorization", "Bearer token")
	Run(t, newApp(), []Case{
		{Name: "test_get_credentials", Path: "/get-credentials", Header: bearer, Status: 200, JSON: `{"token":"token","scopes":["a","b"]}`},
		{Name: "test_parameterless_with_scopes", Path: "/parameterless-with-scopes", Header: bearer, Status: 200, JSON: `{"status":"ok"}`},
		// FastAPI's HTTPException(401) without headers: no WWW-Authenticate.
		{Name: "test_parameterless_without_scopes", Path: "/parameterless-without-scopes", Header: bearer,
			Status: 401, JSON: `{"detail":"a or b not in scopes"}`},
		// Beyond the FastAPI test, as FastAPI answers: the scheme runs first.
		{Name: "no token", Path: "/parameterless-with-scopes", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		NotFound,
	})
}

func TestCallGetParameterlessWithoutScopesForCoverage(t *testing.T) {
	got, err := getParameterlessWithoutScopes(nil, struct{}{})
	if err != nil || len(got) != 1 || got["status"] != "ok" {
		t.Errorf("getParameterlessWithoutScopes() = %v, %v", got, err)
	}
}

// FastAPI's file has no test_openapi_schema; these are FastAPI 0.141.1's
// answers for the same app (app.openapi()), but for the documented
// deliberate differences (secured operations also document a 401): the
// scheme below process_auth lists the scopes the route declares.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	for _, op := range []struct{ path, summary, id, security string }{
		{"/get-credentials", "Get Credentials", "get_credentials_get_credentials_get", `[{"OAuth2PasswordBearer":["a","b"]}]`},
		{"/parameterless-with-scopes", "Get Parameterless With Scopes", "get_parameterless_with_scopes_parameterless_with_scopes_get",
			`[{"OAuth2PasswordBearer":["a","b"]}]`},
		{"/parameterless-without-scopes", "Get Parameterless Without Scopes", "get_parameterless_without_scopes_parameterless_without_scopes_get",
			`[{"OAuth2PasswordBearer":[]}]`},
	} {
		Expect(t, doc, `"`+op.summary+`"`, "paths", op.path, "get", "summary")
		Expect(t, doc, `"`+op.id+`"`, "paths", op.path, "get", "operationId")
		Expect(t, doc, op.security, "paths", op.path, "get", "security")
		Expect(t, doc, `null`, "paths", op.path, "get", "parameters")
	}
	// differs from FastAPI: the twin's scheme declares a and b (see
	// oauth2Scheme), FastAPI's declares none, reported:
	// Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`,
	// 	"components", "securitySchemes")
	Expect(t, doc, `{"type":"oauth2","flows":{"password":{"scopes":{"a":"","b":""},"tokenUrl":"token"}}}`,
		"components", "securitySchemes", "OAuth2PasswordBearer")
}
