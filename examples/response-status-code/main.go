// Command response-status-code is FastAPI's "Response Status Code"
// tutorial (docs_src/response_status_code/tutorial001_py310.py) in Go: a
// route that answers 201 Created, documented with that status only.
// https://fastapi.tiangolo.com/tutorial/response-status-code/
//
//	@app.post("/items/", status_code=201)
//	async def create_item(name: str):
//	    return {"name": name}
//
// Handler.Status is FastAPI's status_code=…: it sets the success status
// on the method shortcuts too (api.Register's Operation.Status does the
// same). The handler answers a dict, so its result type is any.
//
// Try it with `go run ./examples/response-status-code`:
//
//	curl -i -X POST '127.0.0.1:8000/items/?name=Foo'
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// ItemQuery is create_item's parameter: name: str, from the query.
type ItemQuery struct {
	Name string `query:"name"`
}

func createItem(_ echo.Context, q ItemQuery) (any, error) {
	return map[string]string{"name": q.Name}, nil
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.POST("/items/", typed.Plain(createItem).Status(http.StatusCreated))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
