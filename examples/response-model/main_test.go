package main

import (
	"testing"

	"github.com/fastecho/fastecho/internal/exampletest"
)

func post(name, body string, status int, want string) exampletest.Case {
	return exampletest.Case{Name: name, Method: "POST", Path: "/user/", Header: exampletest.H("Content-Type", "application/json"),
		Body: body, Status: status, JSON: want}
}

// TestCreateUser makes the request of FastAPI's test_tutorial003.py, then
// the spec's: the answer is the input through UserOut, never the password
// nor a property UserOut does not have.
func TestCreateUser(t *testing.T) {
	exampletest.Run(t, newApp(), []exampletest.Case{
		post("post user", `{"username":"foo","password":"fighter","email":"foo@example.com","full_name":"Grave Dohl"}`, 200,
			`{"username":"foo","email":"foo@example.com","full_name":"Grave Dohl"}`),
		post("no full name, extra properties", `{"username":"foo","password":"fighter","email":"not an address","admin":true}`, 200,
			`{"username":"foo","email":"not an address","full_name":null}`),
		post("full name null", `{"username":"foo","password":"fighter","email":"e","full_name":null}`, 200,
			`{"username":"foo","email":"e","full_name":null}`),
		post("missing fields", `{"username":"foo"}`, 422, `{"detail":[
			{"type":"missing","loc":["body","email"],"msg":"Field required","input":{"username":"foo"}},
			{"type":"missing","loc":["body","password"],"msg":"Field required","input":{"username":"foo"}}]}`),
		post("wrong types", `{"username":1,"password":null,"email":[],"full_name":2}`, 422, `{"detail":[
			{"type":"string_type","loc":["body","username"],"msg":"Input should be a valid string","input":1},
			{"type":"string_type","loc":["body","email"],"msg":"Input should be a valid string","input":[]},
			{"type":"string_type","loc":["body","full_name"],"msg":"Input should be a valid string","input":2},
			{"type":"string_type","loc":["body","password"],"msg":"Input should be a valid string","input":null}]}`),
		post("not an object", `["foo"]`, 422,
			`{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":["foo"]}]}`),
		post("no body", ``, 422, `{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}`),
		{Name: "form body is not JSON", Method: "POST", Path: "/user/", Form: exampletest.Form("username=foo&password=x&email=e"), Status: 422,
			JSON: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"username=foo&password=x&email=e"}]}`},
		{Name: "GET: method not allowed", Path: "/user/", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		exampletest.NotFound,
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema: the body is UserIn,
// the 200 response UserOut (email is a plain string here, see main.go).
func TestOpenAPI(t *testing.T) {
	doc := exampletest.Golden(t, newApp())
	op := []string{"paths", "/user/", "post"}
	exampletest.Expect(t, doc, `"create_user_user__post"`, append(op, "operationId")...)
	exampletest.Expect(t, doc, `"Create User"`, append(op, "summary")...)
	exampletest.Expect(t, doc, `{"$ref":"#/components/schemas/UserIn"}`, append(op, "requestBody", "content", "application/json", "schema")...)
	exampletest.Expect(t, doc, `true`, append(op, "requestBody", "required")...)
	exampletest.Expect(t, doc, `{"$ref":"#/components/schemas/UserOut"}`, append(op, "responses", "200", "content", "application/json", "schema")...)
	exampletest.Expect(t, doc, `{"type":"object","required":["username","email","password"],"properties":{
		"username":{"type":"string"},"password":{"type":"string"},"email":{"type":"string"},
		"full_name":{"type":["null","string"]}}}`, "components", "schemas", "UserIn")
	exampletest.Expect(t, doc, `{"type":"object","required":["username","email"],"properties":{
		"username":{"type":"string"},"email":{"type":"string"},"full_name":{"type":["null","string"]}}}`, "components", "schemas", "UserOut")
}
