package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's HTTPDigest, which only extracts: the
// first Authorization header (bytes read as Latin-1), split at its first
// space, the rest stripped as Python's str.strip does and returned
// unparsed; an empty scheme or credentials, or a scheme other than
// "digest" in any case, is 401 {"detail":"Not authenticated"} with
// WWW-Authenticate: Digest. The scheme comes back as sent.
func TestUsersMe(t *testing.T) {
	const notAuth = `{"detail":"Not authenticated"}`
	ok := func(name string, header map[string][]string, scheme, credentials string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 200,
			JSON: `{"scheme":"` + scheme + `","credentials":` + credentials + `}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/users/me", Header: header, Status: 401, Challenge: "Digest", JSON: notAuth}
	}
	Run(t, newApp(), []Case{
		ok("digest", auth("Digest foobar"), "Digest", `"foobar"`),
		ok("scheme as sent, lower case", auth("digest foobar"), "digest", `"foobar"`),
		ok("scheme as sent, upper case", auth("DIGEST foobar"), "DIGEST", `"foobar"`),
		ok("parameters as sent", auth(`Digest username="a", nc=1 `), "Digest", `"username=\"a\", nc=1"`),
		ok("not verified", auth(`Digest username="stanleyjobson", realm="x", nonce="n", uri="/users/me", response="0"`),
			"Digest", `"username=\"stanleyjobson\", realm=\"x\", nonce=\"n\", uri=\"/users/me\", response=\"0\""`),
		ok("extra spaces", auth("Digest    foobar  "), "Digest", `"foobar"`),
		ok("tab after the space", auth("Digest \tfoobar"), "Digest", `"foobar"`),
		ok("NBSP stripped", auth("Digest \xa0foobar\xa0"), "Digest", `"foobar"`),
		ok("Latin-1", auth("Digest \xc3\xb6"), "Digest", `"Ã¶"`),
		ok("first header counts", auth("Digest one", "Digest two"), "Digest", `"one"`),
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("empty credentials", auth("Digest")),
		fail("only whitespace after the scheme", auth("Digest  \xa0")),
		fail("wrong scheme", auth("Basic notreally")),
		fail("Bearer is not Digest", auth("Bearer foobar")),
		fail("scheme with a suffix", auth("Digestx foobar")),
		fail("tab is no separator", auth("Digest\tfoobar")),
		fail("first header is another scheme", auth("Bearer x", "Digest y")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"HTTPDigest":{"type":"http","scheme":"digest"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPDigest":[]}]`, "paths", "/users/me", "get", "security")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
