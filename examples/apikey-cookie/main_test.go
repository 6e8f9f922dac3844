package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The expected values are Starlette's: every Cookie header split on ';',
// each pair on its first '=', names and values stripped as Python's
// str.strip does, double-quoted values unquoted as http.cookies._unquote
// does, no percent-decoding, header bytes read as Latin-1, the last cookie
// of the name winning; then APIKeyCookie's "missing or empty is a 401".
func TestItems(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	cookie := func(v ...string) map[string][]string { return map[string][]string{"Cookie": v} }
	ok := func(name, header, value string) Case {
		return Case{Name: name, Path: "/items/", Header: cookie(header), Status: 200, JSON: `{"session":` + value + `}`}
	}
	fail := func(name string, header ...string) Case {
		c := Case{Name: name, Path: "/items/", Status: 401, Challenge: "APIKey", JSON: notAuth}
		if header != nil {
			c.Header = cookie(header...)
		}
		return c
	}
	Run(t, newApp(), []Case{
		ok("cookie", "session=secret", `"secret"`),
		ok("among others", "a=1; session=s; b=2", `"s"`),
		ok("no space after ;", "a=1;session=s;b=2", `"s"`),
		ok("spaces around name and value", " session = s ; a=1", `"s"`),
		ok("last wins", "session=x; session=y", `"y"`),
		{Name: "last header wins", Path: "/items/", Header: cookie("session=x", "session=y"), Status: 200, JSON: `{"session":"y"}`},
		{Name: "earlier header kept", Path: "/items/", Header: cookie("session=x", "a=1"), Status: 200, JSON: `{"session":"x"}`},
		ok("spaces kept inside", "session=a b", `"a b"`),
		ok("= inside the value", "session=a=b", `"a=b"`),
		ok("quoted", `session="a b"`, `"a b"`),
		ok("quoted with an escaped quote", `session="a\"b"`, `"a\"b"`),
		ok("quoted with an escaped backslash", `session="a\\b"`, `"a\\b"`),
		ok("quoted with an octal escape", `session="\101"`, `"A"`),
		ok("quoted with a Latin-1 octal escape", `session="\351"`, `"é"`),
		ok("unbalanced quote kept", `session="x`, `"\"x"`),
		ok("no percent-decoding", "session=%20x", `"%20x"`),
		ok("Latin-1 bytes", "session=\xc3\xb6", `"Ã¶"`),
		ok("Python strip removes NBSP", "session=\xa0x\xa0", `"x"`),
		fail("missing"),
		fail("other cookie", "sessionx=1"),
		fail("name is case-sensitive", "SESSION=1"),
		fail("empty", "session="),
		fail("only spaces", "session=  ; a=1"),
		fail("empty quoted", `session=""`),
		fail("last empty wins", "session=x; session="),
		fail("last empty header wins", "session=x", "session="),
		fail("no = is a nameless cookie", "session"),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"APIKeyCookie":{"type":"apiKey","in":"cookie","name":"session"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"APIKeyCookie":[]}]`, "paths", "/items/", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added", Path: "/items", To: "/items/"},
	})
}
