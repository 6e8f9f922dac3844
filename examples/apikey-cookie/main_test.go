package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func TestItems(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	cookie := func(v ...string) map[string][]string { return map[string][]string{"Cookie": v} }
	Run(t, newApp(), []Case{
		{Name: "cookie", Path: "/items/", Header: cookie("session=secret"), Status: 200, JSON: `{"session":"secret"}`},
		{Name: "among others", Path: "/items/", Header: cookie("a=1; session=s; b=2"), Status: 200, JSON: `{"session":"s"}`},
		{Name: "last wins", Path: "/items/", Header: cookie("session=x; session=y"), Status: 200, JSON: `{"session":"y"}`},
		{Name: "last header wins", Path: "/items/", Header: cookie("session=x", "session=y"), Status: 200, JSON: `{"session":"y"}`},
		{Name: "spaces kept inside", Path: "/items/", Header: cookie("session=a b"), Status: 200, JSON: `{"session":"a b"}`},
		{Name: "quoted", Path: "/items/", Header: cookie(`session="a\"b"`), Status: 200, JSON: `{"session":"a\"b"}`},
		{Name: "no percent-decoding", Path: "/items/", Header: cookie("session=%20x"), Status: 200, JSON: `{"session":"%20x"}`},
		{Name: "missing", Path: "/items/", Status: 401, Challenge: "APIKey", JSON: notAuth},
		{Name: "other cookie", Path: "/items/", Header: cookie("sessionx=1"), Status: 401, Challenge: "APIKey", JSON: notAuth},
		{Name: "name is case-sensitive", Path: "/items/", Header: cookie("SESSION=1"), Status: 401, Challenge: "APIKey", JSON: notAuth},
		{Name: "empty", Path: "/items/", Header: cookie("session="), Status: 401, Challenge: "APIKey", JSON: notAuth},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"APIKeyCookie":{"type":"apiKey","in":"cookie","name":"session"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"APIKeyCookie":[]}]`, "paths", "/items/", "get", "security")
}
