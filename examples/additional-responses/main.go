// Command additional-responses is FastAPI's "Additional Responses in
// OpenAPI" tutorial (docs_src/additional_responses/tutorial001_py310.py)
// in Go: a route that answers its model, or another model with another
// status, both documented.
// https://fastapi.tiangolo.com/advanced/additional-responses/
//
//	@app.get("/items/{item_id}", response_model=Item, responses={404: {"model": Message}})
//	async def read_item(item_id: str):
//	    if item_id == "foo":
//	        return {"id": "foo", "value": "there goes my hero"}
//	    return JSONResponse(status_code=404, content={"message": "Item not found"})
//
// The result type, Item, is FastAPI's response_model. Handler.Responses is
// its responses=…, and typed.Model[Message]() its {"model": Message}. The
// 404 is a typed.JSONResponse, returned in place of the error: the route
// writes it as it is (it is no error, and never reaches Echo's error
// handler), as FastAPI sends a JSONResponse returned by a path operation.
//
// Try it with `go run ./examples/additional-responses`:
//
//	curl -i 127.0.0.1:8000/items/bar
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Item is the route's model.
type Item struct {
	ID    string `json:"id"`
	Value string `json:"value"`
}

// Message is the model of its 404.
type Message struct {
	Message string `json:"message"`
}

// ItemPath is read_item's parameter: item_id: str.
type ItemPath struct {
	ItemID string `path:"item_id"`
}

func readItem(_ echo.Context, p ItemPath) (Item, error) {
	if p.ItemID == "foo" {
		return Item{ID: "foo", Value: "there goes my hero"}, nil
	}
	return Item{}, typed.JSONResponse{Status: http.StatusNotFound, Body: Message{Message: "Item not found"}}
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.GET("/items/:item_id", typed.Plain(readItem).Responses(typed.Responses{
		http.StatusNotFound: typed.Model[Message](),
	}))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
