package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// part is one part of a multipart body; a file when file is true.
type part struct {
	name, filename, data string
	file                 bool
}

func file(name, filename, data string) part {
	return part{name: name, filename: filename, data: data, file: true}
}
func text(name, data string) part { return part{name: name, data: data} }

// upload posts parts to path as multipart/form-data, as a browser does.
func upload(name, path string, status int, want string, parts ...part) Case {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString("--b0undary\r\nContent-Disposition: form-data; name=\"" + p.name + "\"")
		if p.file {
			b.WriteString("; filename=\"" + p.filename + "\"\r\nContent-Type: text/plain")
		}
		b.WriteString("\r\n\r\n" + p.data + "\r\n")
	}
	b.WriteString("--b0undary--\r\n")
	return Case{Name: name, Method: "POST", Path: path, Header: H("Content-Type", "multipart/form-data; boundary=b0undary"),
		Body: b.String(), Status: status, JSON: want}
}

const missingFiles = `{"detail":[{"type":"missing","loc":["body","files"],"msg":"Field required","input":null}]}`

// TestFiles makes the requests of FastAPI's test_tutorial003.py, then the
// spec's edge cases: bytes counted in bytes, filenames as sent, an empty
// filename is a file, text is no UploadFile, and what FastAPI answers to
// bodies that are not multipart.
func TestFiles(t *testing.T) {
	valueError := func(i int, input string) string {
		return `{"type":"value_error","loc":["body","files",` + string(rune('0'+i)) + `],"msg":"Value error, Expected UploadFile, received: <class 'str'>","input":"` + input + `","ctx":{"error":{}}}`
	}
	Run(t, newApp(), []Case{
		upload("post files", "/files/", 200, `{"file_sizes":[14,15]}`,
			file("files", "test.txt", "<file content>"), file("files", "test2.txt", "<file content2>")),
		upload("post upload files", "/uploadfiles/", 200, `{"filenames":["test.txt","test2.txt"]}`,
			file("files", "test.txt", "<file content>"), file("files", "test2.txt", "<file content2>")),
		{Name: "get root", Path: "/", Status: 200, Want: map[string]string{"Content-Type": "text/html; charset=utf-8"}},

		upload("one file", "/files/", 200, `{"file_sizes":[0]}`, file("files", "empty.txt", "")),
		upload("sizes are bytes", "/files/", 200, `{"file_sizes":[2,3]}`, file("files", "a", "é"), file("files", "b", "€")),
		upload("an empty filename is a file", "/uploadfiles/", 200, `{"filenames":[""]}`, file("files", "", "x")),
		upload("filenames as sent", "/uploadfiles/", 200, `{"filenames":["dir/a b.txt","é.txt"]}`,
			file("files", "dir/a b.txt", "x"), file("files", "é.txt", "y")),
		upload("other fields are ignored", "/files/", 200, `{"file_sizes":[1]}`, text("token", "x"), file("files", "a", "1")),
		upload("a file beyond 1 MiB waits on disk", "/files/", 200, `{"file_sizes":[5242880,1]}`,
			file("files", "big.bin", strings.Repeat("x", 5<<20)), file("files", "small", "y")),
		upload("a body over the route's 32 MiB", "/uploadfiles/", 413, `{"detail":"Request body too large"}`,
			file("files", "huge.bin", strings.Repeat("x", 33<<20))),
		upload("no files", "/files/", 422, missingFiles, text("other", "x")),
		upload("no files to upload", "/uploadfiles/", 422, missingFiles),
		upload("text is no UploadFile", "/uploadfiles/", 422, `{"detail":[`+valueError(1, "abc")+`]}`,
			file("files", "a", "1"), text("files", "abc")),
		upload("text among list[bytes] fails as in FastAPI", "/files/", 500, "", file("files", "a", "1"), text("files", "abc")),
		{Name: "no body", Method: "POST", Path: "/files/", Status: 422, JSON: missingFiles},
		{Name: "JSON body", Method: "POST", Path: "/uploadfiles/", Header: H("Content-Type", "application/json"),
			Body: `{"files":["a"]}`, Status: 422, JSON: missingFiles},
		{Name: "urlencoded text is no UploadFile", Method: "POST", Path: "/uploadfiles/", Form: Form("files=abc"), Status: 422,
			JSON: `{"detail":[` + valueError(0, "abc") + `]}`},
		{Name: "missing boundary", Method: "POST", Path: "/files/", Header: H("Content-Type", "multipart/form-data"),
			Body: "--b0undary--\r\n", Status: 400, JSON: `{"detail":"Missing boundary in multipart."}`},
		{Name: "wrong boundary", Method: "POST", Path: "/files/", Header: H("Content-Type", "multipart/form-data; boundary=other"),
			Body: "--b0undary\r\n\r\n", Status: 400, JSON: `{"detail":"There was an error parsing the body"}`},
		{Name: "GET /files/: method not allowed", Path: "/files/", Status: 405, JSON: `{"detail":"Method Not Allowed"}`},
		NotFound,
	})
}

// TestPage: the page holds the tutorial's two forms.
func TestPage(t *testing.T) {
	rec := httptest.NewRecorder()
	newApp().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	page := strings.Join(strings.Fields(rec.Body.String()), " ")
	for _, want := range []string{
		`<body> <form action="/files/" enctype="multipart/form-data" method="post"> <input name="files" type="file" multiple> <input type="submit"> </form>`,
		`<form action="/uploadfiles/" enctype="multipart/form-data" method="post"> <input name="files" type="file" multiple> <input type="submit"> </form> </body>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page %q lacks %q", page, want)
		}
	}
}

func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(), []slashtest.Case{
		{Name: "POST /files redirects", Method: "POST", Path: "/files", To: "/files/"},
		{Name: "GET /uploadfiles?x=1 redirects", Path: "/uploadfiles?x=1", To: "/uploadfiles/?x=1"},
	})
}

// TestOpenAPI checks FastAPI's test_openapi_schema: both bodies are
// multipart/form-data with one required array of files, and GET / is
// documented as FastAPI documents it, JSON of any shape and no 422.
func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	for _, c := range []struct{ path, id, summary, body, description string }{
		{"/files/", "create_files_files__post", "Create Files", "Body_create_files_files__post", "Multiple files as bytes"},
		{"/uploadfiles/", "create_upload_files_uploadfiles__post", "Create Upload Files", "Body_create_upload_files_uploadfiles__post", "Multiple files as UploadFile"},
	} {
		op := []string{"paths", c.path, "post"}
		Expect(t, doc, `"`+c.id+`"`, append(op, "operationId")...)
		Expect(t, doc, `"`+c.summary+`"`, append(op, "summary")...)
		Expect(t, doc, `{"required":true,"content":{"multipart/form-data":{"schema":{"$ref":"#/components/schemas/`+c.body+`"}}}}`,
			append(op, "requestBody")...)
		Expect(t, doc, `{"type":"object","required":["files"],"properties":{"files":{"type":"array",
			"items":{"type":"string","contentMediaType":"application/octet-stream"},"description":"`+c.description+`"}}}`,
			"components", "schemas", c.body)
		Expect(t, doc, `{"description":"Successful Response","content":{"application/json":{"schema":{}}}}`, append(op, "responses", "200")...)
	}
	Expect(t, doc, `{"summary":"Main","operationId":"main__get","security":[],"responses":{"200":{"description":"Successful Response",
		"content":{"application/json":{"schema":{}}}}}}`, "paths", "/", "get")
}
