// Command handling-errors is FastAPI's "Handling Errors" tutorial
// (docs_src/handling_errors/tutorial001_py310.py and tutorial002_py310.py)
// in Go: an HTTPException with a detail, and one with a header of its own.
// https://fastapi.tiangolo.com/tutorial/handling-errors/
//
//	items = {"foo": "The Foo Wrestlers"}
//
//	@app.get("/items/{item_id}")
//	async def read_item(item_id: str):
//	    if item_id not in items:
//	        raise HTTPException(status_code=404, detail="Item not found")
//	    return {"item": items[item_id]}
//
//	@app.get("/items-header/{item_id}")
//	async def read_item_header(item_id: str):
//	    if item_id not in items:
//	        raise HTTPException(
//	            status_code=404,
//	            detail="Item not found",
//	            headers={"X-Error": "There goes my error"},
//	        )
//	    return {"item": items[item_id]}
//
// typed.HTTPError is FastAPI's HTTPException: the handler returns it as its
// error; the route sets its headers on the response and hands it to Echo's
// error handler, which answers {"detail": …}. The handlers answer dicts,
// so their result type is any.
//
// Try it with `go run ./examples/handling-errors`:
//
//	curl -i 127.0.0.1:8000/items-header/bar
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

var items = map[string]string{"foo": "The Foo Wrestlers"}

// ItemPath is the routes' parameter: item_id: str.
type ItemPath struct {
	ItemID string `path:"item_id"`
}

func readItem(_ echo.Context, p ItemPath) (any, error) {
	item, ok := items[p.ItemID]
	if !ok {
		return nil, typed.NewHTTPError(http.StatusNotFound, "Item not found")
	}
	return map[string]string{"item": item}, nil
}

func readItemHeader(_ echo.Context, p ItemPath) (any, error) {
	item, ok := items[p.ItemID]
	if !ok {
		return nil, typed.NewHTTPError(http.StatusNotFound, "Item not found", "X-Error", "There goes my error")
	}
	return map[string]string{"item": item}, nil
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.GET("/items/:item_id", typed.Plain(readItem))
	app.GET("/items-header/:item_id", typed.Plain(readItemHeader))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
