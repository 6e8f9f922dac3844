// Command openid-connect is FastAPI's OpenIdConnect in Go: the scheme
// documents the provider's discovery URL and hands over the raw
// Authorization header (verifying it is up to you, as in FastAPI; see
// examples/oidc for a verifier).
//
//	oid = OpenIdConnect(openIdConnectUrl="/openid")
//
//	def get_current_user(oauth_header: str = Security(oid)):
//	    return User(username=oauth_header)
//
//	@app.get("/users/me")
//	def read_current_user(current_user: User = Depends(get_current_user)):
//	    return current_user
//
// Run it with `go run ./examples/openid-connect`. /docs shows the scheme,
// but its Authorize dialog cannot log in, and neither can FastAPI's, whose
// program has the same URL: Swagger UI reads the flows from the discovery
// document at openIdConnectUrl, and nothing serves /openid (404), so the
// dialog is empty. Send the header yourself:
//
//	curl -H "Authorization: Bearer footokenbar" http://127.0.0.1:8000/users/me
//
// which answers {"username":"Bearer footokenbar"}. examples/oidc logs in
// from its docs, against a provider that serves its discovery document.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// oid requires an Authorization header.
var oid = &security.OpenIDConnect{OpenIDConnectURL: "/openid"}

// User is the current user.
type User struct {
	Username string `json:"username"`
}

// getCurrentUser makes the raw header the username.
var getCurrentUser = typed.Depends(security.Security(oid), func(_ echo.Context, oauthHeader string) (User, error) {
	return User{Username: oauthHeader}, nil
})

// readCurrentUser answers with the current user.
func readCurrentUser(_ echo.Context, _ struct{}, currentUser User) (User, error) {
	return currentUser, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(getCurrentUser, readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "openid-connect"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
