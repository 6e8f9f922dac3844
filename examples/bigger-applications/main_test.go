package main

import (
	"testing"

	"github.com/fastecho/fastecho/internal/exampletest"
)

const (
	token  = "?token=jessica"
	secret = "fake-super-secret-token"

	missingToken  = `{"type":"missing","loc":["query","token"],"msg":"Field required","input":null}`
	missingHeader = `{"type":"missing","loc":["header","x-token"],"msg":"Field required","input":null}`
)

// TestBiggerApplications makes the requests of FastAPI's
// tests/test_tutorial/test_bigger_applications/test_main.py (its client,
// like this one, follows the 307 of a missing trailing slash).
func TestBiggerApplications(t *testing.T) {
	h := exampletest.H
	ok := h("X-Token", secret)
	exampletest.Run(t, newApp(), []exampletest.Case{
		{Name: "users, token jessica", Path: "/users" + token, Status: 200, JSON: `[{"username":"Rick"},{"username":"Morty"}]`},
		{Name: "users, no token", Path: "/users", Status: 422, JSON: `{"detail":[` + missingToken + `]}`},
		{Name: "users/foo", Path: "/users/foo" + token, Status: 200, JSON: `{"username":"foo"}`},
		{Name: "users/foo, no token", Path: "/users/foo", Status: 422, JSON: `{"detail":[` + missingToken + `]}`},
		{Name: "users/me", Path: "/users/me" + token, Status: 200, JSON: `{"username":"fakecurrentuser"}`},
		{Name: "users/me, no token", Path: "/users/me", Status: 422, JSON: `{"detail":[` + missingToken + `]}`},
		{Name: "users, token monica", Path: "/users?token=monica", Status: 400, JSON: `{"detail":"No Jessica token provided"}`},
		{Name: "items", Path: "/items" + token, Header: ok, Status: 200, JSON: `{"plumbus":{"name":"Plumbus"},"gun":{"name":"Portal Gun"}}`},
		{Name: "items, no token", Path: "/items", Header: ok, Status: 422, JSON: `{"detail":[` + missingToken + `]}`},
		{Name: "items/plumbus", Path: "/items/plumbus" + token, Header: ok, Status: 200, JSON: `{"name":"Plumbus","item_id":"plumbus"}`},
		{Name: "items/bar", Path: "/items/bar" + token, Header: ok, Status: 404, JSON: `{"detail":"Item not found"}`},
		{Name: "items/plumbus, no token", Path: "/items/plumbus", Header: ok, Status: 422, JSON: `{"detail":[` + missingToken + `]}`},
		{Name: "items, invalid header", Path: "/items" + token, Header: h("X-Token", "invalid"), Status: 400, JSON: `{"detail":"X-Token header invalid"}`},
		{Name: "items/bar, invalid header", Path: "/items/bar" + token, Header: h("X-Token", "invalid"), Status: 400, JSON: `{"detail":"X-Token header invalid"}`},
		{Name: "items, no header", Path: "/items" + token, Status: 422, JSON: `{"detail":[` + missingHeader + `]}`},
		{Name: "items/plumbus, no header", Path: "/items/plumbus" + token, Status: 422, JSON: `{"detail":[` + missingHeader + `]}`},
		{Name: "root", Path: "/" + token, Status: 200, JSON: `{"message":"Hello Bigger Applications!"}`},
		{Name: "root, no token", Path: "/", Status: 422, JSON: `{"detail":[` + missingToken + `]}`},
		{Name: "put, no header: both errors", Method: "PUT", Path: "/items/foo", Status: 422, JSON: `{"detail":[` + missingToken + `,` + missingHeader + `]}`},
		{Name: "put, invalid header, no token: the valid dependency raises", Method: "PUT", Path: "/items/foo", Header: h("X-Token", "invalid"),
			Status: 400, JSON: `{"detail":"X-Token header invalid"}`},
		{Name: "put", Method: "PUT", Path: "/items/plumbus" + token, Header: ok, Status: 200, JSON: `{"item_id":"plumbus","name":"The great Plumbus"}`},
		{Name: "put, forbidden", Method: "PUT", Path: "/items/bar" + token, Header: ok, Status: 403, JSON: `{"detail":"You can only update the item: plumbus"}`},
		{Name: "admin", Method: "POST", Path: "/admin/" + token, Header: ok, Status: 200, JSON: `{"message":"Admin getting schwifty"}`},
		{Name: "admin, invalid header", Method: "POST", Path: "/admin/", Header: h("X-Token", "invalid"), Status: 400, JSON: `{"detail":"X-Token header invalid"}`},
		{Name: "no route: no dependency runs", Path: "/nowhere", Status: 404, JSON: `{"detail":"Not Found"}`},
		exampletest.NotFound,
	})
}

// TestOpenAPI checks what FastAPI's test_openapi_schema pins: every
// operation's token parameter, x-token on the items and admin routes,
// tags, operation ids, and the responses of the routers and the PUT.
func TestOpenAPI(t *testing.T) {
	doc := exampletest.Golden(t, newApp())
	for _, r := range []struct{ path, method, status, description string }{
		{"/items/", "get", "404", "Not found"},
		{"/items/{item_id}", "get", "404", "Not found"},
		{"/items/{item_id}", "put", "404", "Not found"},
		{"/items/{item_id}", "put", "403", "Operation forbidden"},
		{"/admin/", "post", "418", "I'm a teapot"},
	} {
		exampletest.Expect(t, doc, `"`+r.description+`"`, "paths", r.path, r.method, "responses", r.status, "description")
	}
	if exampletest.At(doc, "paths", "/users/", "get", "responses", "404") != nil {
		t.Error("the users routes have no 404 of their own")
	}
	tokenParam := `{"name":"token","in":"query","required":true,"schema":{"type":"string"}}`
	headerParam := `{"name":"x-token","in":"header","required":true,"schema":{"type":"string"}}`
	for _, op := range []struct{ path, method, id, tags, params string }{
		{"/users/", "get", "read_users_users__get", `["users"]`, `[` + tokenParam + `]`},
		{"/users/me", "get", "read_user_me_users_me_get", `["users"]`, `[` + tokenParam + `]`},
		{"/users/{username}", "get", "read_user_users__username__get", `["users"]`, ``},
		{"/items/", "get", "read_items_items__get", `["items"]`, `[` + tokenParam + `,` + headerParam + `]`},
		{"/items/{item_id}", "put", "update_item_items__item_id__put", `["items","custom"]`, ``},
		{"/admin/", "post", "update_admin_admin__post", `["admin"]`, `[` + tokenParam + `,` + headerParam + `]`},
		{"/", "get", "root__get", `null`, `[` + tokenParam + `]`},
	} {
		exampletest.Expect(t, doc, `"`+op.id+`"`, "paths", op.path, op.method, "operationId")
		exampletest.Expect(t, doc, op.tags, "paths", op.path, op.method, "tags")
		exampletest.Expect(t, doc, `"Validation Error"`, "paths", op.path, op.method, "responses", "422", "description")
		if op.params != "" {
			exampletest.Expect(t, doc, op.params, "paths", op.path, op.method, "parameters")
		}
	}
}
