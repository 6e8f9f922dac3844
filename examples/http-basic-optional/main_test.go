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

// FastAPI's HTTPBasic(auto_error=False) returns None only when there is no
// Authorization header (or an empty one) or its scheme is not "basic";
// once the scheme is Basic, a parameter that does not decode (bad base64,
// not ASCII) or has no ':' is still a 401 with WWW-Authenticate: Basic.
func TestUsersMe(t *testing.T) {
	const none, notAuth = `{"msg":"Create an account first"}`, `{"detail":"Not authenticated"}`
	ok := func(name string, header map[string][]string, username, password string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200,
			JSON: `{"username":"` + username + `","password":"` + password + `"}`}
	}
	absent := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200, JSON: none}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Basic", JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		ok("credentials", basicAuth("john:secret"), "john", "secret"),
		ok("scheme case", auth("BASIC am9objpzZWNyZXQ="), "john", "secret"),
		ok("extra spaces", auth("Basic   am9objpzZWNyZXQ=  "), "john", "secret"),
		ok("colon in the password", basicAuth("john:a:b"), "john", "a:b"),
		ok("empty username and password are present", auth("Basic Og=="), "", ""),
		ok("lenient base64", auth("Basic dXNl cjpw YXNz!"), "user", "pass"),
		ok("first header counts", auth("Basic am9objpzZWNyZXQ=", "Bearer x"), "john", "secret"),
		absent("missing", nil),
		absent("empty header", auth("")),
		absent("wrong scheme is absent", auth("Bearer x")),
		absent("scheme with a suffix", auth("Basicx am9objpzZWNyZXQ=")),
		absent("tab instead of space", auth("Basic\tam9objpzZWNyZXQ=")),
		absent("first header is another scheme", auth("Bearer x", "Basic am9objpzZWNyZXQ=")),
		fail("empty param is 401", auth("Basic")),
		fail("only spaces after the scheme is 401", auth("Basic  \xa0")),
		fail("bad base64 is 401", auth("Basic am9ob")),
		fail("missing padding is 401", auth("Basic dXNlcjpwYXM")),
		fail("URL-safe alphabet is 401", auth("Basic YTpiPz8-Pg==")),
		fail("non-ASCII parameter is 401", auth("Basic \xe9am9objpzZWNyZXQ=")),
		fail("not ASCII once decoded is 401", basicAuth("jöhn:secret")),
		fail("no colon is 401", basicAuth("johnsecret")),
		NotFound,
	})
}

// Python's b64decode first encodes its str argument as ASCII, so a
// non-ASCII character anywhere in the parameter is an error, even after
// padding that ends the decoding; malformed is a 401 under auto_error=False.
func TestNonASCIIAfterPadding(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "non-ASCII after padding", Path: "/users/me", Header: auth("Basic am9objpzZWNyZXQ=\xe9"),
			Status: 401, Challenge: "Basic", JSON: `{"detail":"Not authenticated"}`},
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
