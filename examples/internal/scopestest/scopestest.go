// Package scopestest is the black-box test of the scopes demo, shared by
// its two programs: examples/scopes on Echo v4 and examples/scopes-echo5 on
// Echo v5, which must answer every request alike and document themselves
// with the same OpenAPI document (examples/scopes/testdata/openapi.json).
// Each program's main_test.go runs these tables against its own newApp.
package scopestest

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// Tokens as examples/scopes/token.go defines them: base64url(UTF-8("username:scopes"))
// without padding, computed with Python's base64.urlsafe_b64encode.
const (
	tokMeItems   = "am9obmRvZTptZSBpdGVtcw"  // johndoe:me items (token.go's own example)
	tokItemsMe   = "am9obmRvZTppdGVtcyBtZQ"  // johndoe:items me
	tokMe        = "am9obmRvZTptZQ"          // johndoe:me
	tokItems     = "am9obmRvZTppdGVtcw"      // johndoe:items
	tokNone      = "am9obmRvZTo"             // johndoe: (token.go's own example)
	tokNoneBits  = "am9obmRvZTp"             // johndoe: too: the last character's unused bits are ignored
	tokAliceAll  = "YWxpY2U6bWUgaXRlbXM"     // alice:me items
	tokAliceNone = "YWxpY2U6"                // alice:
	tokUnknown   = "Ym9iOm1lIGl0ZW1z"        // bob:me items
	tokURLSafe   = "am9obmRvZTptZSA_w6k-"    // johndoe:me ?é> (uses '_' and '-')
	tokStdAlpha  = "am9obmRvZTptZSA/w6k+"    // the same in the standard alphabet: invalid
	tokDouble    = "am9obmRvZTptZSAgaXRlbXM" // johndoe:me  items: "me", "", "items"
	tokLeading   = "am9obmRvZTogbWU"         // johndoe: me: "", "me"
	tokTrailing  = "am9obmRvZTptZSA"         // johndoe:me : "me", ""
	tokTab       = "am9obmRvZTptZQlpdGVtcw"  // johndoe:me\titems: one scope "me\titems"
	tokUpper     = "am9obmRvZTpNRQ"          // johndoe:ME
	tokColons    = "am9obmRvZTptZTppdGVtcw"  // johndoe:me:items: one scope "me:items"
	tokNoColon   = "am9obmRvZQ"              // johndoe
	tokEmptyUser = "Om1lIGl0ZW1z"            // :me items
	tokBadUTF8   = "am9obmRvZTrp"            // johndoe:\xe9 (Latin-1, not UTF-8)
	tokSurrogate = "am9obmRvZTrtoIA"         // johndoe:\xed\xa0\x80 (an encoded surrogate)
	tokLen1Mod4  = "am9obmRvZTptZSBpdGVtcwA" // 23 characters; its first 21 are 1 mod 4
)

func bearer(tok string) map[string][]string { return H("Authorization", "Bearer "+tok) }

