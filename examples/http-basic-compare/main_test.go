package main

import (
	"encoding/base64"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func basicAuth(s string) map[string][]string {
	return H("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(s)))
}

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// Credentials that HTTPBasic reads but that are not exactly
// stanleyjobson / swordfish get the tutorial's own 401; credentials that
// HTTPBasic cannot read get HTTPBasic's "Not authenticated". Both carry
// WWW-Authenticate: Basic.
func TestUsersMe(t *testing.T) {
	const incorrect, notAuth = `{"detail":"Incorrect username or password"}`, `{"detail":"Not authenticated"}`
	right := `{"username":"stanleyjobson"}`
	wrong := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Basic", JSON: incorrect}
	}
	unreadable := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Basic", JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		{Name: "right", Path: "/users/me", Header: basicAuth("stanleyjobson:swordfish"), Status: 200, JSON: right},
		{Name: "scheme case", Path: "/users/me", Header: auth("basic c3RhbmxleWpvYnNvbjpzd29yZGZpc2g="), Status: 200, JSON: right},
		{Name: "extra spaces", Path: "/users/me", Header: auth("Basic  c3RhbmxleWpvYnNvbjpzd29yZGZpc2g=  "), Status: 200, JSON: right},
		wrong("wrong password", basicAuth("stanleyjobson:swordfis")),
		wrong("wrong username", basicAuth("stanley:swordfish")),
		wrong("both wrong", basicAuth("john:secret")),
		wrong("swapped", basicAuth("swordfish:stanleyjobson")),
		wrong("password with a suffix", basicAuth("stanleyjobson:swordfishX")),
		wrong("username with a suffix", basicAuth("stanleyjobsonX:swordfish")),
		wrong("username case", basicAuth("StanleyJobson:swordfish")),
		wrong("password case", basicAuth("stanleyjobson:Swordfish")),
		wrong("colon in the password", basicAuth("stanleyjobson:swordfish:")),
		wrong("space around the password", basicAuth("stanleyjobson: swordfish")),
		wrong("empty", basicAuth(":")),
		wrong("empty password", basicAuth("stanleyjobson:")),
		unreadable("missing", nil),
		unreadable("wrong scheme", auth("Bearer c3RhbmxleWpvYnNvbjpzd29yZGZpc2g=")),
		unreadable("no colon", basicAuth("stanleyjobsonswordfish")),
		unreadable("bad base64", auth("Basic c3RhbmxleWpvYnNvbjpzd29yZGZpc2g")),
		unreadable("not ASCII", basicAuth("stanleyjobson:swördfish")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPBasic":{"type":"http","scheme":"basic"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPBasic":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
