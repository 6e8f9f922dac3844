// Command scopes-echo5 is the scopes demo (examples/scopes, FastAPI's
// "OAuth2 scopes" tutorial) on Echo v5: the same dependency chain, routes
// and deterministic token (token.go), registered through typed/echov5
// instead of typed/echov4. It answers every request and documents itself
// exactly as examples/scopes does; its test runs that example's tables and
// checks its golden OpenAPI document. Read examples/scopes for the
// tutorial's code and what each dependency does.
//
// The differences are only Echo's: handlers and dependency functions take
// a *echo.Context (Echo v5's) where Echo v4 has the echo.Context
// interface, and the imports are github.com/labstack/echo/v5 and
// typed/echov5, so the program links no package of Echo v4.
//
// Run it with `go run ./examples/scopes-echo5` and open
// http://127.0.0.1:8000/docs; log in as johndoe / secret.
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v5"
)

// oauth2Scheme reads the bearer token. Its token URL and scopes are what
// the docs' Authorize dialog uses to log in.
var oauth2Scheme = &security.OAuth2PasswordBearer{
	TokenURL: "token",
	Scopes: map[string]string{
		"me":    "Read information about the current user.",
		"items": "Read items.",
	},
}

// Token is the answer of /token.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
}

// User is a user as the API shows it.
type User struct {
	Username string `json:"username"`
	Email    string `json:"email"`
	FullName string `json:"full_name"`
	Disabled bool   `json:"disabled"`
}

// Item is one of a user's items.
type Item struct {
	ItemID string `json:"item_id"`
	Owner  string `json:"owner"`
}

// userInDB is a stored user: the user and its password. The tutorial keeps
// an argon2id hash (pwdlib's); this deterministic variant compares plain
// text.
type userInDB struct {
	User
	password string
}

// fakeUsersDB holds the tutorial's two users; alice is disabled.
var fakeUsersDB = map[string]userInDB{
	"johndoe": {User{Username: "johndoe", Email: "johndoe@example.com", FullName: "John Doe"}, "secret"},
	"alice":   {User{Username: "alice", Email: "alicechains@example.com", FullName: "Alice Chains", Disabled: true}, "secret2"},
}

// getUser looks a user up.
func getUser(username string) (userInDB, bool) {
	user, ok := fakeUsersDB[username]
	return user, ok
}

// authenticateUser returns the user whose username and password these are.
func authenticateUser(username, password string) (userInDB, bool) {
	user, ok := getUser(username)
	if !ok || !security.ConstantTimeEqual(password, user.password) {
		return userInDB{}, false
	}
	return user, true
}

// getCurrentUser is the bottom of the chain. It receives the scopes that
// every Security above it requires (security.Scopes) and the bearer token
// (oauth2Scheme, which answers 401 "Not authenticated" by itself when there
// is none), and checks that the token is valid and grants them all.
var getCurrentUser = typed.Depends2(security.Scopes(), oauth2Scheme,
	func(_ *echo.Context, securityScopes security.SecurityScopes, token string) (User, error) {
		// The tutorial's authenticate_value and credentials_exception,
		// built only when the request is refused.
		authenticateValue := func() string {
			if len(securityScopes.Scopes) > 0 {
				return `Bearer scope="` + securityScopes.ScopeStr + `"`
			}
			return "Bearer"
		}
		credentialsException := func() error {
			return typed.NewHTTPError(http.StatusUnauthorized, "Could not validate credentials",
				"WWW-Authenticate", authenticateValue())
		}
		tokenData, ok := decodeToken(token)
		if !ok {
			return User{}, credentialsException()
		}
		user, ok := getUser(tokenData.username)
		if !ok {
			return User{}, credentialsException()
		}
		for _, scope := range securityScopes.Scopes {
			if !tokenData.grants(scope) {
				return User{}, typed.NewHTTPError(http.StatusUnauthorized, "Not enough permissions",
					"WWW-Authenticate", authenticateValue())
			}
		}
		return user.User, nil
	})

// getCurrentActiveUser needs the "me" scope on top of whatever its own
// caller requires, and an enabled user.
var getCurrentActiveUser = typed.Depends(security.Security(getCurrentUser, "me"),
	func(_ *echo.Context, currentUser User) (User, error) {
		if currentUser.Disabled {
			return User{}, typed.NewHTTPError(http.StatusBadRequest, "Inactive user")
		}
		return currentUser, nil
	})

// loginForAccessToken checks the form's username and password and issues a
// token carrying exactly the scopes asked for: the routes decide what is
// enough. Disabled users get tokens too.
func loginForAccessToken(_ *echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestForm) (Token, error) {
	user, ok := authenticateUser(formData.Username, formData.Password)
	if !ok {
		return Token{}, typed.NewHTTPError(http.StatusBadRequest, "Incorrect username or password")
	}
	return Token{AccessToken: encodeToken(user.Username, formData.Scopes), TokenType: "bearer"}, nil
}

// readUsersMe answers with the current user (scope "me").
func readUsersMe(_ *echo.Context, _ struct{}, currentUser User) (User, error) {
	return currentUser, nil
}

// readOwnItems answers with the current user's items (scopes "items" and
// "me").
func readOwnItems(_ *echo.Context, _ struct{}, currentUser User) ([]Item, error) {
	return []Item{{ItemID: "Foo", Owner: currentUser.Username}}, nil
}

// readSystemStatus needs a valid token of a known user, no scope, and lets
// disabled users in.
func readSystemStatus(_ *echo.Context, _ struct{}, _ User) (map[string]string, error) {
	return map[string]string{"status": "ok"}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov5.ErrorHandler(nil)
	echov5.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov5.New(e)
	api.POST("/token", typed.Handle(forms.Password(nil), loginForAccessToken))
	api.GET("/users/me/", typed.Handle(getCurrentActiveUser, readUsersMe))
	api.GET("/users/me/items/", typed.Handle(security.Security(getCurrentActiveUser, "items"), readOwnItems))
	api.GET("/status/", typed.Handle(getCurrentUser, readSystemStatus))
	if err := openapi.Mount(api, openapi.Config{Title: "scopes"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
