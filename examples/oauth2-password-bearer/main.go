// Command oauth2-password-bearer is FastAPI's OAuth2PasswordBearer example
// in Go: the bearer token, as sent, with the password flow documented.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
//
//	@app.get("/items/")
//	async def read_items(token: str = Depends(oauth2_scheme)):
//	    return {"token": token}
//
// Run it with `go run ./examples/oauth2-password-bearer` and open
// http://127.0.0.1:8000/docs.
package main

import (
	"github.com/fastecho/fastecho/examples/internal/serve"
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

func main() { serve.Main(newApp()) }
