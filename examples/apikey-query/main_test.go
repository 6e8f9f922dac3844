package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestItems(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	Run(t, newApp(), []Case{
		{Name: "key", Path: "/items/?api_key=secret", Status: 200, JSON: `{"api_key":"secret"}`},
		{Name: "percent-decoded", Path: "/items/?api_key=%20%20", Status: 200, JSON: `{"api_key":"  "}`},
		{Name: "plus is a space", Path: "/items/?api_key=a+b", Status: 200, JSON: `{"api_key":"a b"}`},
		{Name: "UTF-8 escapes", Path: "/items/?api_key=%C3%B6", Status: 200, JSON: `{"api_key":"ö"}`},
		{Name: "last wins", Path: "/items/?api_key=a&api_key=b", Status: 200, JSON: `{"api_key":"b"}`},
		{Name: "last empty wins", Path: "/items/?api_key=a&api_key=", Status: 401, Challenge: "APIKey", JSON: notAuth},
		{Name: "missing", Path: "/items/", Status: 401, Challenge: "APIKey", JSON: notAuth},
		{Name: "empty", Path: "/items/?api_key=", Status: 401, Challenge: "APIKey", JSON: notAuth},
		{Name: "semicolon is no separator", Path: "/items/?x=1;api_key=2", Status: 401, Challenge: "APIKey", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"APIKeyQuery":{"type":"apiKey","in":"query","name":"api_key"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"APIKeyQuery":[]}]`, "paths", "/items/", "get", "security")
}
