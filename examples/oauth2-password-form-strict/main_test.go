package main

import (
	"testing"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
)

const (
	missingGrant    = `{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}`
	missingUsername = `{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}`
	missingPassword = `{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}`
	badGrant        = `{"type":"string_pattern_mismatch","loc":["body","grant_type"],"msg":"String should match pattern '^password$'","input":"token","ctx":{"pattern":"^password$"}}`
)

func TestLogin(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "minimal", Method: "POST", Path: "/login", Form: Form("grant_type=password&username=a&password=b"), Status: 200, JSON: `{"scopes":[]}`},
		{Name: "everything", Method: "POST", Path: "/login", Form: Form("grant_type=password&username=a&password=b&scope=x+y&client_id=c&client_secret=s"),
			Status: 200, JSON: `{"scopes":["x","y"],"client_id":"c","client_secret":"s"}`},
		{Name: "grant_type required", Method: "POST", Path: "/login", Form: Form("username=a&password=b"), Status: 422, JSON: `{"detail":[` + missingGrant + `]}`},
		{Name: "empty grant_type is missing", Method: "POST", Path: "/login", Form: Form("grant_type=&username=a&password=b"), Status: 422, JSON: `{"detail":[` + missingGrant + `]}`},
		{Name: "wrong grant_type", Method: "POST", Path: "/login", Form: Form("grant_type=token&username=a&password=b"), Status: 422, JSON: `{"detail":[` + badGrant + `]}`},
		{Name: "empty form", Method: "POST", Path: "/login", Form: Form(""), Status: 422, JSON: `{"detail":[` + missingGrant + `,` + missingUsername + `,` + missingPassword + `]}`},
		{Name: "text body", Method: "POST", Path: "/login", Header: H("Content-Type", "text/plain"), Body: "grant_type=password&username=a&password=b",
			Status: 422, JSON: `{"detail":[` + missingGrant + `,` + missingUsername + `,` + missingPassword + `]}`},
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	body := At(doc, "components", "schemas", "Body_login_login_post").(map[string]any)
	Expect(t, body, `["grant_type","username","password"]`, "required")
	// FastAPI's strict form marks neither password nor client_secret.
	Expect(t, body, `null`, "properties", "password", "format")
	Expect(t, body, `null`, "properties", "client_secret", "format")
}
