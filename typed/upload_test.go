package typed_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// part is one part of a multipart body: a file when file is true.
type part struct {
	name, filename, contentType string
	file                        bool
	data                        string
}

func field(name, value string) part { return part{name: name, data: value} }

func filePart(name, filename, data string) part {
	return part{name: name, filename: filename, file: true, data: data}
}

// multipartOf encodes parts with boundary "xyz", as a browser does.
func multipartOf(parts ...part) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString("--xyz\r\nContent-Disposition: form-data; name=\"" + p.name + "\"")
		if p.file {
			b.WriteString("; filename=\"" + p.filename + "\"")
		}
		b.WriteString("\r\n")
		if p.contentType != "" {
			b.WriteString("Content-Type: " + p.contentType + "\r\n")
		}
		b.WriteString("\r\n" + p.data + "\r\n")
	}
	b.WriteString("--xyz--\r\n")
	return b.String()
}

const mpType = "multipart/form-data; boundary=xyz"

type filesForm struct {
	Files [][]byte `form:"files" description:"Multiple files as bytes"`
}

type uploadsForm struct {
	Files []typed.UploadFile `form:"files"`
}

type mixedForm struct {
	File  []byte            `form:"file"`
	FileB *typed.UploadFile `form:"fileb" required:"true"`
	Token string            `form:"token" validate:"min=2"`
	Count int               `form:"count" default:"1"`
}

func uploadApp(t *testing.T) *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(&typed.Options{Logger: discardLogger()})
	api := echov4.NewWithOptions(e, &typed.Options{Logger: discardLogger()})
	api.POST("/files/", typed.Plain(func(_ echo.Context, f filesForm) (map[string][]int, error) {
		sizes := []int{}
		for _, b := range f.Files {
			sizes = append(sizes, len(b))
		}
		return map[string][]int{"file_sizes": sizes}, nil
	}))
	api.POST("/uploadfiles/", typed.Plain(func(_ echo.Context, f uploadsForm) (map[string][]string, error) {
		names := []string{}
		for _, u := range f.Files {
			names = append(names, u.Filename)
		}
		return map[string][]string{"filenames": names}, nil
	}))
	api.POST("/mixed/", typed.Plain(func(_ echo.Context, f mixedForm) (map[string]any, error) {
		var ct any
		if v, ok := f.FileB.Header["Content-Type"]; ok {
			ct = v[0]
		}
		content, err := f.FileB.Bytes()
		if err != nil {
			return nil, err
		}
		return map[string]any{"file_size": len(f.File), "token": f.Token, "count": f.Count,
			"fileb_content_type": ct, "fileb": string(content), "fileb_size": f.FileB.Size}, nil
	}))
	return e
}

