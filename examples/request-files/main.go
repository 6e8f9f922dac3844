// Command request-files is FastAPI's "Request Files" tutorial
// (docs_src/request_files/tutorial003_an_py310.py) in Go: several files
// uploaded under one form field, read whole as bytes or kept as uploaded
// files, and an HTML page with the two forms.
// https://fastapi.tiangolo.com/tutorial/request-files/#multiple-file-uploads
//
//	@app.post("/files/")
//	async def create_files(
//	    files: Annotated[list[bytes], File(description="Multiple files as bytes")],
//	):
//	    return {"file_sizes": [len(file) for file in files]}
//
//	@app.post("/uploadfiles/")
//	async def create_upload_files(
//	    files: Annotated[list[UploadFile], File(description="Multiple files as UploadFile")],
//	):
//	    return {"filenames": [file.filename for file in files]}
//
//	@app.get("/")
//	async def main():
//	    return HTMLResponse(content=…)
//
// A form field of type [][]byte is FastAPI's list[bytes], one of type
// []typed.UploadFile its list[UploadFile]; both make the body
// multipart/form-data in OpenAPI. An UploadFile larger than 1 MiB waits
// in a temporary file, removed when the request ends; BodyLimit sets the
// routes' body limit. The handlers answer dicts, so their result type is
// any, which FastAPI documents as any JSON; the page is a typed.HTML
// returned through any, as the tutorial returns an HTMLResponse, so it is
// documented as JSON too.
//
// Try it with `go run ./examples/request-files` and open
// http://127.0.0.1:8000/, or:
//
//	curl -F files=@go.mod -F files=@go.sum 127.0.0.1:8000/files/
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Files is create_files' form: every part named files, read whole.
type Files struct {
	Files [][]byte `form:"files" description:"Multiple files as bytes"`
}

// UploadFiles is create_upload_files' form: every part named files, as
// uploaded files.
type UploadFiles struct {
	Files []typed.UploadFile `form:"files" description:"Multiple files as UploadFile"`
}

func createFiles(_ echo.Context, f Files) (any, error) {
	sizes := make([]int, len(f.Files))
	for i, file := range f.Files {
		sizes[i] = len(file)
	}
	return map[string][]int{"file_sizes": sizes}, nil
}

func createUploadFiles(_ echo.Context, f UploadFiles) (any, error) {
	names := make([]string, len(f.Files))
	for i, file := range f.Files {
		names[i] = file.Filename
	}
	return map[string][]string{"filenames": names}, nil
}

// maxUpload is the upload routes' body limit (a larger body is a 413).
// FastAPI sets none; the API's default, 1 MiB, is for JSON bodies.
const maxUpload = 32 << 20

const page = `
<body>
<form action="/files/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
<form action="/uploadfiles/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
</body>
    `

// mainPage is the tutorial's main: Go's main is the program's.
func mainPage(echo.Context, struct{}) (any, error) { return typed.HTML(page), nil }

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.POST("/files/", typed.Plain(createFiles).BodyLimit(maxUpload))
	app.POST("/uploadfiles/", typed.Plain(createUploadFiles).BodyLimit(maxUpload))
	app.Register(typed.Operation{Method: http.MethodGet, Path: "/", OperationID: "main__get", Summary: "Main"}, typed.Plain(mainPage))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