// Token is the table of POST /token: the permissive password form; a
// wrong username or password is 400 without a challenge; otherwise a token
// with exactly form.scopes, whatever they are, for disabled users too.
func Token() []Case {
	const (
		incorrect       = `{"detail":"Incorrect username or password"}`
		missingUsername = `{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}`
		missingPassword = `{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}`
	)
	post := func(name, form string, status int, json string) Case {
		return Case{Name: name, Method: "POST", Path: "/token", Form: Form(form), Status: status, JSON: json}
	}
	token := func(tok string) string { return `{"access_token":"` + tok + `","token_type":"bearer"}` }
	return []Case{
		post("with scopes", "username=johndoe&password=secret&scope=me+items", 200, token(tokMeItems)),
		post("scopes kept in order", "username=johndoe&password=secret&scope=items+me", 200, token(tokItemsMe)),
		post("without scopes", "username=johndoe&password=secret", 200, token(tokNone)),
		post("empty scope", "username=johndoe&password=secret&scope=", 200, token(tokNone)),
		post("form scopes split on any whitespace", "username=johndoe&password=secret&scope=%09me++%0Aitems%20", 200, token(tokMeItems)),
		post("undeclared scopes are not checked", "username=johndoe&password=secret&scope=admin", 200, token("am9obmRvZTphZG1pbg")),
		post("non-ASCII scope is UTF-8 in the token", "username=johndoe&password=secret&scope=%C3%A9", 200, token("am9obmRvZTrDqQ")),
		post("disabled users get tokens", "username=alice&password=secret2&scope=me+items", 200, token(tokAliceAll)),
		post("grant_type password", "grant_type=password&username=johndoe&password=secret&scope=me", 200, token(tokMe)),
		// Swagger UI's Authorize sends this for the password flow.
		{Name: "as Swagger UI sends it", Method: "POST", Path: "/token", Header: H("Authorization", "Basic Og=="),
			Form: Form("grant_type=password&username=johndoe&password=secret&scope=me%20items"), Status: 200, JSON: token(tokMeItems)},
		{Name: "multipart form", Method: "POST", Path: "/token", Header: H("Content-Type", "multipart/form-data; boundary=b"),
			Body: "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\njohndoe\r\n" +
				"--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret\r\n" +
				"--b\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\nme\r\n--b--\r\n",
			Status: 200, JSON: token(tokMe)},
		post("wrong password", "username=johndoe&password=nope", 400, incorrect),
		post("another user's password", "username=johndoe&password=secret2", 400, incorrect),
		post("unknown user", "username=bob&password=secret", 400, incorrect),
		post("username is case-sensitive", "username=JohnDoe&password=secret", 400, incorrect),
		post("missing fields", "", 422, `{"detail":[`+missingUsername+`,`+missingPassword+`]}`),
		post("empty password", "username=johndoe&password=", 422, `{"detail":[`+missingPassword+`]}`),
		post("bad grant_type", "grant_type=client_credentials&username=johndoe&password=secret",
			422, `{"detail":[{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"client_credentials","ctx":{"pattern":"^password$"}}]}`),
		{Name: "JSON is not the form", Method: "POST", Path: "/token", Header: H("Content-Type", "application/json"), Body: `{"username":"johndoe","password":"secret"}`,
			Status: 422, JSON: `{"detail":[` + missingUsername + `,` + missingPassword + `]}`},
	}
}

