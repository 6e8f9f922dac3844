package main

import (
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// Each case is the FastAPI test function of its name; NotFound is beyond it.
func TestSecurity(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_security_api_key", Path: "/users/me", Header: H("Cookie", "key=secret"),
			Status: 200, JSON: `{"username":"secret"}`},
		{Name: "test_security_api_key_no_key", Path: "/users/me",
			Status: 401, Challenge: `APIKey`, JSON: `{"detail":"Not authenticated"}`},
		NotFound,
	})
}

// test_openapi_schema: FastAPI's snapshot, but for the documented deliberate
// differences (the 200's schema from the Go type, the 401 documented, key
// order); the whole document is pinned by testdata/openapi.json.
func TestOpenAPISchema(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `"3.1.0"`, "openapi")
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	op := []string{"paths", "/users/me", "get"}
	Expect(t, doc, `"Read Current User"`, append(op, "summary")...)
	Expect(t, doc, `"read_current_user_users_me_get"`, append(op, "operationId")...)
	Expect(t, doc, `[{"APIKeyCookie":[]}]`, append(op, "security")...)
	Expect(t, doc, `null`, append(op, "parameters")...)
	Expect(t, doc, `"Successful Response"`, append(op, "responses", "200", "description")...)
	Expect(t, doc, `{"APIKeyCookie":{"type":"apiKey","name":"key","in":"cookie","description":"An API Cookie Key"}}`, "components", "securitySchemes")
}