func TestUploads(t *testing.T) {
	e := uploadApp(t)
	named := func(filename string) part { return filePart("files", filename, "x") }
	typedFile := part{name: "fileb", filename: "b.txt", file: true, contentType: "text/plain", data: "<file b content>"}
	serve(t, e, []call{
		{name: "several files as bytes", method: "POST", target: "/files/", contentType: mpType,
			body:       multipartOf(filePart("files", "test.txt", "<file content>"), filePart("files", "test2.txt", "<file content2>")),
			wantStatus: 200, wantBody: `{"file_sizes":[14,15]}`},
		{name: "sizes in bytes, not characters", method: "POST", target: "/files/", contentType: mpType,
			body: multipartOf(filePart("files", "a", "é")), wantStatus: 200, wantBody: `{"file_sizes":[2]}`},
		{name: "an empty filename is a file", method: "POST", target: "/files/", contentType: mpType,
			body: multipartOf(filePart("files", "", "abc")), wantStatus: 200, wantBody: `{"file_sizes":[3]}`},
		{name: "no files", method: "POST", target: "/files/", contentType: mpType, body: multipartOf(field("other", "x")),
			wantStatus: 422, wantBody: `{"detail":[{"type":"missing","loc":["body","files"],"msg":"Field required","input":null}]}`},
		{name: "a text part among list[bytes] is FastAPI's 500", method: "POST", target: "/files/", contentType: mpType,
			body: multipartOf(filePart("files", "a", "x"), field("files", "text")), wantStatus: 500},
		{name: "filenames as sent", method: "POST", target: "/uploadfiles/", contentType: mpType,
			body:       multipartOf(named("test.txt"), named("dir/test2.txt"), named(`C:\Users\me\ie.txt`), named("é.txt")),
			wantStatus: 200, wantBody: `{"filenames":["test.txt","dir/test2.txt","ie.txt","é.txt"]}`},
		{name: "text where UploadFile is expected", method: "POST", target: "/uploadfiles/", contentType: mpType,
			body: multipartOf(named("a.txt"), field("files", "abc"), field("files", "")), wantStatus: 422,
			wantBody: `{"detail":[
				{"type":"value_error","loc":["body","files",1],"msg":"Value error, Expected UploadFile, received: <class 'str'>","input":"abc","ctx":{"error":{}}},
				{"type":"value_error","loc":["body","files",2],"msg":"Value error, Expected UploadFile, received: <class 'str'>","input":"","ctx":{"error":{}}}]}`},
		{name: "files, text and a header", method: "POST", target: "/mixed/", contentType: mpType,
			body:       multipartOf(field("token", "foo"), filePart("file", "test.txt", "<file content>"), typedFile),
			wantStatus: 200, wantBody: `{"file_size":14,"token":"foo","count":1,"fileb_content_type":"text/plain","fileb":"<file b content>","fileb_size":16}`},
		{name: "no Content-Type: null", method: "POST", target: "/mixed/", contentType: mpType,
			body:       multipartOf(field("token", "foo"), filePart("file", "a", ""), filePart("fileb", "b", "")),
			wantStatus: 200, wantBody: `{"file_size":0,"token":"foo","count":1,"fileb_content_type":null,"fileb":"","fileb_size":0}`},
		{name: "bytes take a text field", method: "POST", target: "/mixed/", contentType: mpType,
			body:       multipartOf(field("token", "foo"), field("file", "héllo"), typedFile, field("count", "3")),
			wantStatus: 200, wantBody: `{"file_size":6,"token":"foo","count":3,"fileb_content_type":"text/plain","fileb":"<file b content>","fileb_size":16}`},
		{name: "the last part of a scalar field counts", method: "POST", target: "/mixed/", contentType: mpType,
			body:       multipartOf(field("token", "a"), field("token", "foo"), filePart("file", "a", "1"), filePart("file", "b", "22"), typedFile),
			wantStatus: 200, wantBody: `{"file_size":2,"token":"foo","count":1,"fileb_content_type":"text/plain","fileb":"<file b content>","fileb_size":16}`},
		{name: "files validated with the other fields", method: "POST", target: "/mixed/", contentType: mpType,
			body: multipartOf(field("token", "f"), field("file", ""), field("fileb", "text"), filePart("count", "c.txt", "1")), wantStatus: 422,
			wantBody: `{"detail":[
				{"type":"missing","loc":["body","file"],"msg":"Field required","input":null},
				{"type":"value_error","loc":["body","fileb"],"msg":"Value error, Expected UploadFile, received: <class 'str'>","input":"text","ctx":{"error":{}}},
				{"type":"string_too_short","loc":["body","token"],"msg":"String should have at least 2 characters","input":"f","ctx":{"min_length":2}},
				{"type":"int_type","loc":["body","count"],"msg":"Input should be a valid integer","input":{"filename":"c.txt","size":1,"headers":{"content-disposition":"form-data; name=\"count\"; filename=\"c.txt\""}}}]}`},
		{name: "a file where text is expected", method: "POST", target: "/mixed/", contentType: mpType,
			body: multipartOf(filePart("token", "t.txt", "abc"), filePart("file", "a", "1"), typedFile), wantStatus: 422,
			wantBody: `{"detail":[{"type":"string_type","loc":["body","token"],"msg":"Input should be a valid string","input":{"filename":"t.txt","size":3,"headers":{"content-disposition":"form-data; name=\"token\"; filename=\"t.txt\""}}}]}`},
		{name: "no body", method: "POST", target: "/mixed/", wantStatus: 422, wantBody: `{"detail":[
			{"type":"missing","loc":["body","file"],"msg":"Field required","input":null},
			{"type":"missing","loc":["body","fileb"],"msg":"Field required","input":null},
			{"type":"missing","loc":["body","token"],"msg":"Field required","input":null}]}`},
		{name: "a JSON body has no fields", method: "POST", target: "/mixed/", contentType: "application/json", body: `{"file":"Foo","token":"Bar"}`,
			wantStatus: 422},
		{name: "urlencoded: text fields only", method: "POST", target: "/mixed/", contentType: "application/x-www-form-urlencoded",
			body: "token=foo&file=abc", wantStatus: 422,
			wantBody: `{"detail":[{"type":"missing","loc":["body","fileb"],"msg":"Field required","input":null}]}`},
		{name: "an empty multipart body", method: "POST", target: "/files/", contentType: mpType, wantStatus: 422},
		{name: "missing boundary", method: "POST", target: "/files/", contentType: "multipart/form-data", body: multipartOf(named("a")),
			wantStatus: 400, wantBody: `{"detail":"Missing boundary in multipart."}`},
		{name: "broken boundary", method: "POST", target: "/files/", contentType: "multipart/form-data; boundary=other", body: multipartOf(named("a")),
			wantStatus: 400, wantBody: `{"detail":"There was an error parsing the body"}`},
		{name: "junk after the boundary", method: "POST", target: "/files/", contentType: mpType, body: "--xyzjunk\r\n" + multipartOf(named("a")),
			wantStatus: 400, wantBody: `{"detail":"There was an error parsing the body"}`},
		{name: "leading newlines skip to the first '-'", method: "POST", target: "/files/", contentType: mpType,
			body: "\r\njunk" + multipartOf(named("a")), wantStatus: 200, wantBody: `{"file_sizes":[1]}`},
		{name: "a part without a name", method: "POST", target: "/files/", contentType: mpType,
			body:       "--xyz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--xyz--\r\n",
			wantStatus: 400, wantBody: `{"detail":"The Content-Disposition header field \"name\" must be provided."}`},
		{name: "truncated: the parts read so far", method: "POST", target: "/files/", contentType: mpType,
			body:       strings.TrimSuffix(multipartOf(named("a"), filePart("files", "b", "yy")), "yy\r\n--xyz--\r\n"),
			wantStatus: 200, wantBody: `{"file_sizes":[1]}`},
		{name: "too many files", method: "POST", target: "/files/", contentType: mpType, body: multipartOf(repeat(named("a"), 1001)...),
			wantStatus: 400, wantBody: `{"detail":"Too many files. Maximum number of files is 1000."}`},
		{name: "too many fields", method: "POST", target: "/files/", contentType: mpType, body: multipartOf(repeat(field("f", "a"), 1001)...),
			wantStatus: 400, wantBody: `{"detail":"Too many fields. Maximum number of fields is 1000."}`},
	})
}

