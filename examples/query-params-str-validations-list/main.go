// Command query-params-str-validations-list is FastAPI's "Query parameter
// list / multiple values with defaults" tutorial in Go (tutorial012): a
// query parameter that takes every occurrence, with a default list.
//
//	@app.get("/items/")
//	async def read_items(q: Annotated[list[str], Query()] = ["foo", "bar"]):
//	    query_items = {"q": q}
//	    return query_items
//
// A slice field takes every occurrence of its parameter, in order; the
// default, a JSON array, is used only when the parameter does not occur at
// all (?q= is the list [""]).
//
// Run it with `go run ./examples/query-params-str-validations-list` and try
// http://127.0.0.1:8000/items/?q=baz&q=foobar; see
// https://fastapi.tiangolo.com/tutorial/query-params-str-validations/#query-parameter-list-multiple-values-with-defaults.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// ItemsQuery is read_items' parameter q.
type ItemsQuery struct {
	Q []string `query:"q" default:"[\"foo\",\"bar\"]"`
}

// QueryItems is read_items' answer.
type QueryItems struct {
	Q []string `json:"q"`
}

func readItems(_ echo.Context, query ItemsQuery) (QueryItems, error) {
	return QueryItems{Q: query.Q}, nil
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
