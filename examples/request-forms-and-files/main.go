// Command request-forms-and-files is FastAPI's "Request Forms and Files"
// tutorial (docs_src/request_forms_and_files/tutorial001_an_py310.py) in
// Go: a file read whole, an uploaded file and a text field in one
// multipart form, all required and validated together.
// https://fastapi.tiangolo.com/tutorial/request-forms-and-files/
//
//	@app.post("/files/")
//	async def create_file(
//	    file: Annotated[bytes, File()],
//	    fileb: Annotated[UploadFile, File()],
//	    token: Annotated[str, Form()],
//	):
//	    return {
//	        "file_size": len(file),
//	        "token": token,
//	        "fileb_content_type": fileb.content_type,
//	    }
//
// A []byte form field is FastAPI's bytes: a file's content, or a text
// field's UTF-8. A typed.UploadFile field accepts only a file; text there
// is a 422 ("Value error, Expected UploadFile, received: <class 'str'>").
// The handler answers a dict, so its result type is any.
//
// Try it with `go run ./examples/request-forms-and-files`:
//
//	curl -F file=@go.mod -F 'fileb=@go.sum;type=text/plain' -F token=foo 127.0.0.1:8000/files/
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// FileForm is create_file's form.
type FileForm struct {
	File  []byte           `form:"file"`
	FileB typed.UploadFile `form:"fileb"`
	Token string           `form:"token"`
}

func createFile(_ echo.Context, f FileForm) (any, error) {
	return map[string]any{
		"file_size":          len(f.File),
		"token":              f.Token,
		"fileb_content_type": contentType(f.FileB),
	}, nil
}

// contentType is FastAPI's UploadFile.content_type: the part's
// Content-Type as sent, or null when it has none.
func contentType(f typed.UploadFile) *string {
	if v, ok := f.Header["Content-Type"]; ok {
		return &v[0]
	}
	return nil
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.POST("/files/", typed.Plain(createFile).BodyLimit(32<<20)) // FastAPI sets no limit; the API's is 1 MiB
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
