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

// The expected values are FastAPI's HTTPBasic: the first Authorization
// header, split at its first space, the rest stripped as Python's
// str.strip does; scheme "basic" in any case; the parameter decoded by
// base64.b64decode without validate (non-alphabet characters skipped,
// decoding stops at completed padding, missing padding and a non-ASCII
// parameter are errors), the bytes decoded as ASCII, then partitioned at
// the first ':'. Every failure is 401 {"detail":"Not authenticated"} with
// WWW-Authenticate: Basic.
func TestUsersMe(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	ok := func(name string, header map[string][]string, username, password string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200,
			JSON: `{"username":"` + username + `","password":"` + password + `"}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Basic", JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		ok("credentials", basicAuth("john:secret"), "john", "secret"),
		ok("scheme in lower case", auth("basic am9objpzZWNyZXQ="), "john", "secret"),
		ok("scheme in upper case", auth("BASIC am9objpzZWNyZXQ="), "john", "secret"),
		ok("scheme in mixed case", auth("bAsIc am9objpzZWNyZXQ="), "john", "secret"),
		ok("colon in the password", basicAuth("john:a:b"), "john", "a:b"),
		ok("empty username", basicAuth(":pw"), "", "pw"),
		ok("empty password", basicAuth("john:"), "john", ""),
		ok("Swagger UI's empty Basic Og==", auth("Basic Og=="), "", ""),
		ok("spaces in the password", basicAuth("john:a b "), "john", "a b "),
		ok("ASCII control characters", auth("Basic YQA6Yg=="), `a\u0000`, "b"),
		ok("extra spaces", auth("Basic   am9objpzZWNyZXQ=  "), "john", "secret"),
		ok("tab after the space", auth("Basic \tam9objpzZWNyZXQ="), "john", "secret"),
		ok("NBSP stripped before decoding", auth("Basic \xa0am9objpzZWNyZXQ=\xa0"), "john", "secret"),
		ok("lenient base64: spaces inside", auth("Basic dXNl cjpw YXNz"), "user", "pass"),
		ok("lenient base64: junk after", auth("Basic dXNlcjpwYXNz!"), "user", "pass"),
		ok("lenient base64: extra padding", auth("Basic dXNlcjpwYXNz=="), "user", "pass"),
		ok("lenient base64: stray = between quads", auth("Basic dXNl=cjpwYXNz"), "user", "pass"),
		ok("lenient base64: leading =", auth("Basic =dXNlcjpwYXNz"), "user", "pass"),
		ok("lenient base64: data after padding ignored", auth("Basic am9objpzZWNyZXQ=AAAA"), "john", "secret"),
		ok("standard alphabet + and /", auth("Basic YTpiPz8+Pg=="), "a", "b??>>"),
		ok("first header counts", auth("Basic am9objpzZWNyZXQ=", "Bearer x"), "john", "secret"),
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("wrong scheme", auth("Bearer am9objpzZWNyZXQ=")),
		fail("scheme with a suffix", auth("Basicx am9objpzZWNyZXQ=")),
		fail("first header is another scheme", auth("Bearer x", "Basic am9objpzZWNyZXQ=")),
		fail("no param", auth("Basic")),
		fail("only spaces after the scheme", auth("Basic  \xa0")),
		fail("tab instead of space", auth("Basic\tam9objpzZWNyZXQ=")),
		fail("missing padding", auth("Basic dXNlcjpwYXM")),
		fail("one data character too many", auth("Basic dXNlcjpwYXNzA")),
		fail("URL-safe alphabet -", auth("Basic YTpiPz8-Pg==")),
		fail("URL-safe alphabet _", auth("Basic YTpiPz8_")),
		fail("only non-alphabet characters", auth("Basic _-_-")),
		fail("non-ASCII in the parameter", auth("Basic \xe9am9objpzZWNyZXQ=")),
		fail("no colon", basicAuth("johnsecret")),
		fail("Latin-1 credentials are not ASCII", auth("Basic avZobjpzZWNyZXQ=")),
		fail("UTF-8 credentials are not ASCII", basicAuth("jöhn:secret")),
		NotFound,
	})
}

// Python's b64decode first encodes its str argument as ASCII, so a
// non-ASCII character anywhere in the parameter is an error, even after
// padding that ends the decoding.
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
