// Command test_security_http_basic_realm_description is the app of FastAPI's
// tests/test_security_http_basic_realm_description.py in Go:
// https://github.com/fastapi/fastapi/blob/0.141.1/tests/test_security_http_basic_realm_description.py
//
//	security = HTTPBasic(realm="simple", description="HTTPBasic scheme")
//
//	@app.get("/users/me")
//	def read_current_user(credentials: HTTPBasicCredentials = Security(security)):
//	    return {"username": credentials.username, "password": credentials.password}
//
// Run it with `go run ./testdata/fastapi/test_security_http_basic_realm_description -addr 127.0.0.1:8000`.
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

var scheme = &security.HTTPBasic{Realm: "simple", Description: "HTTPBasic scheme"}

func readCurrentUser(_ echo.Context, _ struct{}, credentials security.HTTPBasicCredentials) (map[string]string, error) {
	return map[string]string{"username": credentials.Username, "password": credentials.Password}, nil
}

// newApp builds the app: FastAPI() with its default title, version and docs.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(security.Security(scheme), readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
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
