// Command oauth2-password-bearer-optional is FastAPI's OAuth2PasswordBearer
// with auto_error=False in Go: security.Optional turns the token into a
// *string that is nil when no bearer token was sent.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", auto_error=False)
//
//	@app.get("/items/")
//	async def read_items(token: Optional[str] = Depends(oauth2_scheme)):
//	    if token is None:
//	        return {"msg": "Create an account first"}
//	    return {"token": token}
//
// Run it with `go run ./examples/oauth2-password-bearer-optional`. /docs
// shows the password flow, but its Authorize dialog cannot log in, and
// neither can FastAPI's, whose program has the same URL: the dialog posts
// the form to the tokenUrl, "token", and no route serves /token (404).
// "Try it out" without a login answers {"msg":"Create an account first"};
// send a token yourself:
//
//	curl -H "Authorization: Bearer testtoken" http://127.0.0.1:8000/items/
//
// which answers {"token":"testtoken"}. examples/simple-oauth2 logs in from
// its docs.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// oauth2Scheme reads `Authorization: Bearer <token>`, or nil.
var oauth2Scheme = security.Optional(&security.OAuth2PasswordBearer{TokenURL: "token"})

// readItems tests for nil, not for emptiness: "Bearer" alone is the token "".
func readItems(_ echo.Context, _ struct{}, token *string) (map[string]string, error) {
	if token == nil {
		return map[string]string{"msg": "Create an account first"}, nil
	}
	return map[string]string{"token": *token}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/items/", typed.Handle(oauth2Scheme, readItems))
	if err := openapi.Mount(api, openapi.Config{Title: "oauth2-password-bearer-optional"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
