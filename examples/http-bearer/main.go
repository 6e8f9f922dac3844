// Command http-bearer is FastAPI's HTTPBearer example in Go: the scheme and
// credentials of `Authorization: Bearer …`, typed.
//
//	security = HTTPBearer()
//
//	@app.get("/users/me")
//	def read_current_user(credentials: HTTPAuthorizationCredentials = Security(security)):
//	    return {"scheme": credentials.scheme, "credentials": credentials.credentials}
//
// Run it with `go run ./examples/http-bearer` and open
// http://127.0.0.1:8000/docs.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// bearer reads `Authorization: Bearer <credentials>`.
var bearer = &security.HTTPBearer{}

// readCurrentUser answers with the scheme (as sent) and the credentials.
func readCurrentUser(_ echo.Context, _ struct{}, credentials security.HTTPAuthorizationCredentials) (security.HTTPAuthorizationCredentials, error) {
	return credentials, nil // encodes as {"scheme": …, "credentials": …}
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(security.Security(bearer), readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "http-bearer"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
