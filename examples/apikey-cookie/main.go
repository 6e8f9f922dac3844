// Command apikey-cookie is FastAPI's APIKeyCookie example in Go: an API key
// read from the session cookie.
//
//	api_key = APIKeyCookie(name="session")
//
//	@app.get("/items/")
//	async def read_items(session: str = Security(api_key)):
//	    return {"session": session}
//
// Run it with `go run ./examples/apikey-cookie` and open
// http://127.0.0.1:8000/docs.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// apiKey is the scheme: the key is the value of the session cookie.
var apiKey = &security.APIKeyCookie{Name: "session"}

// readItems answers with the cookie's value.
func readItems(_ echo.Context, _ struct{}, session string) (map[string]string, error) {
	return map[string]string{"session": session}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/items/", typed.Handle(security.Security(apiKey), readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "apikey-cookie"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
