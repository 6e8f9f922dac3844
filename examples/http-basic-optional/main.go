// Command http-basic-optional is FastAPI's HTTPBasic with auto_error=False
// in Go: security.Optional gives *HTTPBasicCredentials, nil when no Basic
// credentials were sent. Malformed ones are still a 401: they are not
// absent.
//
//	security = HTTPBasic(auto_error=False)
//
//	@app.get("/users/me")
//	def read_current_user(credentials: Optional[HTTPBasicCredentials] = Security(security)):
//	    if credentials is None:
//	        return {"msg": "Create an account first"}
//	    return {"username": credentials.username, "password": credentials.password}
//
// Run it with `go run ./examples/http-basic-optional`.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// basic reads HTTP Basic credentials, or nil.
var basic = security.Optional(&security.HTTPBasic{})

// readCurrentUser answers with the credentials that were sent, or asks to
// create an account when none were.
func readCurrentUser(_ echo.Context, _ struct{}, credentials *security.HTTPBasicCredentials) (map[string]string, error) {
	if credentials == nil {
		return map[string]string{"msg": "Create an account first"}, nil
	}
	return map[string]string{"username": credentials.Username, "password": credentials.Password}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(security.Security(basic), readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "http-basic-optional"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
