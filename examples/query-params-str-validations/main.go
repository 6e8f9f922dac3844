// Command query-params-str-validations is FastAPI's "Query Parameters and
// String Validations" tutorial in Go (tutorial010): one optional query
// parameter read from an alias, with a title, a description, length limits,
// a pattern, and deprecated.
//
//	@app.get("/items/")
//	async def read_items(
//	    q: Annotated[
//	        str | None,
//	        Query(
//	            alias="item-query",
//	            title="Query string",
//	            description="Query string for the items to search in the database that have a good match",
//	            min_length=3,
//	            max_length=50,
//	            pattern="^fixedquery$",
//	            deprecated=True,
//	        ),
//	    ] = None,
//	):
//	    results = {"items": [{"item_id": "Foo"}, {"item_id": "Bar"}]}
//	    if q:
//	        results.update({"q": q})
//	    return results
//
// The query tag names the parameter as it is sent (FastAPI's alias); the
// Go field's name is free. validate:"min=3,max=50" is checked by the server
// and documented as minLength and maxLength; the pattern tag is both too,
// with pydantic's search semantics ($ only at the very end). A nil pointer
// is FastAPI's None: the rules hold for a value that is sent, even "".
//
// Run it with `go run ./examples/query-params-str-validations` and try
// http://127.0.0.1:8000/items/?item-query=fixedquery; see
// https://fastapi.tiangolo.com/tutorial/query-params-str-validations/.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// ItemsQuery is read_items' parameter q.
type ItemsQuery struct {
	Q *string `query:"item-query" title:"Query string" description:"Query string for the items to search in the database that have a good match" validate:"min=3,max=50" pattern:"^fixedquery$" deprecated:"true"`
}

// Item is one of the tutorial's items.
type Item struct {
	ItemID string `json:"item_id"`
}

// Results is read_items' answer: q is there when it is not empty.
type Results struct {
	Items []Item `json:"items"`
	Q     string `json:"q,omitempty"`
}

func readItems(_ echo.Context, query ItemsQuery) (Results, error) {
	results := Results{Items: []Item{{ItemID: "Foo"}, {ItemID: "Bar"}}}
	if query.Q != nil && *query.Q != "" {
		results.Q = *query.Q
	}
	return results, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/items/", typed.Plain(readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
