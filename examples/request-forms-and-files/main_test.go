package main

import (
	"strings"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// part is one part of a multipart body; a file when file is true, with
// its Content-Type when contentType is not empty.
type part struct {
	name, filename, contentType, data string
	file                              bool
}

func file(name, filename, data string) part {
	return part{name: name, filename: filename, data: data, file: true}
}
func text(name, data string) part { return part{name: name, data: data} }

// post sends parts to /files/ as multipart/form-data.
func post(name string, status int, want string, parts ...part) Case {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString("--b0undary\r\nContent-Disposition: form-data; name=\"" + p.name + "\"")
		if p.file {
			b.WriteString("; filename=\"" + p.filename + "\"")
		}
		if p.contentType != "" {
			b.WriteString("\r\nContent-Type: " + p.contentType)
		}
		b.WriteString("\r\n\r\n" + p.data + "\r\n")
	}
	b.WriteString("--b0undary--\r\n")
	return Case{Name: name, Method: "POST", Path: "/files/", Header: H("Content-Type", "multipart/form-data; boundary=b0undary"),
		Body: b.String(), Status: status, JSON: want}
}

func missing(names ...string) string {
	var errs []string
	for _, n := range names {
		errs = append(errs, `{"type":"missing","loc":["body","`+n+`"],"msg":"Field required","input":null}`)
	}
	return `{"detail":[` + strings.Join(errs, ",") + `]}`
}

// TestCreateFile makes the requests of FastAPI's test_tutorial001.py, then
// the spec's edge cases.
func TestCreateFile(t *testing.T) {
	fileb := part{name: "fileb", filename: "testb.txt", contentType: "text/plain", data: "<file b content>", file: true}
	Run(t, newApp(), []Case{
		{Name: "post form no body", Method: "POST", Path: "/files/", Status: 422, JSON: missing("file", "fileb", "token")},
		{Name: "post form no file", Method: "POST", Path: "/files/", Form: Form("token=foo"), Status: 422, JSON: missing("file", "fileb")},
		{Name: "post body json", Method: "POST", Path: "/files/", Header: H("Content-Type", "application/json"),
			Body: `{"file":"Foo","token":"Bar"}`, Status: 422, JSON: missing("file", "fileb", "token")},
		post("post file no token", 422, missing("fileb", "token"), file("file", "test.txt", "<file content>")),
		post("post files and token", 200, `{"file_size":14,"token":"foo","fileb_content_type":"text/plain"}`,
			text("token", "foo"), file("file", "test.txt", "<file content>"), fileb),

		post("no Content-Type on fileb: null", 200, `{"file_size":1,"token":"foo","fileb_content_type":null}`,
			text("token", "foo"), file("file", "a", "1"), file("fileb", "b", "2")),
		post("the Content-Type as sent", 200, `{"file_size":1,"token":"foo","fileb_content_type":"Image/PNG; x=1"}`,
			text("token", "foo"), file("file", "a", "1"), part{name: "fileb", filename: "b", contentType: "Image/PNG; x=1", file: true}),
		post("bytes take a text field, counted in bytes", 200, `{"file_size":6,"token":"foo","fileb_content_type":"text/plain"}`,
			text("token", "foo"), text("file", "héllo"), fileb),
		post("an empty text field is missing", 422, missing("file", "token"), text("token", ""), text("file", ""), fileb),
		post("an empty file is a file", 200, `{"file_size":0,"token":"t","fileb_content_type":null}`,
			text("token", "t"), file("file", "", ""), file("fileb", "", "")),
		post("the last part counts", 200, `{"file_size":2,"token":"b","fileb_content_type":"text/plain"}`,
			text("token", "a"), text("token", "b"), file("file", "x", "1"), file("file", "y", "22"), fileb),
		post("text is no UploadFile", 422, `{"detail":[{"type":"value_error","loc":["body","fileb"],
			"msg":"Value error, Expected UploadFile, received: <class 'str'>","input":"abc","ctx":{"error":{}}}]}`,
			text("token", "t"), file("file", "a", "1"), text("fileb", "abc")),
		post("errors gather", 422, `{"detail":[{"type":"missing","loc":["body","file"],"msg":"Field required","input":null},
			{"type":"value_error","loc":["body","fileb"],"msg":"Value error, Expected UploadFile, received: <class 'str'>","input":"abc","ctx":{"error":{}}},
			{"type":"missing","loc":["body","token"],"msg":"Field required","input":null}]}`,
			text("fileb", "abc")),
		{Name: "missing boundary", Method: "POST", Path: "/files/", Header: H("Content-Type", "multipart/form-data"),
			Body: "--b0undary--\r\n", Status: 400, JSON: `{"detail":"Missing boundary in multipart."}`},
		{Name: "broken body", Method: "POST", Path: "/files/", Header: H("Content-Type", "multipart/form-data; boundary=b0undary"),
			Body: "--b0undaryX\r\n\r\n", Status: 400, JSON: `{"detail":"There was an error parsing the body"}`},
		{Name: "GET: method not allowed", Path: "/files/", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		NotFound,
	})
}

func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "POST /files redirects", Method: "POST", Path: "/files", To: "/files/"},
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema: a multipart body whose
// properties file and fileb are files and token a string, all required.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	op := []string{"paths", "/files/", "post"}
	Expect(t, doc, `"create_file_files__post"`, append(op, "operationId")...)
	Expect(t, doc, `"Create File"`, append(op, "summary")...)
	Expect(t, doc, `{"required":true,"content":{"multipart/form-data":{"schema":{"$ref":"#/components/schemas/Body_create_file_files__post"}}}}`,
		append(op, "requestBody")...)
	Expect(t, doc, `{"type":"object","required":["file","fileb","token"],"properties":{
		"file":{"type":"string","contentMediaType":"application/octet-stream"},
		"fileb":{"type":"string","contentMediaType":"application/octet-stream"},
		"token":{"type":"string"}}}`, "components", "schemas", "Body_create_file_files__post")
	Expect(t, doc, `{"description":"Successful Response","content":{"application/json":{"schema":{}}}}`, append(op, "responses", "200")...)
	Expect(t, doc, `"#/components/schemas/HTTPValidationError"`, append(op, "responses", "422", "content", "application/json", "schema", "$ref")...)
}
