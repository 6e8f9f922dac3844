// Command test_security_oauth2_authorization_code_bearer_description is the
// app of FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_description.py
// (fastapi/fastapi 0.141.1) in Go: OAuth2AuthorizationCodeBearer with a
// description.
//
//	oauth2_scheme = OAuth2AuthorizationCodeBearer(
//	    authorizationUrl="authorize", tokenUrl="token",
//	    description="OAuth2 Code Bearer", auto_error=True)
//
//	@app.get("/items/")
//	async def read_items(token: str | None = Security(oauth2_scheme)):
//	    return {"token": token}
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

// oauth2Scheme reads `Authorization: Bearer <token>`; anything else is a 401.
var oauth2Scheme = &security.OAuth2AuthorizationCodeBearer{
	AuthorizationURL: "authorize",
	TokenURL:         "token",
	Description:      "OAuth2 Code Bearer",
}

// readItems answers with the token.
func readItems(_ echo.Context, _ struct{}, token string) (map[string]string, error) {
	return map[string]string{"token": token}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/items/", typed.Handle(security.Security(oauth2Scheme), readItems))
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