func repeat(p part, n int) []part {
	out := make([]part, n)
	for i := range out {
		out[i] = p
	}
	return out
}

// TestUploadLimits: a route's body limit holds for streamed uploads;
// files beyond 1 MiB are spooled to temporary files that are gone when
// the request ends, whatever its outcome.
func TestUploadLimits(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	spooled := func() []string {
		names, _ := filepath.Glob(filepath.Join(tmp, "fastecho-upload-*"))
		return names
	}
	var during []string
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(&typed.Options{Logger: discardLogger()})
	api := echov4.NewWithOptions(e, &typed.Options{Logger: discardLogger()})
	size := func(_ echo.Context, f struct {
		File typed.UploadFile `form:"file"`
		Name string           `form:"name"`
		Fail string           `form:"fail" required:"false"`
	}) (map[string]any, error) {
		during = spooled()
		switch f.Fail {
		case "error":
			return nil, typed.NewHTTPError(http.StatusConflict, "refused")
		case "panic":
			panic("in the handler")
		}
		r, err := f.File.Open()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		n, err := io.Copy(io.Discard, r)
		return map[string]any{"size": f.File.Size, "read": n, "name": f.Name}, err
	}
	api.POST("/big", typed.Plain(size).BodyLimit(32<<20))
	api.Register(typed.Operation{Method: http.MethodPost, Path: "/op-limit", MaxBodyBytes: 1 << 10}, typed.Plain(size).BodyLimit(32<<20))
	api.POST("/default", typed.Plain(size))
	api.POST("/text", typed.Plain(func(_ echo.Context, f struct {
		Name string `form:"name"`
	}) (string, error) {
		return f.Name, nil
	}).BodyLimit(8<<20))

	srv := httptest.NewServer(e)
	defer srv.Close()
	post := func(path, body string, chunked bool) (int, string) {
		var rd io.Reader = strings.NewReader(body)
		if chunked {
			rd = io.MultiReader(rd) // hides the length: sent chunked
		}
		req, _ := http.NewRequest(http.MethodPost, srv.URL+path, rd)
		req.Header.Set("Content-Type", mpType)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	mb := func(n int) string { return strings.Repeat("x", n<<20) }
	for _, tt := range []struct {
		name, path, body string
		chunked          bool
		wantStatus       int
		wantBody         string
		wantSpooled      int // temporary files while the handler ran
	}{
		{name: "20 MB under a 32 MB limit", path: "/big", body: multipartOf(field("name", "n"), filePart("file", "big.bin", mb(20))),
			wantStatus: 200, wantBody: fmt.Sprintf(`{"size":%d,"read":%d,"name":"n"}`, 20<<20, 20<<20), wantSpooled: 1},
		{name: "20 MB chunked", path: "/big", chunked: true, body: multipartOf(filePart("file", "big.bin", mb(20)), field("name", "n")),
			wantStatus: 200, wantBody: fmt.Sprintf(`{"size":%d,"read":%d,"name":"n"}`, 20<<20, 20<<20), wantSpooled: 1},
		{name: "1 MiB stays in memory", path: "/big", body: multipartOf(field("name", "n"), filePart("file", "f", mb(1))),
			wantStatus: 200, wantSpooled: 0},
		{name: "a part over the limit", path: "/big", body: multipartOf(field("name", "n"), filePart("file", "big.bin", mb(33))),
			wantStatus: 413, wantBody: `{"detail":"Request body too large"}`},
		{name: "a part over the limit, chunked", path: "/big", chunked: true, body: multipartOf(filePart("file", "big.bin", mb(33))),
			wantStatus: 413, wantBody: `{"detail":"Request body too large"}`},
		{name: "the operation's limit wins", path: "/op-limit", body: multipartOf(filePart("file", "f", mb(1))), wantStatus: 413},
		{name: "the API's limit by default", path: "/default", chunked: true, body: multipartOf(filePart("file", "f", mb(2))), wantStatus: 413},
		{name: "a handler's error", path: "/big", body: multipartOf(filePart("file", "big.bin", mb(2)), field("name", "n"), field("fail", "error")),
			wantStatus: 409, wantSpooled: 1},
		{name: "a panic", path: "/big", body: multipartOf(filePart("file", "big.bin", mb(2)), field("name", "n"), field("fail", "panic")),
			wantStatus: 500, wantSpooled: 1},
		{name: "validation fails after a spooled file", path: "/big", body: multipartOf(filePart("file", "big.bin", mb(2))),
			wantStatus: 422, wantSpooled: -1},
		{name: "a text field over 1 MiB", path: "/text", body: multipartOf(field("name", mb(1)+"x")),
			wantStatus: 400, wantBody: `{"detail":"Part exceeded maximum size of 1024KB."}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			during = nil
			status, body := post(tt.path, tt.body, tt.chunked)
			if status != tt.wantStatus || tt.wantBody != "" && !sameJSON([]byte(body), tt.wantBody) {
				t.Errorf("answer %d %.200s", status, body)
			}
			if tt.wantSpooled >= 0 && len(during) != tt.wantSpooled {
				t.Errorf("%d temporary files during the request, want %d", len(during), tt.wantSpooled)
			}
			if left := spooled(); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestFormParsedOnce: Form and the form binding read one body, parsed
// once: a dependency that reads the text fields and a handler that reads
// the file see the same request.
func TestFormParsedOnce(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	token := typed.Bind[struct {
		Token string `form:"token"`
	}]()
	api.POST("/", typed.Handle(token, func(_ echo.Context, f struct {
		File []byte `form:"file"`
	}, tok struct {
		Token string `form:"token"`
	}) (string, error) {
		return tok.Token + ":" + string(f.File), nil
	}))
	w := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewBufferString(multipartOf(field("token", "t"), filePart("file", "f", "content"))))
	req.Header.Set("Content-Type", mpType)
	e.ServeHTTP(w, req)
	if strings.TrimSpace(w.Body.String()) != `"t:content"` {
		t.Errorf("got %d %s", w.Code, w.Body)
	}
}

// TestBodyLimitJSON: a route's limit holds for bodies read whole too.
func TestBodyLimitJSON(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	type body struct {
		Name string `json:"name"`
	}
	api.POST("/small", typed.Plain(func(_ echo.Context, b body) (body, error) { return b, nil }).BodyLimit(16))
	api.POST("/big", typed.Plain(func(_ echo.Context, b body) (int, error) { return len(b.Name), nil }).BodyLimit(4<<20))
	api.POST("/default", typed.Plain(func(_ echo.Context, b body) (int, error) { return len(b.Name), nil }))
	big := `{"name":"` + strings.Repeat("x", 2<<20) + `"}`
	serve(t, e, []call{
		{name: "under", method: "POST", target: "/small", contentType: "application/json", body: `{"name":"a"}`, wantStatus: 200},
		{name: "over", method: "POST", target: "/small", contentType: "application/json", body: `{"name":"abcdefghij"}`,
			wantStatus: 413, wantBody: `{"detail":"Request body too large"}`},
		{name: "a larger limit", method: "POST", target: "/big", contentType: "application/json", body: big, wantStatus: 200, wantBody: "2097152"},
		{name: "the API's by default", method: "POST", target: "/default", contentType: "application/json", body: big, wantStatus: 413},
	})
}
