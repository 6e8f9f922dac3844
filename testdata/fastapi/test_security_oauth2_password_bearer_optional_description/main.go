// Command test_security_oauth2_password_bearer_optional_description is the app of FastAPI's
// tests/test_security_oauth2_password_bearer_optional_description.py in Go:
// https://github.com/fastapi/fastapi/blob/0.141.1/tests/test_security_oauth2_password_bearer_optional_description.py
//
//	oauth2_scheme = OAuth2PasswordBearer(
//	    tokenUrl="/token",
//	    description="OAuth2PasswordBearer security scheme",
//	    auto_error=False,
//	)
//
//	@app.get("/items/")
//	async def read_items(token: str | None = Security(oauth2_scheme)):
//	    if token is None:
//	        return {"msg": "Create an account first"}
//	    return {"token": token}
//
// Run it with `go run ./testdata/fastapi/test_security_oauth2_password_bearer_optional_description -addr 127.0.0.1:8000`.
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

// oauth2Scheme is auto_error=False: a missing token is nil, not a 401.
var oauth2Scheme = security.Optional(&security.OAuth2PasswordBearer{
	TokenURL:    "/token",
	Description: "OAuth2PasswordBearer security scheme",
})

func readItems(_ echo.Context, _ struct{}, token *string) (map[string]string, error) {
	if token == nil {
		return map[string]string{"msg": "Create an account first"}, nil
	}
	return map[string]string{"token": *token}, nil
}

// newApp builds the app: FastAPI() with its default title, version and docs.
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
	srv := &http.Server{Addr: *addr, Handler: newApp(),
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
	log.Printf("listening on http://%s (docs: http://%s/docs)", *addr, *addr)
	log.Fatal(srv.ListenAndServe())
}
