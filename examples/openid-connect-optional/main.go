// Command openid-connect-optional is FastAPI's OpenIdConnect with
// auto_error=False in Go: security.Optional makes the header a *string,
// nil when none was sent.
//
//	oid = OpenIdConnect(openIdConnectUrl="/openid", auto_error=False)
//
//	def get_current_user(oauth_header: Optional[str] = Security(oid)):
//	    if oauth_header is None:
//	        return None
//	    return User(username=oauth_header)
//
//	@app.get("/users/me")
//	def read_current_user(current_user: Optional[User] = Depends(get_current_user)):
//	    if current_user is None:
//	        return {"msg": "Create an account first"}
//	    return current_user
//
// Run it with `go run ./examples/openid-connect-optional`. /docs shows the
// scheme, but its Authorize dialog cannot log in, and neither can
// FastAPI's, whose program has the same URL: Swagger UI reads the flows
// from the discovery document at openIdConnectUrl, and nothing serves
// /openid (404), so the dialog is empty. "Try it out" without a login
// answers {"msg":"Create an account first"}; send the header yourself:
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

// oid reads the Authorization header, or nil.
var oid = security.Optional(&security.OpenIDConnect{OpenIDConnectURL: "/openid"})

// User is the current user.
type User struct {
	Username string `json:"username"`
}

// getCurrentUser is nil when no header was sent.
var getCurrentUser = typed.Depends(security.Security(oid), func(_ echo.Context, oauthHeader *string) (*User, error) {
	if oauthHeader == nil {
		return nil, nil
	}
	return &User{Username: *oauthHeader}, nil
})

// readCurrentUser answers with the current user, or asks for an account.
func readCurrentUser(_ echo.Context, _ struct{}, currentUser *User) (any, error) {
	if currentUser == nil {
		return map[string]string{"msg": "Create an account first"}, nil
	}
	return currentUser, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(getCurrentUser, readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "openid-connect-optional"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
