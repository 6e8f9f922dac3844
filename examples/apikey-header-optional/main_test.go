package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestUsersMe(t *testing.T) {
	const none = `{"msg":"Create an account first"}`
	Run(t, newApp(), []Case{
		{Name: "key", Path: "/users/me", Header: H("key", "secret"), Status: 200, JSON: `{"username":"secret"}`},
		{Name: "header name case", Path: "/users/me", Header: H("KEY", "secret"), Status: 200, JSON: `{"username":"secret"}`},
		{Name: "first header counts", Path: "/users/me", Header: map[string][]string{"Key": {"one", "two"}}, Status: 200, JSON: `{"username":"one"}`},
		{Name: "empty first header", Path: "/users/me", Header: map[string][]string{"Key": {"", "two"}}, Status: 200, JSON: none},
		{Name: "missing", Path: "/users/me", Status: 200, JSON: none},
		{Name: "empty", Path: "/users/me", Header: H("key", ""), Status: 200, JSON: none},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"APIKeyHeader":{"type":"apiKey","in":"header","name":"key"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"APIKeyHeader":[]}]`, "paths", "/users/me", "get", "security")
}
