// Command oauth2-base is FastAPI's base OAuth2 class in Go: a scheme that
// documents its flows and hands over the raw Authorization header.
//
//	reusable_oauth2 = OAuth2(flows={"password": {"tokenUrl": "token",
//	    "scopes": {"read:users": "Read the users", "write:users": "Create users"}}})
//
//	def get_current_user(oauth_header: str = Security(reusable_oauth2, scopes=["read:users"])):
//	    return User(username=oauth_header)
//
//	@app.post("/login")
//	def login(form_data: OAuth2PasswordRequestFormStrict = Depends()):
//	    return form_data
//
//	@app.get("/users/me")
//	def read_current_user(current_user: User = Depends(get_current_user)):
//	    return current_user
//
// Run it with `go run ./examples/oauth2-base`. /docs documents the password
// flow, but its Authorize dialog cannot log in, and neither can FastAPI's,
// whose program has the same URLs: the flow's tokenUrl is "token", which no
// route serves (the form's route is /login, and it answers the form back,
// not a token). Send the header yourself:
//
//	curl -H "Authorization: Bearer abc" http://127.0.0.1:8000/users/me
//
// which answers {"username":"Bearer abc"}.
package main

import (
	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// reusableOAuth2 documents the password flow and its scopes; at run time it
// only requires an Authorization header.
var reusableOAuth2 = &security.OAuth2{Flows: security.OAuthFlows{
	Password: &security.OAuthFlow{TokenURL: "token", Scopes: map[string]string{
		"read:users":  "Read the users",
		"write:users": "Create users",
	}},
}}

// User is the current user.
type User struct {
	Username string `json:"username"`
}

// getCurrentUser makes the raw header the username.
var getCurrentUser = typed.Depends(security.Security(reusableOAuth2, "read:users"),
	func(_ echo.Context, oauthHeader string) (User, error) {
		return User{Username: oauthHeader}, nil
	})

// login returns the whole form, as FastAPI's returns form_data: its JSON
// has every field, with null for an absent client_id or client_secret.
func login(_ echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestFormStrict) (forms.OAuth2PasswordRequestFormStrict, error) {
	return formData, nil
}

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
	api.POST("/login", typed.Handle(forms.PasswordStrict(nil), login))
	api.GET("/users/me", typed.Handle(getCurrentUser, readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "oauth2-base"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
