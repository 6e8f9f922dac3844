package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func auth(v ...string) map[string][]string { return map[string][]string{"Authorization": v} }

// The expected values are FastAPI's OAuth2AuthorizationCodeBearer, which
// reads the header as OAuth2PasswordBearer does: the first Authorization
// header (Latin-1), split at its first space, the token stripped as
// Python's str.strip does; "Bearer" alone is the empty token. A missing
// header or another scheme is 401 {"detail":"Not authenticated"} with
// WWW-Authenticate: Bearer.
func TestItems(t *testing.T) {
	ok := func(name string, header map[string][]string, token string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 200, JSON: `{"token":"` + token + `"}`}
	}
	fail := func(name string, header map[string][]string) Case {
		return Case{Name: name, Path: "/items/", Header: header, Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`}
	}
	Run(t, newApp(), []Case{
		ok("token", auth("Bearer testtoken"), "testtoken"),
		ok("scheme case", auth("BEARER t"), "t"),
		ok("stripped", auth("Bearer  \xa0t\x85 "), "t"),
		ok("spaces inside kept", auth("Bearer a b"), "a b"),
		ok("Latin-1", auth("Bearer \xc3\xb6"), "Ã¶"),
		ok("empty token", auth("Bearer"), ""),
		ok("first header counts", auth("Bearer one", "Bearer two"), "one"),
		fail("missing", nil),
		fail("empty header", auth("")),
		fail("wrong scheme", auth("Notexistent testtoken")),
		fail("tab is no separator", auth("Bearer\ttesttoken")),
		fail("token only", auth("testtoken")),
		fail("first header is another scheme", auth("Basic x", "Bearer y")),
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2AuthorizationCodeBearer":{"type":"oauth2","description":"OAuth2 Code Bearer","flows":{"authorizationCode":{"authorizationUrl":"authorize","scopes":{},"tokenUrl":"token"}}}}`,
		"components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2AuthorizationCodeBearer":[]}]`, "paths", "/items/", "get", "security")
	Expect(t, doc, `"read_items_items__get"`, "paths", "/items/", "get", "operationId")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash added", Path: "/items", To: "/items/"},
	})
}

// TestSwaggerUIInitOAuth is FastAPI's tests/test_swagger_ui_init_oauth.py:
// /docs calls ui.initOAuth with the configured values. FastAPI writes them
// with Python's json.dumps ({"clientId": "the-foo-clients", …}, in the
// order given) and its test looks for those exact substrings; package
// openapi writes compact JSON with sorted keys, so this test compares the
// argument as JSON.
func TestSwaggerUIInitOAuth(t *testing.T) {
	srv := httptest.NewServer(newApp())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/docs")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/docs: %d", res.StatusCode)
	}
	_, call, found := strings.Cut(string(body), "ui.initOAuth(")
	arg, _, closed := strings.Cut(call, ")")
	if !found || !closed {
		t.Fatalf("/docs has no ui.initOAuth call:\n%s", body)
	}
	if want := `{"clientId": "the-foo-clients", "appName": "The Predendapp"}`; !SameJSON([]byte(arg), []byte(want)) {
		t.Errorf("ui.initOAuth(%s), want ui.initOAuth(%s)", arg, want)
	}
}
