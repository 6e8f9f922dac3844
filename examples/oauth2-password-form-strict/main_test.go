package main

import (
	"strings"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The 422 entries FastAPI returns for the strict password form, one per
// failing field in field order (grant_type, username, password).
const (
	missingGrant    = `{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}`
	missingUsername = `{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}`
	missingPassword = `{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}`
	missingAll      = `{"detail":[` + missingGrant + `,` + missingUsername + `,` + missingPassword + `]}`
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

// The expected values are FastAPI's OAuth2PasswordRequestFormStrict on
// Starlette: the permissive form's rules (python-multipart's parsing),
// with grant_type required, so an empty one is "missing" too.
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
		post("minimal", "grant_type=password&username=a&password=b", 200, `{"scopes":[]}`),
		post("everything", "grant_type=password&username=a&password=b&scope=x+y&client_id=c&client_secret=s",
			200, `{"scopes":["x","y"],"client_id":"c","client_secret":"s"}`),
		post("scope splits on any whitespace", "grant_type=password&username=a&password=b&scope=%09x%0Ay%C2%A0z+", 200, `{"scopes":["x","y","z"]}`),
		post("empty client fields left out", "grant_type=password&username=a&password=b&client_id=&client_secret=", 200, `{"scopes":[]}`),
		post("last occurrence counts", "grant_type=token&grant_type=password&username=a&password=b", 200, `{"scopes":[]}`),
		body("multipart", mp, multipart("grant_type", "password", "username", "a", "password", "b", "scope", "me items"), 200, `{"scopes":["me","items"]}`),
		body("content type with charset", "application/x-www-form-urlencoded; charset=UTF-8", "grant_type=password&username=a&password=b", 200, `{"scopes":[]}`),
		post("grant_type required", "username=a&password=b", 422, `{"detail":[`+missingGrant+`]}`),
		post("empty grant_type is missing", "grant_type=&username=a&password=b", 422, `{"detail":[`+missingGrant+`]}`),
		post("empty last grant_type is missing", "grant_type=password&grant_type=&username=a&password=b", 422, `{"detail":[`+missingGrant+`]}`),
		post("wrong grant_type", "grant_type=token&username=a&password=b", 422, `{"detail":[`+badGrant("token")+`]}`),
		post("grant_type in upper case", "grant_type=PASSWORD&username=a&password=b", 422, `{"detail":[`+badGrant("PASSWORD")+`]}`),
		post("grant_type with a newline", "grant_type=password%0A&username=a&password=b", 422, `{"detail":[`+badGrant(`password\n`)+`]}`),
		post("errors in field order", "grant_type=x&password=b", 422, `{"detail":[`+badGrant("x")+`,`+missingUsername+`]}`),
		post("missing username", "grant_type=password&password=b", 422, `{"detail":[`+missingUsername+`]}`),
		post("missing password", "grant_type=password&username=a", 422, `{"detail":[`+missingPassword+`]}`),
		post("empty username and password", "grant_type=password&username=&password=", 422, `{"detail":[`+missingUsername+`,`+missingPassword+`]}`),
		body("multipart without grant_type", mp, multipart("username", "a", "password", "b"), 422, `{"detail":[`+missingGrant+`]}`),
		post("empty form", "", 422, missingAll),
		body("text body is no form", "text/plain", "grant_type=password&username=a&password=b", 422, missingAll),
		body("JSON body is no form", "application/json", `{"grant_type":"password","username":"a","password":"b"}`, 422, missingAll),
		body("no content type is no form", "", "grant_type=password&username=a&password=b", 422, missingAll),
		body("no body", "", "", 422, missingAll),
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
	Expect(t, op, `"login_login_post"`, "operationId")
	Expect(t, op, `{"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_login_post"}}},"required":true}`, "requestBody")
	publicOperation(t, op)
	body := At(doc, "components", "schemas", "Body_login_login_post").(map[string]any)
	Expect(t, body, `["grant_type","username","password"]`, "required")
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
	// FastAPI's strict form marks neither password nor client_secret.
	Expect(t, props, `null`, "password", "format")
	Expect(t, props, `null`, "client_secret", "format")
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "slash removed, POST kept by 307", Method: "POST", Path: "/login/", Form: "grant_type=password&username=johndoe&password=secret", To: "/login"},
	})
}
