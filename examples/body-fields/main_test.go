package main

import (
	"strings"
	"testing"

	"github.com/fastecho/fastecho/internal/exampletest"
)

const js = "application/json"

func put(name, body string, status int, want string) exampletest.Case {
	return exampletest.Case{Name: name, Method: "PUT", Path: "/items/5", Header: exampletest.H("Content-Type", js),
		Body: body, Status: status, JSON: want}
}

const missingItem = `{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null}]}`

// TestUpdateItem makes the requests of FastAPI's
// tests/test_tutorial/test_body_fields/test_tutorial001.py, then the
// spec's: Body(embed=True) reads the body's "item", and anything but an
// object there, or a body that is not an object, is FastAPI's answer.
func TestUpdateItem(t *testing.T) {
	long := strings.Repeat("é", 301)
	exampletest.Run(t, newApp(), []exampletest.Case{
		put("items 5", `{"item": {"name": "Foo", "price": 3.0}}`, 200,
			`{"item_id":5,"item":{"name":"Foo","price":3.0,"description":null,"tax":null}}`),
		{Name: "items 6", Method: "PUT", Path: "/items/6", Header: exampletest.H("Content-Type", js),
			Body:   `{"item": {"name": "Bar", "price": 0.2, "description": "Some bar", "tax": "5.4"}}`,
			Status: 200, JSON: `{"item_id":6,"item":{"name":"Bar","price":0.2,"description":"Some bar","tax":5.4}}`},
		put("invalid price", `{"item": {"name": "Foo", "price": -3.0}}`, 422,
			`{"detail":[{"type":"greater_than","loc":["body","item","price"],"msg":"Input should be greater than 0","input":-3.0,"ctx":{"gt":0.0}}]}`),
		put("price zero", `{"item": {"name": "Foo", "price": 0}}`, 422,
			`{"detail":[{"type":"greater_than","loc":["body","item","price"],"msg":"Input should be greater than 0","input":0,"ctx":{"gt":0.0}}]}`),
		put("price as text, echoed as sent", `{"item": {"name": "Foo", "price": "-1"}}`, 422,
			`{"detail":[{"type":"greater_than","loc":["body","item","price"],"msg":"Input should be greater than 0","input":"-1","ctx":{"gt":0.0}}]}`),
		put("price not a number", `{"item": {"name": "Foo", "price": "x"}}`, 422,
			`{"detail":[{"type":"float_parsing","loc":["body","item","price"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"}]}`),
		put("description of 301 characters", `{"item": {"name": "Foo", "price": 1, "description": "`+long+`"}}`, 422,
			`{"detail":[{"type":"string_too_long","loc":["body","item","description"],"msg":"String should have at most 300 characters","input":"`+long+`","ctx":{"max_length":300}}]}`),
		put("description of 300 characters", `{"item": {"name": "Foo", "price": 1, "description": "`+long[2:]+`"}}`, 200,
			`{"item_id":5,"item":{"name":"Foo","price":1,"description":"`+long[2:]+`","tax":null}}`),
		put("name null", `{"item": {"name": null, "price": 1}}`, 422,
			`{"detail":[{"type":"string_type","loc":["body","item","name"],"msg":"Input should be a valid string","input":null}]}`),
		put("empty item", `{"item": {}}`, 422, `{"detail":[
			{"type":"missing","loc":["body","item","name"],"msg":"Field required","input":{}},
			{"type":"missing","loc":["body","item","price"],"msg":"Field required","input":{}}]}`),
		put("item null is missing", `{"item": null}`, 422, missingItem),
		put("no item", `{"name": "Foo", "price": 1}`, 422, missingItem),
		put("item a list", `{"item": [1]}`, 422,
			`{"detail":[{"type":"model_attributes_type","loc":["body","item"],"msg":"Input should be a valid dictionary or object to extract fields from","input":[1]}]}`),
		put("item a string", `{"item": "x"}`, 422,
			`{"detail":[{"type":"model_attributes_type","loc":["body","item"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"x"}]}`),
		put("body a list", `[{"name": "Foo", "price": 1}]`, 422, missingItem),
		put("body a string", `"x"`, 422, missingItem),
		put("body null", `null`, 422, missingItem),
		put("body invalid", `{"item": {"name": "Foo",}}`, 422,
			`{"detail":[{"type":"json_invalid","loc":["body",23],"msg":"JSON decode error","input":{},"ctx":{"error":"Illegal trailing comma before end of object"}}]}`),
		{Name: "no Content-Type: not JSON", Method: "PUT", Path: "/items/5", Body: `{"item": {"name": "Foo", "price": 1}}`, Status: 422, JSON: missingItem},
		{Name: "no body", Method: "PUT", Path: "/items/5", Status: 422, JSON: missingItem},
		{Name: "bad item_id and body", Method: "PUT", Path: "/items/x", Header: exampletest.H("Content-Type", js), Body: `{}`, Status: 422,
			JSON: `{"detail":[{"type":"int_parsing","loc":["path","item_id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},` + missingItem[11:len(missingItem)-2] + `]}`},
		{Name: "invalid JSON is the whole answer", Method: "PUT", Path: "/items/x", Header: exampletest.H("Content-Type", js), Body: `{`, Status: 422,
			JSON: `{"detail":[{"type":"json_invalid","loc":["body",1],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting property name enclosed in double quotes"}}]}`},
		{Name: "body not UTF-8", Method: "PUT", Path: "/items/5", Header: exampletest.H("Content-Type", js), Body: "{\"item\": \"\xff\"}", Status: 400,
			JSON: `{"detail":"There was an error parsing the body"}`},
		{Name: "item_id with spaces, sign and zeros", Method: "PUT", Path: "/items/%20+007", Header: exampletest.H("Content-Type", js),
			Body: `{"item": {"name": "Foo", "price": 1}}`, Status: 200, JSON: `{"item_id":7,"item":{"name":"Foo","price":1,"description":null,"tax":null}}`},
		{Name: "GET: method not allowed", Path: "/items/5", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		exampletest.NotFound,
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema: the embedded body is
// an object with the one required property item, the Item schema.
func TestOpenAPI(t *testing.T) {
	doc := exampletest.Golden(t, newApp())
	op := []string{"paths", "/items/{item_id}", "put"}
	exampletest.Expect(t, doc, `"update_item_items__item_id__put"`, append(op, "operationId")...)
	exampletest.Expect(t, doc, `"Update Item"`, append(op, "summary")...)
	exampletest.Expect(t, doc, `[{"name":"item_id","in":"path","required":true,"schema":{"type":"integer"}}]`, append(op, "parameters")...)
	exampletest.Expect(t, doc, `true`, append(op, "requestBody", "required")...)
	exampletest.Expect(t, doc, `{"type":"object","properties":{"item":{"$ref":"#/components/schemas/Item"}},"required":["item"]}`,
		"components", "schemas", "Body_update_item_items__item_id__put")
	exampletest.Expect(t, doc, `{"type":"object","required":["name","price"],"properties":{
		"name":{"type":"string"},
		"description":{"title":"The description of the item","type":["null","string"],"maxLength":300},
		"price":{"type":"number","format":"double","exclusiveMinimum":0,"description":"The price must be greater than zero"},
		"tax":{"type":["null","number"]}}}`, "components", "schemas", "Item")
}
