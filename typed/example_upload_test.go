package typed_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// postFiles posts a multipart form to e: the fields, then one file per
// name=content pair, and prints the answer.
func postFiles(e *echo.Echo, target string, fields map[string]string, files ...string) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	for _, f := range files {
		name, content, _ := strings.Cut(f, "=")
		fw, _ := w.CreateFormFile(name, name+".txt")
		_, _ = io.WriteString(fw, content)
	}
	_ = w.Close()
	req := httptest.NewRequest(http.MethodPost, target, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
}

// Form fields of type []byte and UploadFile take uploaded files, FastAPI's
// bytes and UploadFile, validated with the other fields; the body is then
// documented as multipart/form-data.
func ExampleUploadFile() {
	type upload struct {
		Raw   []byte           `form:"raw"`
		Doc   typed.UploadFile `form:"doc"`
		Token string           `form:"token"`
	}
	e := echo.New()
	api := echov4.New(e)
	api.POST("/files/", typed.Plain(func(_ echo.Context, u upload) (map[string]any, error) {
		r, err := u.Doc.Open()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		content, err := io.ReadAll(r)
		return map[string]any{"raw": len(u.Raw), "doc": u.Doc.Filename, "content": string(content), "token": u.Token}, err
	}))

	postFiles(e, "/files/", map[string]string{"token": "t", "raw": "text is bytes too"}, "doc=hello")
	postFiles(e, "/files/", map[string]string{"doc": "text is no file"})
	fmt.Println(api.Operations()[0].Body.ContentType)
	// Output:
	// 200 {"content":"hello","doc":"doc.txt","raw":17,"token":"t"}
	// 422 {"detail":[{"type":"missing","loc":["body","raw"],"msg":"Field required","input":null},{"type":"value_error","loc":["body","doc"],"msg":"Value error, Expected UploadFile, received: \u003cclass 'str'\u003e","input":"text is no file","ctx":{"error":{}}},{"type":"missing","loc":["body","token"],"msg":"Field required","input":null}]}
	// multipart/form-data
}

// Bytes reads an uploaded file whole.
func ExampleUploadFile_Bytes() {
	e := echo.New()
	echov4.New(e).POST("/", typed.Plain(func(_ echo.Context, f struct {
		Files []*typed.UploadFile `form:"files"`
	}) ([]string, error) {
		var out []string
		for _, file := range f.Files {
			b, err := file.Bytes()
			if err != nil {
				return nil, err
			}
			out = append(out, file.Filename+":"+string(b))
		}
		return out, nil
	}))

	postFiles(e, "/", nil, "files=a", "files=b")
	// Output:
	// 200 ["files.txt:a","files.txt:b"]
}

// Open reads an uploaded file as a stream, from memory or, beyond 1 MiB,
// from its temporary file (removed when the request ends).
func ExampleUploadFile_Open() {
	e := echo.New()
	echov4.New(e).POST("/", typed.Plain(func(_ echo.Context, f struct {
		File typed.UploadFile `form:"file"`
	}) (int64, error) {
		r, err := f.File.Open()
		if err != nil {
			return 0, err
		}
		defer r.Close()
		return io.Copy(io.Discard, r)
	}).BodyLimit(8<<20))

	postFiles(e, "/", nil, "file="+strings.Repeat("x", 2<<20))
	// Output:
	// 200 2097152
}

// BodyLimit sets one route's body limit; an upload over it is a 413.
func ExampleHandler_BodyLimit() {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.New(e).POST("/small", typed.Plain(func(_ echo.Context, f struct {
		File []byte `form:"file"`
	}) (int, error) {
		return len(f.File), nil
	}).BodyLimit(1<<10))

	postFiles(e, "/small", nil, "file=tiny")
	postFiles(e, "/small", nil, "file="+strings.Repeat("x", 2<<10))
	// Output:
	// 200 4
	// 413 {"detail":"Request body too large"}
}

// Form returns the text fields of a form body, parsed once per request.
func ExampleForm() {
	e := echo.New()
	e.POST("/plain", func(c echo.Context) error {
		r := echov4.NewRequest(c)
		defer typed.Finish(r, nil)
		form, err := typed.Form(r)
		if err != nil {
			return echov4.Error(c, err)
		}
		return c.String(http.StatusOK, form["name"][0])
	})

	postFiles(e, "/plain", map[string]string{"name": "ann"}, "file=ignored")
	// Output:
	// 200 ann
}
