// Command path-params-numeric-validations is FastAPI's "Path Parameters and
// Numeric Validations" tutorial in Go (tutorial006): bounds on a path
// parameter and on a float query parameter.
//
//	@app.get("/items/{item_id}")
//	async def read_items(
//	    *,
//	    item_id: Annotated[int, Path(title="The ID of the item to get", ge=0, le=1000)],
//	    q: str,
//	    size: Annotated[float, Query(gt=0, lt=10.5)],
//	):
//	    results = {"item_id": item_id}
//	    if q:
//	        results.update({"q": q})
//	    if size:
//	        results.update({"size": size})
//	    return results
//
// The validate tags are FastAPI's ge, le, gt and lt: checked by the server
// with pydantic's errors, and documented as minimum, maximum,
// exclusiveMinimum and exclusiveMaximum. Numbers are read as pydantic reads
// text: "5.0", " 7 " and "1_000" are ints, "1e0" and "inf" floats, and an
// item_id too large for an int fails le=1000 as in Python.
//
// Run it with `go run ./examples/path-params-numeric-validations` and try
// http://127.0.0.1:8000/items/42?q=x&size=1.5; see
// https://fastapi.tiangolo.com/tutorial/path-params-numeric-validations/.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// ItemsParams are read_items' parameters.
type ItemsParams struct {
	ItemID int     `path:"item_id" title:"The ID of the item to get" validate:"gte=0,lte=1000"`
	Q      string  `query:"q"`
	Size   float64 `query:"size" validate:"gt=0,lt=10.5"`
}

// Results is read_items' answer: q and size are there when they are not
// empty or zero.
type Results struct {
	ItemID int     `json:"item_id"`
	Q      string  `json:"q,omitempty"`
	Size   float64 `json:"size,omitempty"`
}

func readItems(_ echo.Context, p ItemsParams) (Results, error) {
	return Results{ItemID: p.ItemID, Q: p.Q, Size: p.Size}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/items/:item_id", typed.Plain(readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
