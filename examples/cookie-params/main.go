// Command cookie-params is FastAPI's "Cookie Parameters" tutorial in Go
// (tutorial001): an optional cookie.
//
//	@app.get("/items/")
//	async def read_items(ads_id: Annotated[str | None, Cookie()] = None):
//	    return {"ads_id": ads_id}
//
// Cookies are parsed as Starlette parses them: every Cookie header, split on
// ';', each name=value trimmed, a double-quoted value unquoted, nothing
// percent-decoded, the last occurrence of a name wins. A nil pointer (no
// such cookie) is null; a cookie with an empty value is "".
//
// Run it with `go run ./examples/cookie-params` and try
//
//	curl -b "ads_id=ads_track" http://127.0.0.1:8000/items/
//
// which answers {"ads_id":"ads_track"}; see
// https://fastapi.tiangolo.com/tutorial/cookie-params/.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// ItemsCookies are read_items' parameters.
type ItemsCookies struct {
	AdsID *string `cookie:"ads_id"`
}

// Answer is read_items' answer.
type Answer struct {
	AdsID *string `json:"ads_id"`
}

func readItems(_ echo.Context, c ItemsCookies) (Answer, error) {
	return Answer{AdsID: c.AdsID}, nil
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
