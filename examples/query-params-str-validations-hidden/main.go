// Command query-params-str-validations-hidden is FastAPI's "Exclude
// parameters from OpenAPI" tutorial in Go (tutorial014): a query parameter
// that is read and validated but left out of the document.
//
//	@app.get("/items/")
//	async def read_items(
//	    hidden_query: Annotated[str | None, Query(include_in_schema=False)] = None,
//	):
//	    if hidden_query:
//	        return {"hidden_query": hidden_query}
//	    else:
//	        return {"hidden_query": "Not found"}
//
// The tag hidden:"true" is FastAPI's include_in_schema=False. The operation
// still documents its 422, as FastAPI does: it has a parameter.
//
// Run it with `go run ./examples/query-params-str-validations-hidden` and
// try http://127.0.0.1:8000/items/?hidden_query=somevalue; see
// https://fastapi.tiangolo.com/tutorial/query-params-str-validations/#exclude-parameters-from-openapi.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// ItemsQuery is read_items' parameter hidden_query.
type ItemsQuery struct {
	HiddenQuery *string `query:"hidden_query" hidden:"true"`
}

// Answer is read_items' answer.
type Answer struct {
	HiddenQuery string `json:"hidden_query"`
}

func readItems(_ echo.Context, query ItemsQuery) (Answer, error) {
	if query.HiddenQuery != nil && *query.HiddenQuery != "" {
		return Answer{HiddenQuery: *query.HiddenQuery}, nil
	}
	return Answer{HiddenQuery: "Not found"}, nil
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
