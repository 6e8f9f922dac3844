package main

import (
	"strings"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The 422 entries FastAPI returns for the password form, one per failing
// field in field order (grant_type, username, password).
const (
	missingUsername = `{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}`
	missingPassword = `{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}`
	missingBoth     = `{"detail":[` + missingUsername + `,` + missingPassword + `]}`
)

// badGrant is the 422 entry for a grant_type that is not exactly "password".
func badGrant(input string) string {
	return `{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"` +
		input + `","ctx":{"pattern":"^password$"}}`
}

// multipart encodes name, value pairs as a multipart/form-data body with
// the boundary X.
func multipart(kv ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		b.WriteString("--X\r\nContent-Disposition: form-data; name=\"" + kv[i] + "\"\r\n\r\n" + kv[i+1] + "\r\n")
	}
	b.WriteString("--X--\r\n")
	return b.String()
}

// The expected values are FastAPI's OAuth2PasswordRequestForm on
// Starlette (python-multipart for forms, pydantic for the 422 bodies).
func TestLogin(t *testing.T) {
	post := func(name, form string, status int, json string) Case {
		return Case{Name: name, Method: "POST", Path: "/login", Form: Form(form), Status: status, JSON: json}
	}
	body := func(name, contentType, body string, status int, json string) Case {
		c := Case{Name: name, Method: "POST", Path: "/login", Body: body, Status: status, JSON: json}
		if contentType != "" {
			c.Header = H("Content-Type", contentType)
		}
		return c
	}
	const mp = "multipart/form-data; boundary=X"
	Run(t, newApp(), []Case{
		post("minimal", "username=johndoe&password=secret", 200, `{"scopes":[]}`),
		post("everything", "grant_type=password&username=johndoe&password=secret&scope=foo+bar&client_id=cid&client_secret=cs",
			200, `{"scopes":["foo","bar"],"client_id":"cid","client_secret":"cs"}`),
		post("scope items:read is one scope", "username=a&password=b&scope=items:read+users:write", 200, `{"scopes":["items:read","users:write"]}`),
		post("scope splits on any whitespace", "username=a&password=b&scope=%20x%09y%0Az%0D%0Bw%0C%20", 200, `{"scopes":["x","y","z","w"]}`),
		// Python's str.split() also splits on \x1c-\x1f, NBSP, NEL and
		// Unicode spaces, not on a zero-width space.
		post("scope splits as Python's str.split", "username=a&password=b&scope=a%1Cb%1Fc%C2%A0d%C2%85e%E3%80%80f%E2%80%8Bg",
			200, `{"scopes":["a","b","c","d","e","f\u200bg"]}`),
		post("only whitespace is no scope", "username=a&password=b&scope=%20%09", 200, `{"scopes":[]}`),
		post("grant_type password", "grant_type=password&username=a&password=b", 200, `{"scopes":[]}`),
		post("empty grant_type is absent", "grant_type=&username=a&password=b", 200, `{"scopes":[]}`),
		post("empty client fields left out", "username=a&password=b&client_id=&client_secret=", 200, `{"scopes":[]}`),
		post("percent-decoding and plus", "username=a&password=b&client_id=a%2Bb+c&client_secret=%C3%A9", 200, `{"scopes":[],"client_id":"a+b c","client_secret":"é"}`),
		post("invalid UTF-8 escape is U+FFFD", "username=a&password=b&client_id=%FF", 200, `{"scopes":[],"client_id":"\ufffd"}`),
		post("raw bytes are Latin-1", "username=a&password=b&client_id=\xc3\xb6", 200, `{"scopes":[],"client_id":"Ã¶"}`),
		post("whitespace is a value", "username=%20&password=%20", 200, `{"scopes":[]}`),
		post("last occurrence counts", "username=a&username=b&password=x&scope=s1&scope=s2", 200, `{"scopes":["s2"]}`),
		post("empty last occurrence is missing", "username=a&username=&password=b", 422, `{"detail":[`+missingUsername+`]}`),
		body("content type with charset", "application/x-www-form-urlencoded; charset=utf-8", "username=a&password=b", 200, `{"scopes":[]}`),
		body("content type in any case", "Application/X-WWW-Form-URLEncoded", "username=a&password=b", 200, `{"scopes":[]}`),
		body("multipart", mp, multipart("username", "a", "password", "b", "scope", "read  write", "client_id", "c"),
			200, `{"scopes":["read","write"],"client_id":"c"}`),
		// With parameters, python-multipart keeps the type's case, so
		// Starlette finds no form (a "case-insensitive" match
		// holds only for a content type without parameters).
		body("multipart type with parameters is case-sensitive", "Multipart/Form-Data; boundary=X", multipart("username", "a", "password", "b"), 422, missingBoth),
		body("multipart last occurrence counts", mp, multipart("username", "a", "password", "b", "scope", "x", "scope", "y"), 200, `{"scopes":["y"]}`),
		body("multipart empty value is missing", mp, multipart("username", "", "password", "b"), 422, `{"detail":[`+missingUsername+`]}`),
		body("multipart bad grant_type", mp, multipart("grant_type", "client_credentials", "username", "a", "password", "b"),
			422, `{"detail":[`+badGrant("client_credentials")+`]}`),
		body("multipart without fields", mp, multipart(), 422, missingBoth),
		post("wrong grant_type", "grant_type=PASSWORD&username=a&password=b", 422, `{"detail":[`+badGrant("PASSWORD")+`]}`),
		post("grant_type with a newline", "grant_type=password%0A&username=a&password=b", 422, `{"detail":[`+badGrant(`password\n`)+`]}`),
		post("grant_type with a space", "grant_type=+password&username=a&password=b", 422, `{"detail":[`+badGrant(" password")+`]}`),
		post("errors in field order", "grant_type=token", 422, `{"detail":[`+badGrant("token")+`,`+missingUsername+`,`+missingPassword+`]}`),
		post("empty form", "", 422, missingBoth),
		post("missing username", "password=b", 422, `{"detail":[`+missingUsername+`]}`),
		post("missing password", "username=a", 422, `{"detail":[`+missingPassword+`]}`),
		post("empty username", "username=&password=b", 422, `{"detail":[`+missingUsername+`]}`),
		post("empty password", "username=a&password=", 422, `{"detail":[`+missingPassword+`]}`),
		body("JSON body is no form", "application/json", `{"username":"a","password":"b"}`, 422, missingBoth),
		body("text body is no form", "text/plain", "username=a&password=b", 422, missingBoth),
		body("no content type is no form", "", "username=a&password=b", 422, missingBoth),
		body("no body", "", "", 422, missingBoth),
		NotFound,
	})
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

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	op := At(doc, "paths", "/login", "post").(map[string]any)
	Expect(t, op, `"Login"`, "summary")
	Expect(t, op, `"login_login_post"`, "operationId")
	Expect(t, op, `{"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_login_post"}}},"required":true}`, "requestBody")
	publicOperation(t, op)
	body := At(doc, "components", "schemas", "Body_login_login_post").(map[string]any)
	Expect(t, body, `["username","password"]`, "required")
	Expect(t, body, `"object"`, "type")
	// FastAPI's properties, without the titles and anyOf-null of optional
	// fields that pydantic adds (not part of the contract).
	props := At(body, "properties").(map[string]any)
	for _, name := range []string{"grant_type", "username", "password", "scope", "client_id", "client_secret"} {
		if props[name] == nil {
			t.Errorf("form property %s missing", name)
		}
	}
	if len(props) != 6 {
		t.Errorf("form has %d properties, want 6: %v", len(props), props)
	}
	Expect(t, props, `"^password$"`, "grant_type", "pattern")
	Expect(t, props, `""`, "scope", "default")
	Expect(t, props, `"password"`, "password", "format")
	Expect(t, props, `"password"`, "client_secret", "format")
	Expect(t, props, `null`, "username", "format")
	Expect(t, props, `null`, "client_id", "format")
	Expect(t, doc, `null`, "components", "securitySchemes")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed, POST kept by 307", Method: "POST", Path: "/login/", Form: "username=johndoe&password=secret", To: "/login"},
	})
}
