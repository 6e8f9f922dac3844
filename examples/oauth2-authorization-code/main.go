// Command oauth2-authorization-code is FastAPI's
// OAuth2AuthorizationCodeBearer in Go: a bearer token obtained with the
// authorization code flow, which the docs describe.
//
//	oauth2_scheme = OAuth2AuthorizationCodeBearer(
//	    authorizationUrl="authorize", tokenUrl="token",
//	    description="OAuth2 Code Bearer", auto_error=True)
//
//	@app.get("/items/")
//	async def read_items(token: Optional[str] = Security(oauth2_scheme)):
//	    return {"token": token}
//
// Run it with `go run ./examples/oauth2-authorization-code`. /docs shows
// the flow, but its Authorize dialog cannot log in, and neither can
// FastAPI's, whose program has the same URLs: the flow's authorizationUrl
// ("authorize") and tokenUrl ("token") are an authorization server's, and
// this program is none, so Authorize opens a window on a 404. Send a token
// yourself:
//
//	curl -H "Authorization: Bearer testtoken" http://127.0.0.1:8000/items/
//
// which answers {"token":"testtoken"}. examples/oidc logs in from its docs
// with this flow (and PKCE), against a provider of its own.
//
// The docs also show FastAPI's swagger_ui_init_oauth, here
// openapi.Config.InitOAuth: Swagger UI's ui.initOAuth, which fills in the
// Authorize dialog of the authorization code flow, with the values of
// FastAPI's test (tests/test_swagger_ui_init_oauth.py):
//
//	app = FastAPI(swagger_ui_init_oauth={"clientId": "the-foo-clients", "appName": "The Predendapp"})
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// oauth2Scheme reads `Authorization: Bearer <token>`.
var oauth2Scheme = &security.OAuth2AuthorizationCodeBearer{
	AuthorizationURL: "authorize",
	TokenURL:         "token",
	Description:      "OAuth2 Code Bearer",
}

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
	api.GET("/items/", typed.Handle(security.Security(oauth2Scheme), readItems))
	if err := openapi.Mount(api, openapi.Config{
		Title: "oauth2-authorization-code",
		// Swagger UI's initOAuth: what its Authorize dialog fills in for
		// the authorization code flow. These are the values of FastAPI's
		// tests/test_swagger_ui_init_oauth.py (swagger_ui_init_oauth).
		InitOAuth: map[string]any{"clientId": "the-foo-clients", "appName": "The Predendapp"},
	}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
