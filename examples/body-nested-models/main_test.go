package main

import (
	"strings"
	"testing"

	"github.com/fastecho/fastecho/internal/exampletest"
)

func post(name, path, body string, status int, want string) exampletest.Case {
	return exampletest.Case{Name: name, Method: "POST", Path: path, Header: exampletest.H("Content-Type", "application/json"),
		Body: body, Status: status, JSON: want}
}

func put(name, path, body string, status int, want string) exampletest.Case {
	c := post(name, path, body, status, want)
	c.Method = "PUT"
	return c
}

const image = `{"url":"http://example.com/image.png","name":"example image"}`

// TestUpdateItem makes the requests of FastAPI's test_tutorial006.py
// (tags is a set: "foo" twice is once), then the spec's edge cases.
func TestUpdateItem(t *testing.T) {
	exampletest.Run(t, newApp(), []exampletest.Case{
		put("put all", "/items/123",
			`{"name":"Foo","description":"A very nice Item","price":35.4,"tax":3.2,"tags":["foo","bar","foo"],"images":[`+image+`]}`, 200,
			`{"item_id":123,"item":{"name":"Foo","description":"A very nice Item","price":35.4,"tax":3.2,"tags":["foo","bar"],"images":[`+image+`]}}`),
		put("put only required", "/items/5", `{"name":"Foo","price":35.4}`, 200,
			`{"item_id":5,"item":{"name":"Foo","description":null,"price":35.4,"tax":null,"tags":[],"images":null}}`),
		put("put empty body", "/items/5", `{}`, 422, `{"detail":[
			{"loc":["body","name"],"input":{},"msg":"Field required","type":"missing"},
			{"loc":["body","price"],"input":{},"msg":"Field required","type":"missing"}]}`),
		put("images not a list", "/items/5", `{"name":"Foo","price":35.4,"images":`+image+`}`, 422,
			`{"detail":[{"loc":["body","images"],"input":`+image+`,"msg":"Input should be a valid list","type":"list_type"}]}`),
		put("lax values, URL normalised", "/items/5",
			`{"name":"Foo","price":"35.4","tax":null,"tags":[],"images":[{"url":"HTTP://Example.COM:80","name":"x"}],"other":1}`, 200,
			`{"item_id":5,"item":{"name":"Foo","description":null,"price":35.4,"tax":null,"tags":[],"images":[{"url":"http://example.com/","name":"x"}]}}`),
		put("tags not a set", "/items/5", `{"name":"Foo","price":1,"tags":"foo"}`, 422,
			`{"detail":[{"type":"set_type","loc":["body","tags"],"msg":"Input should be a valid set","input":"foo"}]}`),
		put("a tag not a string", "/items/5", `{"name":"Foo","price":1,"tags":["a",1]}`, 422,
			`{"detail":[{"type":"string_type","loc":["body","tags",1],"msg":"Input should be a valid string","input":1}]}`),
		put("errors inside images carry the index", "/items/5",
			`{"name":"Foo","price":1,"images":[`+image+`,{"url":"ftp://example.com","name":null},{"url":""},{"url":1,"name":"n"}]}`, 422,
			`{"detail":[
				{"type":"url_scheme","loc":["body","images",1,"url"],"msg":"URL scheme should be 'http' or 'https'","input":"ftp://example.com","ctx":{"expected_schemes":"'http' or 'https'"}},
				{"type":"string_type","loc":["body","images",1,"name"],"msg":"Input should be a valid string","input":null},
				{"type":"url_parsing","loc":["body","images",2,"url"],"msg":"Input should be a valid URL, input is empty","input":"","ctx":{"error":"input is empty"}},
				{"type":"missing","loc":["body","images",2,"name"],"msg":"Field required","input":{"url":""}},
				{"type":"url_type","loc":["body","images",3,"url"],"msg":"URL input should be a string or URL","input":1}]}`),
		put("body a list", "/items/5", `[]`, 422,
			`{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":[]}]}`),
		put("body null", "/items/5", `null`, 422, `{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}`),
		{Name: "body as text/plain", Method: "PUT", Path: "/items/5", Header: exampletest.H("Content-Type", "text/plain"), Body: `{"name":"Foo","price":1}`, Status: 422,
			JSON: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"{\"name\":\"Foo\",\"price\":1}"}]}`},
		put("price inf is sent as null", "/items/5", `{"name":"Foo","price":"inf"}`, 200,
			`{"item_id":5,"item":{"name":"Foo","description":null,"price":null,"tax":null,"tags":[],"images":null}}`),
		exampletest.NotFound,
	})
}

// TestCreateOffer makes the requests of FastAPI's test_tutorial007.py.
func TestCreateOffer(t *testing.T) {
	full := `{"name":"Special Offer","price":38.6,"items":[{"name":"Foo","price":35.4,"tax":3.2,"tags":["foo"],"images":[` + image + `]}]}`
	exampletest.Run(t, newApp(), []exampletest.Case{
		post("post all", "/offers/", full, 200,
			`{"name":"Special Offer","description":null,"price":38.6,"items":[{"name":"Foo","description":null,"price":35.4,"tax":3.2,"tags":["foo"],"images":[`+image+`]}]}`),
		post("only required", "/offers/", `{"name":"Special Offer","price":38.6,"items":[{"name":"Foo","price":35.4,"images":[`+image+`]}]}`, 200,
			`{"name":"Special Offer","description":null,"price":38.6,"items":[{"name":"Foo","description":null,"price":35.4,"tax":null,"tags":[],"images":[`+image+`]}]}`),
		post("empty body", "/offers/", `{}`, 422, `{"detail":[
			{"loc":["body","name"],"input":{},"msg":"Field required","type":"missing"},
			{"loc":["body","price"],"input":{},"msg":"Field required","type":"missing"},
			{"loc":["body","items"],"input":{},"msg":"Field required","type":"missing"}]}`),
		post("missing required in items", "/offers/", `{"name":"Special Offer","price":38.6,"items":[{}]}`, 422, `{"detail":[
			{"loc":["body","items",0,"name"],"input":{},"msg":"Field required","type":"missing"},
			{"loc":["body","items",0,"price"],"input":{},"msg":"Field required","type":"missing"}]}`),
		post("missing required in images", "/offers/", `{"name":"Special Offer","price":38.6,"items":[{"name":"Foo","price":35.4,"images":[{}]}]}`, 422, `{"detail":[
			{"loc":["body","items",0,"images",0,"url"],"input":{},"msg":"Field required","type":"missing"},
			{"loc":["body","items",0,"images",0,"name"],"input":{},"msg":"Field required","type":"missing"}]}`),
		post("items null", "/offers/", `{"name":"Special Offer","price":38.6,"items":null}`, 422,
			`{"detail":[{"type":"list_type","loc":["body","items"],"msg":"Input should be a valid list","input":null}]}`),
		post("an item not a model", "/offers/", `{"name":"Special Offer","price":38.6,"items":[{"name":"Foo","price":1},"x"]}`, 422,
			`{"detail":[{"type":"model_attributes_type","loc":["body","items",1],"msg":"Input should be a valid dictionary or object to extract fields from","input":"x"}]}`),
		post("a nested price", "/offers/", `{"name":"Special Offer","price":true,"items":[{"name":"Foo","price":"x"}]}`, 422,
			`{"detail":[{"type":"float_parsing","loc":["body","items",0,"price"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"}]}`),
	})
}

// TestCreateMultipleImages makes the requests of FastAPI's
// test_tutorial008.py (its client follows the 307 to the trailing slash).
func TestCreateMultipleImages(t *testing.T) {
	data := `[{"url":"http://example.com/","name":"Example"},{"url":"http://fastapi.tiangolo.com/","name":"FastAPI"}]`
	exampletest.Run(t, newApp(), []exampletest.Case{
		post("post body", "/images/multiple", data, 200, data),
		post("invalid list item", "/images/multiple/", `[{"url":"not a valid url","name":"Example"}]`, 422,
			`{"detail":[{"loc":["body",0,"url"],"input":"not a valid url","msg":"Input should be a valid URL, relative URL without a base","type":"url_parsing","ctx":{"error":"relative URL without a base"}}]}`),
		post("not a list", "/images/multiple/", `{"url":"http://example.com/","name":"Example"}`, 422,
			`{"detail":[{"loc":["body"],"input":{"name":"Example","url":"http://example.com/"},"msg":"Input should be a valid list","type":"list_type"}]}`),
		post("empty list", "/images/multiple/", `[]`, 200, `[]`),
		post("URL too long", "/images/multiple/", `[{"url":"http://example.com/`+strings.Repeat("a", 2065)+`","name":"x"}]`, 422,
			`{"detail":[{"type":"url_too_long","loc":["body",0,"url"],"msg":"URL should have at most 2083 characters","input":"http://example.com/`+strings.Repeat("a", 2065)+`","ctx":{"max_length":2083}}]}`),
		post("no host", "/images/multiple/", `[{"url":"http://","name":"x"}]`, 422,
			`{"detail":[{"type":"url_parsing","loc":["body",0,"url"],"msg":"Input should be a valid URL, empty host","input":"http://","ctx":{"error":"empty host"}}]}`),
		post("bad port", "/images/multiple/", `[{"url":"https://example.com:99999/","name":"x"}]`, 422,
			`{"detail":[{"type":"url_parsing","loc":["body",0,"url"],"msg":"Input should be a valid URL, invalid port number","input":"https://example.com:99999/","ctx":{"error":"invalid port number"}}]}`),
		post("normalised", "/images/multiple/", `[{"url":"https://Example.com:443/a/./b/../c d?x=1#y","name":"x"}]`, 200,
			`[{"url":"https://example.com/a/c%20d?x=1#y","name":"x"}]`),
		post("invalid JSON", "/images/multiple/", `[{"url": "http://example.com/", "name": "x"} {}]`, 422,
			`{"detail":[{"type":"json_invalid","loc":["body",45],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting ',' delimiter"}}]}`),
		post("empty JSON", "/images/multiple/", ` `, 422,
			`{"detail":[{"type":"json_invalid","loc":["body",1],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting value"}}]}`),
		{Name: "no Content-Type", Method: "POST", Path: "/images/multiple/", Body: `[]`, Status: 422,
			JSON: `{"detail":[{"type":"list_type","loc":["body"],"msg":"Input should be a valid list","input":"[]"}]}`},
		{Name: "no body", Method: "POST", Path: "/images/multiple/", Status: 422,
			JSON: `{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}`},
	})
}

// TestCreateIndexWeights makes the requests of FastAPI's
// test_tutorial009.py: keys are ints, values floats.
func TestCreateIndexWeights(t *testing.T) {
	exampletest.Run(t, newApp(), []exampletest.Case{
		post("post body", "/index-weights/", `{"2": 2.2, "3": 3.3}`, 200, `{"2": 2.2, "3": 3.3}`),
		post("invalid key", "/index-weights/", `{"foo": 2.2, "3": 3.3}`, 422,
			`{"detail":[{"type":"int_parsing","loc":["body","foo","[key]"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"foo"}]}`),
		post("keys as pydantic reads an int", "/index-weights/", `{" 007 ": "1.5", "-1": 2, "1_0": true, "4.0": 1e2}`, 200,
			`{"7":1.5,"-1":2.0,"10":1.0,"4":100.0}`),
		post("invalid value", "/index-weights/", `{"1": "x", "2": null, "x": []}`, 422, `{"detail":[
			{"type":"float_parsing","loc":["body","1"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"},
			{"type":"float_type","loc":["body","2"],"msg":"Input should be a valid number","input":null},
			{"type":"int_parsing","loc":["body","x","[key]"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},
			{"type":"float_type","loc":["body","x"],"msg":"Input should be a valid number","input":[]}]}`),
		post("not a dict", "/index-weights/", `[]`, 422,
			`{"detail":[{"type":"dict_type","loc":["body"],"msg":"Input should be a valid dictionary","input":[]}]}`),
		post("empty dict", "/index-weights/", `{}`, 200, `{}`),
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema snapshots of the four
// tutorials.
func TestOpenAPI(t *testing.T) {
	doc := exampletest.Golden(t, newApp())
	image := `{"type":"object","required":["url","name"],"properties":{
		"url":{"type":"string","format":"uri","minLength":1,"maxLength":2083},"name":{"type":"string"}}}`
	exampletest.Expect(t, doc, image, "components", "schemas", "Image")
	exampletest.Expect(t, doc, `{"type":"object","required":["name","price"],"properties":{
		"name":{"type":"string"},
		"description":{"type":["null","string"]},
		"price":{"type":"number","format":"double"},
		"tax":{"type":["null","number"]},
		"tags":{"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]},
		"images":{"type":["null","array"],"items":{"$ref":"#/components/schemas/Image"}}}}`, "components", "schemas", "Item")
	exampletest.Expect(t, doc, `{"type":"object","required":["name","price","items"],"properties":{
		"name":{"type":"string"},
		"description":{"type":["null","string"]},
		"price":{"type":"number","format":"double"},
		"items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}}}`, "components", "schemas", "Offer")
	body := func(path string) []string {
		return []string{"paths", path, "post", "requestBody", "content", "application/json", "schema"}
	}
	exampletest.Expect(t, doc, `{"$ref":"#/components/schemas/Item"}`, "paths", "/items/{item_id}", "put", "requestBody", "content", "application/json", "schema")
	exampletest.Expect(t, doc, `{"$ref":"#/components/schemas/Offer"}`, body("/offers/")...)
	exampletest.Expect(t, doc, `{"type":"array","items":{"$ref":"#/components/schemas/Image"}}`, body("/images/multiple/")...)
	exampletest.Expect(t, doc, `{"type":"object","additionalProperties":{"type":"number","format":"double"}}`, body("/index-weights/")...)
	for path, id := range map[string]string{
		"/offers/":          "create_offer_offers__post",
		"/images/multiple/": "create_multiple_images_images_multiple__post",
		"/index-weights/":   "create_index_weights_index_weights__post",
	} {
		exampletest.Expect(t, doc, `"`+id+`"`, "paths", path, "post", "operationId")
		exampletest.Expect(t, doc, `true`, "paths", path, "post", "requestBody", "required")
	}
	exampletest.Expect(t, doc, `"update_item_items__item_id__put"`, "paths", "/items/{item_id}", "put", "operationId")
}
