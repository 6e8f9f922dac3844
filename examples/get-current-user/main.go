// Command get-current-user is FastAPI's "Get Current User" tutorial in Go:
// a dependency reads the bearer token (OAuth2PasswordBearer) and turns it
// into a User, and the route takes the User.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
//
//	class User(BaseModel):
//	    username: str
//	    email: str | None = None
//	    full_name: str | None = None
//	    disabled: bool | None = None
//
//	def fake_decode_token(token):
//	    return User(
//	        username=token + "fakedecoded", email="john@example.com", full_name="John Doe"
//	    )
//
//	async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]):
//	    user = fake_decode_token(token)
//	    return user
//
//	@app.get("/users/me")
//	async def read_users_me(current_user: Annotated[User, Depends(get_current_user)]):
//	    return current_user
//
// Run it with `go run ./examples/get-current-user` and try
//
//	curl -H "Authorization: Bearer testtoken" http://127.0.0.1:8000/users/me
//
// which answers {"username":"testtokenfakedecoded",…}; without the header
// it is 401 {"detail":"Not authenticated"} with WWW-Authenticate: Bearer.
// Any token is accepted: the decoding is the tutorial's fake. As in the
// tutorial, nothing serves the token URL yet ("token", which the docs'
// Authorize dialog posts to), so Authorize in /docs cannot log in: the next
// tutorial, Simple OAuth2 with Password and Bearer (examples/simple-oauth2),
// adds /token. Send the header with curl instead.
//
// The optional fields are pointers, so that a missing value is JSON null as
// pydantic writes None: "disabled" is null here.
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// oauth2Scheme reads `Authorization: Bearer <token>`; without it, it
// answers 401 {"detail":"Not authenticated"} with WWW-Authenticate: Bearer.
var oauth2Scheme = &security.OAuth2PasswordBearer{TokenURL: "token"}

// User is the tutorial's pydantic model; nil is None.
type User struct {
	Username string  `json:"username"`
	Email    *string `json:"email"`
	FullName *string `json:"full_name"`
	Disabled *bool   `json:"disabled"`
}

// fakeDecodeToken stands for the decoding of a real token (JWT, in the
// tutorials that follow): it makes a user of any token.
func fakeDecodeToken(token string) User {
	email, fullName := "john@example.com", "John Doe"
	return User{Username: token + "fakedecoded", Email: &email, FullName: &fullName}
}

// getCurrentUser is the dependency that gives the current user, from the
// token that oauth2Scheme read.
var getCurrentUser = typed.Depends(oauth2Scheme, func(_ echo.Context, token string) (User, error) {
	user := fakeDecodeToken(token)
	return user, nil
})

// readUsersMe answers with the current user.
func readUsersMe(_ echo.Context, _ struct{}, currentUser User) (User, error) {
	return currentUser, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(getCurrentUser, readUsersMe))
	if err := openapi.Mount(api, openapi.Config{Title: "get-current-user"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
