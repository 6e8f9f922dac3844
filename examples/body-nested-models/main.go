// Command body-nested-models is FastAPI's "Body - Nested Models" tutorial
// (docs_src/body_nested_models, tutorials 006 to 009) in one Go program:
// a model holding a set and a list of models, a model of lists of models,
// a body that is a list, and a body that is a dict with int keys.
// https://fastapi.tiangolo.com/tutorial/body-nested-models/
//
//	class Image(BaseModel):
//	    url: HttpUrl
//	    name: str
//
//	class Item(BaseModel):
//	    name: str
//	    description: str | None = None
//	    price: float
//	    tax: float | None = None
//	    tags: set[str] = set()
//	    images: list[Image] | None = None
//
//	class Offer(BaseModel):
//	    name: str
//	    description: str | None = None
//	    price: float
//	    items: list[Item]
//
//	@app.put("/items/{item_id}")
//	async def update_item(item_id: int, item: Item):
//	    return {"item_id": item_id, "item": item}
//
//	@app.post("/offers/")
//	async def create_offer(offer: Offer):
//	    return offer
//
//	@app.post("/images/multiple/")
//	async def create_multiple_images(images: list[Image]):
//	    return images
//
//	@app.post("/index-weights/")
//	async def create_index_weights(weights: dict[int, float]):
//	    return weights
//
// A nested struct is a nested model: its fields are validated at every
// depth and an error names the leaf (["body", "items", 0, "images", 1,
// "url"]). A pointer is FastAPI's "X | None"; typed.Set is set[str] and
// typed.HTTPURL is HttpUrl. A request type that is a slice or a map is the
// whole body.
//
// Try it with `go run ./examples/body-nested-models`:
//
//	curl -X POST 127.0.0.1:8000/index-weights/ -H 'Content-Type: application/json' -d '{"2": 2.2, "3": "3.3"}'
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Image is an image of an item.
type Image struct {
	URL  typed.HTTPURL `json:"url"`
	Name string        `json:"name"`
}

// Item is an item for sale.
type Item struct {
	Name        string            `json:"name"`
	Description *string           `json:"description"`
	Price       float64           `json:"price"`
	Tax         *float64          `json:"tax"`
	Tags        typed.Set[string] `json:"tags" default:"[]"`
	Images      *[]Image          `json:"images"`
}

// Offer is a bundle of items.
type Offer struct {
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Price       float64 `json:"price"`
	Items       []Item  `json:"items"`
}

// UpdateItem is update_item's parameters: the path's item_id, and the
// whole body as an Item.
type UpdateItem struct {
	ItemID int  `path:"item_id"`
	Item   Item `body:""`
}

// ItemUpdated is update_item's answer.
type ItemUpdated struct {
	ItemID int  `json:"item_id"`
	Item   Item `json:"item"`
}

func updateItem(_ echo.Context, p UpdateItem) (ItemUpdated, error) {
	return ItemUpdated{ItemID: p.ItemID, Item: p.Item}, nil
}

func createOffer(_ echo.Context, offer Offer) (Offer, error) { return offer, nil }

func createMultipleImages(_ echo.Context, images []Image) ([]Image, error) { return images, nil }

func createIndexWeights(_ echo.Context, weights map[int]float64) (map[int]float64, error) {
	return weights, nil
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.PUT("/items/:item_id", typed.Plain(updateItem))
	app.POST("/offers/", typed.Plain(createOffer))
	app.POST("/images/multiple/", typed.Plain(createMultipleImages))
	app.POST("/index-weights/", typed.Plain(createIndexWeights))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
