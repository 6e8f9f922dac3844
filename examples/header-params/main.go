// Command header-params is FastAPI's "Header Parameters" tutorial in Go
// (tutorial003, duplicate headers): a header read as a list of every
// occurrence.
//
//	@app.get("/items/")
//	async def read_items(x_token: Annotated[list[str] | None, Header()] = None):
//	    return {"X-Token values": x_token}
//
// FastAPI reads the parameter x_token from the header x-token (it turns _
// into -); here the header tag names the header as it is sent. Names are
// case-insensitive; a header literally named x_token is another header. A
// slice takes every occurrence in order, unsplit on commas, each decoded as
// Latin-1; no such header is a nil slice, answered as null.
//
// Run it with `go run ./examples/header-params` and try
//
//	curl -H "X-Token: foo" -H "X-Token: bar" http://127.0.0.1:8000/items/
//
// which answers {"X-Token values":["foo","bar"]}; see
// https://fastapi.tiangolo.com/tutorial/header-params/#duplicate-headers.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// ItemsHeaders are read_items' parameters.
type ItemsHeaders struct {
	XToken []string `header:"x-token"`
}

// Values is read_items' answer; a nil pointer is null (a nil slice would
// be [], as pydantic writes a list).
type Values struct {
	XToken *[]string `json:"X-Token values"`
}

func readItems(_ echo.Context, h ItemsHeaders) (Values, error) {
	if h.XToken == nil {
		return Values{}, nil
	}
	return Values{XToken: &h.XToken}, nil
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
