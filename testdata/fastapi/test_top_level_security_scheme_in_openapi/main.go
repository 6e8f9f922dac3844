// Command test_top_level_security_scheme_in_openapi is the app of FastAPI's
// tests/test_top_level_security_scheme_in_openapi.py (fastapi/fastapi
// 0.141.1, FastAPI discussion 14263, issue 14271) in Go: a security scheme
// used directly as a path operation's dependencies=[…] is enforced and
// documented.
//
//	bearer_scheme = HTTPBearer()
//
//	@app.get("/", dependencies=[Depends(bearer_scheme)])
//	async def get_root():
//	    return {"message": "Hello, World!"}
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

var bearerScheme = &security.HTTPBearer{}

func getRoot(echo.Context, struct{}) (map[string]string, error) {
	return map[string]string{"message": "Hello, World!"}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.Register(typed.Operation{Method: http.MethodGet, Path: "/", Dependencies: []typed.Guard{typed.Use(bearerScheme)}},
		typed.Plain(getRoot))
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "host:port to listen on")
	flag.Parse()
	srv := &http.Server{Addr: *addr, Handler: newApp(), ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout: 15 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
	log.Fatal(srv.ListenAndServe())
}
