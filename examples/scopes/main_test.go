package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

// Tokens, as the spec defines them: base64url("user:scopes"), unpadded.
const (
	tokMeItems   = "am9obmRvZTptZSBpdGVtcw"  // johndoe:me items
	tokMe        = "am9obmRvZTptZQ"          // johndoe:me
	tokNone      = "am9obmRvZTo"             // johndoe:
	tokAliceAll  = "YWxpY2U6bWUgaXRlbXM"     // alice:me items
	tokUnknown   = "Ym9iOm1lIGl0ZW1z"        // bob:me items
	tokNoColon   = "am9obmRvZQ"              // johndoe
	tokEmptyUser = "Om1lIGl0ZW1z"            // :me items
	tokBadUTF8   = "_w"                      // 0xff
	tokDouble    = "am9obmRvZTptZSAgaXRlbXM" // johndoe:me  items (empty scope between)
)

func bearer(tok string) map[string][]string { return H("Authorization", "Bearer "+tok) }

func TestToken(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "login with scopes", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=secret&scope=me+items"),
			Status: 200, JSON: `{"access_token":"` + tokMeItems + `","token_type":"bearer"}`},
		{Name: "login without scopes", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=secret"),
			Status: 200, JSON: `{"access_token":"` + tokNone + `","token_type":"bearer"}`},
		{Name: "undeclared scopes are not checked", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=secret&scope=admin"),
			Status: 200, JSON: `{"access_token":"am9obmRvZTphZG1pbg","token_type":"bearer"}`},
		{Name: "disabled users get tokens", Method: "POST", Path: "/token", Form: Form("username=alice&password=secret2&scope=me+items"),
			Status: 200, JSON: `{"access_token":"` + tokAliceAll + `","token_type":"bearer"}`},
		{Name: "wrong password", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=nope"),
			Status: 400, JSON: `{"detail":"Incorrect username or password"}`},
		{Name: "unknown user", Method: "POST", Path: "/token", Form: Form("username=bob&password=secret"),
			Status: 400, JSON: `{"detail":"Incorrect username or password"}`},
		{Name: "missing fields", Method: "POST", Path: "/token", Form: Form(""),
			Status: 422, JSON: `{"detail":[{"type":"missing","loc":["body","username"],"msg":"Field required","input":null},{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}`},
		{Name: "JSON is not the form", Method: "POST", Path: "/token", Header: H("Content-Type", "application/json"), Body: `{"username":"johndoe","password":"secret"}`,
			Status: 422, JSON: `{"detail":[{"type":"missing","loc":["body","username"],"msg":"Field required","input":null},{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}`},
		{Name: "multipart form", Method: "POST", Path: "/token", Header: H("Content-Type", "multipart/form-data; boundary=b"),
			Body:   "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\njohndoe\r\n--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret\r\n--b\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\nme\r\n--b--\r\n",
			Status: 200, JSON: `{"access_token":"` + tokMe + `","token_type":"bearer"}`},
	})
}

func TestRoutes(t *testing.T) {
	const (
		itemsMe = `Bearer scope="items me"`
		me      = `Bearer scope="me"`
	)
	johndoe := `{"username":"johndoe","email":"johndoe@example.com","full_name":"John Doe","disabled":false}`
	Run(t, newApp(), []Case{
		{Name: "me", Path: "/users/me/", Header: bearer(tokMeItems), Status: 200, JSON: johndoe},
		{Name: "me with only me", Path: "/users/me/", Header: bearer(tokMe), Status: 200, JSON: johndoe},
		{Name: "me without scope", Path: "/users/me/", Header: bearer(tokNone), Status: 401, Challenge: me, JSON: `{"detail":"Not enough permissions"}`},
		{Name: "items", Path: "/users/me/items/", Header: bearer(tokMeItems), Status: 200, JSON: `[{"item_id":"Foo","owner":"johndoe"}]`},
		{Name: "items without items scope", Path: "/users/me/items/", Header: bearer(tokMe), Status: 401, Challenge: itemsMe, JSON: `{"detail":"Not enough permissions"}`},
		{Name: "empty scope strings never match", Path: "/users/me/items/", Header: bearer(tokDouble), Status: 200, JSON: `[{"item_id":"Foo","owner":"johndoe"}]`},
		{Name: "disabled user", Path: "/users/me/", Header: bearer(tokAliceAll), Status: 400, JSON: `{"detail":"Inactive user"}`},
		{Name: "disabled user items", Path: "/users/me/items/", Header: bearer(tokAliceAll), Status: 400, JSON: `{"detail":"Inactive user"}`},
		{Name: "status without scopes", Path: "/status/", Header: bearer(tokNone), Status: 200, JSON: `{"status":"ok"}`},
		{Name: "status for disabled users", Path: "/status/", Header: bearer(tokAliceAll), Status: 200, JSON: `{"status":"ok"}`},
		{Name: "status bad token", Path: "/status/", Header: bearer("!!"), Status: 401, Challenge: "Bearer", JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "unknown user", Path: "/users/me/items/", Header: bearer(tokUnknown), Status: 401, Challenge: itemsMe, JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "no colon", Path: "/users/me/", Header: bearer(tokNoColon), Status: 401, Challenge: me, JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "empty username", Path: "/users/me/", Header: bearer(tokEmptyUser), Status: 401, Challenge: me, JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "not UTF-8", Path: "/users/me/", Header: bearer(tokBadUTF8), Status: 401, Challenge: me, JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "length 1 mod 4", Path: "/users/me/", Header: bearer("am9obmRvZTptZSBpdGVtcwA"[:21]), Status: 401, Challenge: me, JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "padding is not allowed", Path: "/users/me/", Header: bearer(tokNone + "="), Status: 401, Challenge: me, JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "standard alphabet is not allowed", Path: "/users/me/", Header: bearer("am9obmRvZTptZSBpdGVtcw+"), Status: 401, Challenge: me, JSON: `{"detail":"Could not validate credentials"}`},
		{Name: "no Authorization", Path: "/users/me/items/", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "wrong scheme", Path: "/users/me/", Header: H("Authorization", "Basic "+tokMe), Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "scheme case", Path: "/users/me/", Header: H("Authorization", "bEaReR "+tokMe), Status: 200, JSON: johndoe},
		{Name: "empty token", Path: "/status/", Header: H("Authorization", "Bearer "), Status: 401, Challenge: "Bearer", JSON: `{"detail":"Could not validate credentials"}`},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{"me":"Read information about the current user.","items":"Read items."},"tokenUrl":"token"}}}}`,
		"components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":["me"]}]`, "paths", "/users/me/", "get", "security")
	Expect(t, doc, `[{"OAuth2PasswordBearer":["items","me"]}]`, "paths", "/users/me/items/", "get", "security")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/status/", "get", "security")
	Expect(t, doc, `"login_for_access_token_token_post"`, "paths", "/token", "post", "operationId")
	Expect(t, doc, `["username","password"]`, "components", "schemas", "Body_login_for_access_token_token_post", "required")
	Expect(t, doc, `"password"`, "components", "schemas", "Body_login_for_access_token_token_post", "properties", "password", "format")
}
