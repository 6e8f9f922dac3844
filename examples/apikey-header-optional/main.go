// Command apikey-header-optional is FastAPI's APIKeyHeader with
// auto_error=False in Go: security.Optional makes the key a *string, nil
// when the header is missing or empty.
//
//	api_key = APIKeyHeader(name="key", auto_error=False)
//
//	def get_current_user(oauth_header: Optional[str] = Security(api_key)):
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
// Run it with `go run ./examples/apikey-header-optional`.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// apiKey reads the key header, or nil.
var apiKey = security.Optional(&security.APIKeyHeader{Name: "key"})

// User is the current user.
type User struct {
	Username string `json:"username"`
}

// getCurrentUser is the user named by the key, or nil when there is none:
// Optional already turns a missing or empty key into nil, as FastAPI's
// check_api_key turns it into None, so this tests nil only ("is None").
var getCurrentUser = typed.Depends(security.Security(apiKey), func(_ echo.Context, oauthHeader *string) (*User, error) {
	if oauthHeader == nil {
		return nil, nil
	}
	return &User{Username: *oauthHeader}, nil
})

// readCurrentUser answers with the current user, or asks to create an
// account when there is none.
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
	if err := openapi.Mount(api, openapi.Config{Title: "apikey-header-optional"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
