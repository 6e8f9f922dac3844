package main

import (
	"encoding/base64"
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

func basicAuth(s string) map[string][]string {
	return H("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(s)))
}

func TestUsersMe(t *testing.T) {
	const incorrect = `{"detail":"Incorrect username or password"}`
	Run(t, newApp(), []Case{
		{Name: "right", Path: "/users/me", Header: basicAuth("stanleyjobson:swordfish"), Status: 200, JSON: `{"username":"stanleyjobson"}`},
		{Name: "wrong password", Path: "/users/me", Header: basicAuth("stanleyjobson:swordfis"), Status: 401, Challenge: "Basic", JSON: incorrect},
		{Name: "wrong username", Path: "/users/me", Header: basicAuth("stanley:swordfish"), Status: 401, Challenge: "Basic", JSON: incorrect},
		{Name: "prefix of the password", Path: "/users/me", Header: basicAuth("stanleyjobson:swordfishX"), Status: 401, Challenge: "Basic", JSON: incorrect},
		{Name: "empty", Path: "/users/me", Header: basicAuth(":"), Status: 401, Challenge: "Basic", JSON: incorrect},
		{Name: "missing", Path: "/users/me", Status: 401, Challenge: "Basic", JSON: `{"detail":"Not authenticated"}`},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBasic":{"type":"http","scheme":"basic"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBasic":[]}]`, "paths", "/users/me", "get", "security")
}
