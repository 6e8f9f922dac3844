// Command simple-oauth2 is FastAPI's "Simple OAuth2 with Password and
// Bearer" tutorial in Go: /token checks a form against a fake user table and
// answers the username as the token; /users/me reads the user back from it.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
//
//	@app.post("/token")
//	async def login(form_data: OAuth2PasswordRequestForm = Depends()): ...
//
//	@app.get("/users/me")
//	async def read_users_me(current_user: User = Depends(get_current_active_user)):
//	    return current_user
//
// Run it with `go run ./examples/simple-oauth2`, open
// http://127.0.0.1:8000/docs and Authorize as johndoe / secret.
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// oauth2Scheme reads the bearer token, which is the username.
var oauth2Scheme = &security.OAuth2PasswordBearer{TokenURL: "token"}

// UserInDB is a stored user; the tutorial returns it whole from /users/me.
type UserInDB struct {
	Username       string `json:"username"`
	Email          string `json:"email"`
	FullName       string `json:"full_name"`
	Disabled       bool   `json:"disabled"`
	HashedPassword string `json:"hashed_password"`
}

var fakeUsersDB = map[string]UserInDB{
	"johndoe": {"johndoe", "johndoe@example.com", "John Doe", false, "fakehashedsecret"},
	"alice":   {"alice", "alice@example.com", "Alice Wonderson", true, "fakehashedsecret2"},
}

// fakeHashPassword is the tutorial's stand-in for a password hash.
func fakeHashPassword(password string) string { return "fakehashed" + password }

// Token is the answer of /token.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
}

// getCurrentUser decodes the token: here, the token is the username.
var getCurrentUser = typed.Depends(oauth2Scheme, func(_ echo.Context, token string) (UserInDB, error) {
	user, ok := fakeUsersDB[token]
	if !ok {
		return UserInDB{}, typed.NewHTTPError(http.StatusUnauthorized, "Not authenticated", "WWW-Authenticate", "Bearer")
	}
	return user, nil
})

// getCurrentActiveUser refuses disabled users.
var getCurrentActiveUser = typed.Depends(getCurrentUser, func(_ echo.Context, user UserInDB) (UserInDB, error) {
	if user.Disabled {
		return UserInDB{}, typed.NewHTTPError(http.StatusBadRequest, "Inactive user")
	}
	return user, nil
})

// login checks the form; disabled users get a token too.
func login(_ echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestForm) (Token, error) {
	incorrect := typed.NewHTTPError(http.StatusBadRequest, "Incorrect username or password")
	user, ok := fakeUsersDB[formData.Username]
	if !ok {
		return Token{}, incorrect
	}
	if !security.ConstantTimeEqual(fakeHashPassword(formData.Password), user.HashedPassword) {
		return Token{}, incorrect
	}
	return Token{AccessToken: user.Username, TokenType: "bearer"}, nil
}

// readUsersMe answers with the whole stored user (the tutorial has no
// response model, so the hash shows).
func readUsersMe(_ echo.Context, _ struct{}, currentUser UserInDB) (UserInDB, error) {
	return currentUser, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.POST("/token", typed.Handle(forms.Password(nil), login))
	api.GET("/users/me", typed.Handle(getCurrentActiveUser, readUsersMe))
	if err := openapi.Mount(api, openapi.Config{Title: "simple-oauth2"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
