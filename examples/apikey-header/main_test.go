package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func TestItems(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "key", Path: "/items/", Header: H("x-key", "secret"), Status: 200, JSON: `{"key":"secret"}`},
		{Name: "upper-case name", Path: "/items/", Header: H("X-KEY", "secret"), Status: 200, JSON: `{"key":"secret"}`},
		{Name: "spaces kept inside", Path: "/items/", Header: H("x-key", "a  b"), Status: 200, JSON: `{"key":"a  b"}`},
		{Name: "missing", Path: "/items/", Status: 401, Challenge: "APIKey", JSON: `{"detail":"Not authenticated"}`},
		{Name: "empty", Path: "/items/", Header: H("x-key", ""), Status: 401, Challenge: "APIKey", JSON: `{"detail":"Not authenticated"}`},
		{Name: "first header counts", Path: "/items/", Header: map[string][]string{"X-Key": {"one", "two"}}, Status: 200, JSON: `{"key":"one"}`},
		{Name: "empty first header", Path: "/items/", Header: map[string][]string{"X-Key": {"", "two"}}, Status: 401, Challenge: "APIKey", JSON: `{"detail":"Not authenticated"}`},
		{Name: "Latin-1 bytes", Path: "/items/", Header: H("x-key", "\xc3\xb6"), Status: 200, JSON: `{"key":"Ã¶"}`},
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"APIKeyHeader":{"type":"apiKey","in":"header","name":"x-key"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"APIKeyHeader":[]}]`, "paths", "/items/", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added", Path: "/items", To: "/items/"},
	})
}
