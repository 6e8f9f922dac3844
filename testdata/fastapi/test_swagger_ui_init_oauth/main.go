// Command test_swagger_ui_init_oauth is the app of FastAPI's
// tests/test_swagger_ui_init_oauth.py in Go:
// https://github.com/fastapi/fastapi/blob/0.141.1/tests/test_swagger_ui_init_oauth.py
//
//	swagger_ui_init_oauth = {"clientId": "the-foo-clients", "appName": "The Predendapp"}
//
//	app = FastAPI(swagger_ui_init_oauth=swagger_ui_init_oauth)
//
//	@app.get("/items/")
//	async def read_items():
//	    return {"id": "foo"}
//
// Run it with `go run ./testdata/fastapi/test_swagger_ui_init_oauth -addr 127.0.0.1:8000`.
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// swaggerUIInitOAuth is passed to Swagger UI's ui.initOAuth.
var swaggerUIInitOAuth = map[string]any{"clientId": "the-foo-clients", "appName": "The Predendapp"}

func readItems(echo.Context, struct{}) (map[string]string, error) {
	return map[string]string{"id": "foo"}, nil
}

// newApp builds the app: FastAPI(swagger_ui_init_oauth=…): Swagger UI's initOAuth configured.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/items/", typed.Plain(readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0", InitOAuth: swaggerUIInitOAuth}); err != nil {
		panic(err)
	}
	return e
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "host:port to listen on")
	flag.Parse()
	srv := &http.Server{Addr: *addr, Handler: newApp(),
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
	log.Printf("listening on http://%s (docs: http://%s/docs)", *addr, *addr)
	log.Fatal(srv.ListenAndServe())
}
