package main

import (
	"encoding/base64"
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// Each case is the FastAPI test function of its name; NotFound is beyond it.
func TestSecurity(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_security_http_basic", Path: "/users/me", Header: H("Authorization", basicAuth("john", "secret")),
			Status: 200, JSON: `{"username":"john","password":"secret"}`},
		{Name: "test_security_http_basic_no_credentials", Path: "/users/me",
			Status: 401, Challenge: `Basic realm="simple"`, JSON: `{"detail":"Not authenticated"}`},
		{Name: "test_security_http_basic_invalid_credentials", Path: "/users/me", Header: H("Authorization", "Basic notabase64token"),
			Status: 401, Challenge: `Basic realm="simple"`, JSON: `{"detail":"Not authenticated"}`},
		{Name: "test_security_http_basic_non_basic_credentials", Path: "/users/me", Header: H("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("johnsecret"))),
			Status: 401, Challenge: `Basic realm="simple"`, JSON: `{"detail":"Not authenticated"}`},
		NotFound,
	})
}

// basicAuth is the header of httpx's auth=(username, password).
func basicAuth(username, password string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(username+":"+password))
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
	Expect(t, doc, `[{"HTTPBasic":[]}]`, append(op, "security")...)
	Expect(t, doc, `null`, append(op, "parameters")...)
	Expect(t, doc, `"Successful Response"`, append(op, "responses", "200", "description")...)
	Expect(t, doc, `{"HTTPBasic":{"type":"http","scheme":"basic","description":"HTTPBasic scheme"}}`, "components", "securitySchemes")
}
