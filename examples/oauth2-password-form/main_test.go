package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

const (
	missingUsername = `{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}`
	missingPassword = `{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}`
	badGrant        = `{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"PASSWORD","ctx":{"pattern":"^password$"}}`
)

func TestLogin(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "minimal", Method: "POST", Path: "/login", Form: Form("username=johndoe&password=secret"), Status: 200, JSON: `{"scopes":[]}`},
		{Name: "everything", Method: "POST", Path: "/login", Form: Form("grant_type=password&username=johndoe&password=secret&scope=foo+bar&client_id=cid&client_secret=cs"),
			Status: 200, JSON: `{"scopes":["foo","bar"],"client_id":"cid","client_secret":"cs"}`},
		{Name: "scope splits on any whitespace", Method: "POST", Path: "/login", Form: Form("username=a&password=b&scope=%20x%09y%0Az%20"), Status: 200, JSON: `{"scopes":["x","y","z"]}`},
		{Name: "empty grant_type is absent", Method: "POST", Path: "/login", Form: Form("grant_type=&username=a&password=b"), Status: 200, JSON: `{"scopes":[]}`},
		{Name: "empty client fields left out", Method: "POST", Path: "/login", Form: Form("username=a&password=b&client_id=&client_secret="), Status: 200, JSON: `{"scopes":[]}`},
		{Name: "last occurrence counts", Method: "POST", Path: "/login", Form: Form("username=a&username=b&password=x&scope=s1&scope=s2"), Status: 200, JSON: `{"scopes":["s2"]}`},
		{Name: "content type with charset", Method: "POST", Path: "/login", Header: H("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), Body: "username=a&password=b", Status: 200, JSON: `{"scopes":[]}`},
		{Name: "multipart", Method: "POST", Path: "/login", Header: H("Content-Type", "multipart/form-data; boundary=X"),
			Body:   "--X\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\na\r\n--X\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nb\r\n--X\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\nread write\r\n--X--\r\n",
			Status: 200, JSON: `{"scopes":["read","write"]}`},
		{Name: "wrong grant_type", Method: "POST", Path: "/login", Form: Form("grant_type=PASSWORD&username=a&password=b"), Status: 422, JSON: `{"detail":[` + badGrant + `]}`},
		{Name: "empty form", Method: "POST", Path: "/login", Form: Form(""), Status: 422, JSON: `{"detail":[` + missingUsername + `,` + missingPassword + `]}`},
		{Name: "empty username", Method: "POST", Path: "/login", Form: Form("username=&password=b"), Status: 422, JSON: `{"detail":[` + missingUsername + `]}`},
		{Name: "JSON body", Method: "POST", Path: "/login", Header: H("Content-Type", "application/json"), Body: `{"username":"a","password":"b"}`,
			Status: 422, JSON: `{"detail":[` + missingUsername + `,` + missingPassword + `]}`},
		{Name: "no body", Method: "POST", Path: "/login", Status: 422, JSON: `{"detail":[` + missingUsername + `,` + missingPassword + `]}`},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	body := At(doc, "components", "schemas", "Body_login_login_post")
	Expect(t, body.(map[string]any), `["username","password"]`, "required")
	Expect(t, body.(map[string]any), `"password"`, "properties", "password", "format")
	Expect(t, body.(map[string]any), `"password"`, "properties", "client_secret", "format")
	Expect(t, doc, `null`, "components", "securitySchemes")
}
