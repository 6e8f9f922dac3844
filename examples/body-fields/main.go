// Command body-fields is FastAPI's "Body - Fields" tutorial
// (docs_src/body_fields/tutorial001_an_py310.py) in Go: a model whose
// fields carry validation and documentation, embedded in the body under
// its parameter's name.
// https://fastapi.tiangolo.com/tutorial/body-fields/
//
//	class Item(BaseModel):
//	    name: str
//	    description: str | None = Field(
//	        default=None, title="The description of the item", max_length=300
//	    )
//	    price: float = Field(gt=0, description="The price must be greater than zero")
//	    tax: float | None = None
//
//	@app.put("/items/{item_id}")
//	async def update_item(item_id: int, item: Annotated[Item, Body(embed=True)]):
//	    results = {"item_id": item_id, "item": item}
//	    return results
//
// Field(...) is the struct tags: validate rules (enforced, and documented
// as maxLength and exclusiveMinimum) and title and description. A body
// field with a name, `body:"item"`, is Body(embed=True): the JSON body is
// an object whose "item" holds the model.
//
// Try it with `go run ./examples/body-fields`:
//
//	curl -X PUT 127.0.0.1:8000/items/5 -H 'Content-Type: application/json' -d '{"item": {"name": "Foo", "price": -3}}'
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Item is an item for sale.
type Item struct {
	Name        string   `json:"name"`
	Description *string  `json:"description" title:"The description of the item" validate:"omitnil,max=300"`
	Price       float64  `json:"price" validate:"gt=0" description:"The price must be greater than zero"`
	Tax         *float64 `json:"tax"`
}

// UpdateItem is update_item's parameters: the path's item_id, and the
// body's "item".
type UpdateItem struct {
	ItemID int  `path:"item_id"`
	Item   Item `body:"item"`
}

// Results is update_item's answer.
type Results struct {
	ItemID int  `json:"item_id"`
	Item   Item `json:"item"`
}

func updateItem(_ echo.Context, p UpdateItem) (Results, error) {
	return Results{ItemID: p.ItemID, Item: p.Item}, nil
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.PUT("/items/:item_id", typed.Plain(updateItem))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