// Routes is the table of the routes: get_current_user's checks in order
// (the token decodes, the user exists, every required scope is granted),
// then get_current_active_user's (enabled), with the challenge naming the
// scopes accumulated above get_current_user; and Echo's own 404, answered
// in FastAPI's shape.
func Routes() []Case {
	const (
		meChallenge    = `Bearer scope="me"`
		itemsChallenge = `Bearer scope="items me"`
		johndoe        = `{"username":"johndoe","email":"johndoe@example.com","full_name":"John Doe","disabled":false}`
		items          = `[{"item_id":"Foo","owner":"johndoe"}]`
		status         = `{"status":"ok"}`
	)
	ok := func(name, path, tok, json string) Case {
		return Case{Name: name, Path: path, Header: bearer(tok), Status: 200, JSON: json}
	}
	invalid := func(name, path, tok, challenge string) Case {
		return Case{Name: name, Path: path, Header: bearer(tok), Status: 401, Challenge: challenge, JSON: `{"detail":"Could not validate credentials"}`}
	}
	notEnough := func(name, path, tok, challenge string) Case {
		return Case{Name: name, Path: path, Header: bearer(tok), Status: 401, Challenge: challenge, JSON: `{"detail":"Not enough permissions"}`}
	}
	notAuth := func(name, path string, header map[string][]string) Case {
		return Case{Name: name, Path: path, Header: header, Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`}
	}
	return []Case{
		// Scopes.
		ok("me", "/users/me/", tokMeItems, johndoe),
		ok("me with only me", "/users/me/", tokMe, johndoe),
		ok("items", "/users/me/items/", tokMeItems, items),
		ok("items, scopes in any order", "/users/me/items/", tokItemsMe, items),
		ok("status without scopes", "/status/", tokNone, status),
		ok("status with scopes", "/status/", tokMeItems, status),
		notEnough("me without scopes", "/users/me/", tokNone, meChallenge),
		notEnough("me with only items", "/users/me/", tokItems, meChallenge),
		notEnough("items with only me", "/users/me/items/", tokMe, itemsChallenge),
		notEnough("items with only items", "/users/me/items/", tokItems, itemsChallenge),
		notEnough("items without scopes", "/users/me/items/", tokNone, itemsChallenge),
		notEnough("scopes are case-sensitive", "/users/me/", tokUpper, meChallenge),
		// Token scopes split on single spaces only.
		ok("empty scope between", "/users/me/items/", tokDouble, items),
		ok("empty scope first", "/users/me/", tokLeading, johndoe),
		ok("empty scope last", "/users/me/", tokTrailing, johndoe),
		notEnough("a tab does not split", "/users/me/", tokTab, meChallenge),
		notEnough("a second colon does not split", "/users/me/", tokColons, meChallenge),
		// Disabled users: the scopes are checked first, then "Inactive user";
		// /status/ lets them in.
		{Name: "disabled user", Path: "/users/me/", Header: bearer(tokAliceAll), Status: 400, JSON: `{"detail":"Inactive user"}`},
		{Name: "disabled user's items", Path: "/users/me/items/", Header: bearer(tokAliceAll), Status: 400, JSON: `{"detail":"Inactive user"}`},
		notEnough("disabled user without scopes", "/users/me/", tokAliceNone, meChallenge),
		ok("status for disabled users", "/status/", tokAliceNone, status),
		// Token decoding: every failure is "Could not validate credentials".
		ok("URL-safe alphabet", "/users/me/", tokURLSafe, johndoe),
		ok("unused bits ignored", "/status/", tokNoneBits, status),
		invalid("standard alphabet", "/users/me/", tokStdAlpha, meChallenge),
		invalid("padding", "/users/me/", tokNone+"=", meChallenge),
		invalid("other characters", "/status/", "!!", "Bearer"),
		invalid("JWT-like dots", "/status/", tokNone+"."+tokNone, "Bearer"),
		invalid("space inside the token", "/users/me/", "am9obmRv ZTptZQ", meChallenge),
		invalid("length 1 mod 4", "/users/me/", tokLen1Mod4[:21], meChallenge),
		invalid("one character", "/status/", "a", "Bearer"),
		invalid("not UTF-8", "/users/me/", tokBadUTF8, meChallenge),
		invalid("encoded surrogate", "/users/me/", tokSurrogate, meChallenge),
		invalid("no colon", "/users/me/", tokNoColon, meChallenge),
		invalid("empty username", "/users/me/items/", tokEmptyUser, itemsChallenge),
		invalid("unknown user", "/users/me/items/", tokUnknown, itemsChallenge),
		invalid("unknown user on status", "/status/", tokUnknown, "Bearer"),
		invalid("empty token", "/users/me/items/", "", itemsChallenge),
		invalid("empty token on status", "/status/", "", "Bearer"),
		// The Authorization header, read by OAuth2PasswordBearer.
		{Name: "scheme case", Path: "/users/me/", Header: H("Authorization", "bEaReR "+tokMe), Status: 200, JSON: johndoe},
		{Name: "token stripped", Path: "/users/me/", Header: H("Authorization", "Bearer  "+tokMe+"\xa0"), Status: 200, JSON: johndoe},
		notAuth("no Authorization", "/users/me/items/", nil),
		notAuth("no Authorization on status", "/status/", nil),
		notAuth("empty Authorization", "/users/me/", H("Authorization", "")),
		notAuth("wrong scheme", "/users/me/", H("Authorization", "Basic "+tokMe)),
		notAuth("token without scheme", "/users/me/", H("Authorization", tokMe)),
		notAuth("tab is no separator", "/users/me/", H("Authorization", "Bearer\t"+tokMe)),
		// Echo's own errors, answered by the shipped error handler.
		NotFound,
		{Name: "method not allowed", Method: "DELETE", Path: "/users/me/", Header: bearer(tokMeItems), Status: 405,
			JSON: `{"detail":"Method Not Allowed"}`, Want: map[string]string{"Allow": "OPTIONS, GET", "Content-Type": "application/json"}},
		{Name: "GET on the token URL", Path: "/token", Status: 405,
			JSON: `{"detail":"Method Not Allowed"}`, Want: map[string]string{"Allow": "OPTIONS, POST"}},
	}
}

// Redirects is the table of the trailing-slash redirects (the demo turns on
// RedirectSlashes, as FastAPI redirects by default): a route's path with
// its trailing slash added or removed is answered 307 to the route, with
// the query as sent and Location built from the Host header, for any
// method, before any dependency runs (no 401 without a token); a path that
// no route matches either way is still Echo's 404 in FastAPI's shape.
func Redirects() []slashtest.Case {
	return []slashtest.Case{
		{Name: "slash added", Path: "/users/me", To: "/users/me/"},
		{Name: "before the dependencies", Path: "/users/me", Header: bearer(tokNone), To: "/users/me/"},
		{Name: "query kept as sent", Path: "/users/me?q=a%20b&x=1&x=2", To: "/users/me/?q=a%20b&x=1&x=2"},
		{Name: "Host as sent", Path: "/users/me", Host: "api.example:8000", To: "/users/me/"},
		{Name: "nested route", Path: "/users/me/items", Header: bearer(tokMeItems), To: "/users/me/items/"},
		{Name: "slash removed, POST kept by 307", Method: "POST", Path: "/token/",
			Form: "username=johndoe&password=secret", To: "/token"},
		{Name: "every trailing slash removed", Method: "POST", Path: "/token//", To: "/token"},
		{Name: "another method: redirected, then 405", Method: "DELETE", Path: "/status", To: "/status/"},
		{Name: "the docs", Path: "/docs/", To: "/docs"},
		{Name: "the document", Path: "/openapi.json/", To: "/openapi.json"},
		{Name: "unknown path", Path: "/no/such/path"},
		{Name: "unknown path with a slash", Path: "/no/such/path/"},
		{Name: "below a route", Path: "/users/me/nope"},
		{Name: "root", Path: "/"},
	}
}

// publicOperation checks that op requires no security. FastAPI leaves the
// key out; package openapi writes "security": [] on purpose (redocly's
// security-defined rule), which means the same in OpenAPI.
func publicOperation(t *testing.T, op map[string]any) {
	t.Helper()
	if sec, ok := op["security"]; ok {
		if l, isList := sec.([]any); !isList || len(l) != 0 {
			t.Errorf("security = %v, want none", sec)
		}
	}
}

// OpenAPI checks, beyond the golden document, what the demo is about: the
// scopes each operation requires and the login form, in the document doc
// that [Golden] or [SameGolden] returned.
func OpenAPI(t *testing.T, doc map[string]any) {
	t.Helper()
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{"me":"Read information about the current user.","items":"Read items."},"tokenUrl":"token"}}}}`,
		"components", "securitySchemes")
	for _, op := range []struct{ path, summary, id, security string }{
		{"/users/me/", "Read Users Me", "read_users_me_users_me__get", `[{"OAuth2PasswordBearer":["me"]}]`},
		{"/users/me/items/", "Read Own Items", "read_own_items_users_me_items__get", `[{"OAuth2PasswordBearer":["items","me"]}]`},
		{"/status/", "Read System Status", "read_system_status_status__get", `[{"OAuth2PasswordBearer":[]}]`},
	} {
		Expect(t, doc, `"`+op.summary+`"`, "paths", op.path, "get", "summary")
		Expect(t, doc, `"`+op.id+`"`, "paths", op.path, "get", "operationId")
		Expect(t, doc, op.security, "paths", op.path, "get", "security")
	}
	Expect(t, doc, `"#/components/schemas/User"`, "paths", "/users/me/", "get", "responses", "200", "content", "application/json", "schema", "$ref")

	login := At(doc, "paths", "/token", "post").(map[string]any)
	publicOperation(t, login)
	Expect(t, login, `"Login For Access Token"`, "summary")
	Expect(t, login, `"login_for_access_token_token_post"`, "operationId")
	Expect(t, login, `{"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_for_access_token_token_post"}}},"required":true}`, "requestBody")
	Expect(t, login, `"#/components/schemas/Token"`, "responses", "200", "content", "application/json", "schema", "$ref")
	body := At(doc, "components", "schemas", "Body_login_for_access_token_token_post").(map[string]any)
	Expect(t, body, `["username","password"]`, "required")
	Expect(t, body, `"^password$"`, "properties", "grant_type", "pattern")
	Expect(t, body, `""`, "properties", "scope", "default")
	Expect(t, body, `"password"`, "properties", "password", "format")
	Expect(t, body, `"password"`, "properties", "client_secret", "format")
	Expect(t, doc, `["access_token","token_type"]`, "components", "schemas", "Token", "required")
}
