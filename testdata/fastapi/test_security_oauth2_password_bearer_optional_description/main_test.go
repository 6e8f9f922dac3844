package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// Each case is the FastAPI test function of its name; NotFound is beyond it.
func TestSecurity(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_no_token", Path: "/items",
			Status: 200, JSON: `{"msg":"Create an account first"}`},
		{Name: "test_token", Path: "/items", Header: H("Authorization", "Bearer testtoken"),
			Status: 200, JSON: `{"token":"testtoken"}`},
		{Name: "test_incorrect_token", Path: "/items", Header: H("Authorization", "Notexistent testtoken"),
			Status: 200, JSON: `{"msg":"Create an account first"}`},
		NotFound,
	})
}

// The FastAPI tests request /items, which Starlette redirects (307) to the
// route /items/; the test client, as Run's, follows it with the headers.
func TestRedirectSlashes(t *testing.T) {
	srv := httptest.NewServer(newApp())
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(srv.URL + "/items")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusTemporaryRedirect || len(body) != 0 || res.Header.Get("Location") != srv.URL+"/items/" {
		t.Errorf("GET /items: %d %q, Location %q; want 307, no body, %s/items/", res.StatusCode, body, res.Header.Get("Location"), srv.URL)
	}
}

// test_openapi_schema: FastAPI's snapshot, but for the documented deliberate
// differences (the 200's schema from the Go type, the 401 documented, key
// order); the whole document is pinned by testdata/openapi.json.
func TestOpenAPISchema(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `"3.1.0"`, "openapi")
	Expect(t, doc, `{"title":"FastAPI","version":"0.1.0"}`, "info")
	op := []string{"paths", "/items/", "get"}
	Expect(t, doc, `"Read Items"`, append(op, "summary")...)
	Expect(t, doc, `"read_items_items__get"`, append(op, "operationId")...)
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, append(op, "security")...)
	Expect(t, doc, `null`, append(op, "parameters")...)
	Expect(t, doc, `"Successful Response"`, append(op, "responses", "200", "description")...)
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"/token"}},"description":"OAuth2PasswordBearer security scheme"}}`, "components", "securitySchemes")
}
