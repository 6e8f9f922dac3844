// Command http-basic is FastAPI's HTTPBasic example in Go: the username and
// password of `Authorization: Basic …`, typed.
//
//	security = HTTPBasic()
//
//	@app.get("/users/me")
//	def read_current_user(credentials: HTTPBasicCredentials = Security(security)):
//	    return {"username": credentials.username, "password": credentials.password}
//
// Run it with `go run ./examples/http-basic` and open
// http://127.0.0.1:8000/docs.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// basic reads HTTP Basic credentials.
var basic = &security.HTTPBasic{}

// Answer repeats the credentials (the example's point; never do this).
type Answer struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// readCurrentUser answers with the credentials that were sent.
func readCurrentUser(_ echo.Context, _ struct{}, credentials security.HTTPBasicCredentials) (Answer, error) {
	return Answer{Username: credentials.Username, Password: credentials.Password}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(security.Security(basic), readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "http-basic"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
