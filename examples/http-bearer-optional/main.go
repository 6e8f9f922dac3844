// Command http-bearer-optional is FastAPI's HTTPBearer with
// auto_error=False in Go: security.Optional gives
// *HTTPAuthorizationCredentials, nil when no bearer credentials were sent.
//
//	security = HTTPBearer(auto_error=False)
//
//	@app.get("/users/me")
//	def read_current_user(credentials: Optional[HTTPAuthorizationCredentials] = Security(security)):
//	    if credentials is None:
//	        return {"msg": "Create an account first"}
//	    return {"scheme": credentials.scheme, "credentials": credentials.credentials}
//
// Run it with `go run ./examples/http-bearer-optional`.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// bearer reads `Authorization: Bearer <credentials>`, or nil.
var bearer = security.Optional(&security.HTTPBearer{})

// readCurrentUser answers with the scheme (as sent) and the credentials, or
// asks to create an account when none were sent.
func readCurrentUser(_ echo.Context, _ struct{}, credentials *security.HTTPAuthorizationCredentials) (any, error) {
	if credentials == nil {
		return map[string]string{"msg": "Create an account first"}, nil
	}
	return credentials, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(security.Security(bearer), readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "http-bearer-optional"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
