// Command apikey-query is FastAPI's APIKeyQuery example in Go: an API key
// read from the api_key query parameter.
//
//	api_key = APIKeyQuery(name="api_key")
//
//	@app.get("/items/")
//	async def read_items(api_key: str = Security(api_key)):
//	    return {"api_key": api_key}
//
// Run it with `go run ./examples/apikey-query` and open
// http://127.0.0.1:8000/docs.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// apiKey is the scheme: the key is the last api_key query parameter.
var apiKey = &security.APIKeyQuery{Name: "api_key"}

// readItems answers with the key that was sent.
func readItems(_ echo.Context, _ struct{}, key string) (map[string]string, error) {
	return map[string]string{"api_key": key}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/items/", typed.Handle(security.Security(apiKey), readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "apikey-query"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
