// Command apikey-header is FastAPI's APIKeyHeader example in Go: an API key
// read from the x-key header.
//
//	from fastapi.security import APIKeyHeader
//	api_key = APIKeyHeader(name="x-key")
//
//	@app.get("/items/")
//	async def read_items(key: str = Security(api_key)):
//	    return {"key": key}
//
// Run it with `go run ./examples/apikey-header` and open
// http://127.0.0.1:8000/docs.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// apiKey is the scheme: the key is the value of the x-key header.
var apiKey = &security.APIKeyHeader{Name: "x-key"}

// readItems answers with the key that was sent.
func readItems(_ echo.Context, _ struct{}, key string) (map[string]string, error) {
	return map[string]string{"key": key}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/items/", typed.Handle[struct{}, map[string]string](security.Security(apiKey), readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "apikey-header"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
