// Command oauth2-password-bearer is FastAPI's OAuth2PasswordBearer example
// in Go: the bearer token, as sent, with the password flow documented.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
//
//	@app.get("/items/")
//	async def read_items(token: str = Depends(oauth2_scheme)):
//	    return {"token": token}
//
// Run it with `go run ./examples/oauth2-password-bearer`. /docs shows the
// password flow, but its Authorize dialog cannot log in, and neither can
// FastAPI's, whose program has the same URL (FastAPI's tutorial says so
// too): the dialog posts the form to the tokenUrl, "token", and no route
// serves /token yet (404). Send a token yourself:
//
//	curl -H "Authorization: Bearer testtoken" http://127.0.0.1:8000/items/
//
// which answers {"token":"testtoken"}. examples/simple-oauth2 adds /token,
// and logs in from its docs.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// oauth2Scheme reads `Authorization: Bearer <token>`.
var oauth2Scheme = &security.OAuth2PasswordBearer{TokenURL: "token"}

// readItems answers with the token that was sent.
func readItems(_ echo.Context, _ struct{}, token string) (map[string]string, error) {
	return map[string]string{"token": token}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/items/", typed.Handle(oauth2Scheme, readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "oauth2-password-bearer"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
