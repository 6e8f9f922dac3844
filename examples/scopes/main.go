// Command scopes is FastAPI's "OAuth2 scopes" tutorial in Go, and the
// project's main demo: OAuth2's password flow with scopes, checked by a
// dependency chain in which every Security adds the scopes it needs and the
// dependency at the bottom sees them all.
//
// Run it with `go run ./examples/scopes` and open
// http://127.0.0.1:8000/docs. Click Authorize, log in as johndoe / secret
// (alice / secret2 is disabled), tick the scopes to ask for, and try the
// routes: /users/me/ needs "me", /users/me/items/ needs "items" and "me",
// /status/ only a valid token.
//
// The chain is the tutorial's, line for line:
//
//	oauth2_scheme = OAuth2PasswordBearer(
//	    tokenUrl="token",
//	    scopes={"me": "Read information about the current user.", "items": "Read items."},
//	)
//
//	async def get_current_user(security_scopes: SecurityScopes, token: str = Depends(oauth2_scheme)):
//	    if security_scopes.scopes:
//	        authenticate_value = f'Bearer scope="{security_scopes.scope_str}"'
//	    else:
//	        authenticate_value = "Bearer"
//	    credentials_exception = HTTPException(status_code=401, detail="Could not validate credentials",
//	        headers={"WWW-Authenticate": authenticate_value})
//	    ... decode the token, look the user up, or raise credentials_exception ...
//	    for scope in security_scopes.scopes:
//	        if scope not in token_data.scopes:
//	            raise HTTPException(status_code=401, detail="Not enough permissions",
//	                headers={"WWW-Authenticate": authenticate_value})
//	    return user
//
//	async def get_current_active_user(current_user: User = Security(get_current_user, scopes=["me"])):
//	    if current_user.disabled:
//	        raise HTTPException(status_code=400, detail="Inactive user")
//	    return current_user
//
//	@app.post("/token")
//	async def login_for_access_token(form_data: OAuth2PasswordRequestForm = Depends()) -> Token: ...
//
//	@app.get("/users/me/", response_model=User)
//	async def read_users_me(current_user: User = Depends(get_current_active_user)): ...
//
//	@app.get("/users/me/items/")
//	async def read_own_items(current_user: User = Security(get_current_active_user, scopes=["items"])): ...
//
//	@app.get("/status/")
//	async def read_system_status(current_user: User = Depends(get_current_user)): ...
//
// Scopes accumulate from the route down: on /users/me/items/,
// get_current_user sees ["items", "me"], answers a token without them with
// WWW-Authenticate: Bearer scope="items me", and the OpenAPI document lists
// {"OAuth2PasswordBearer": ["items", "me"]}.
//
// One thing differs from the tutorial: the JWT and the password hashing are
// replaced by a deterministic token, base64url("username:scope scope…")
// without padding (token.go), so that every answer can be checked by hand.
// The jwt example has real JWTs and argon2id password hashing.
//
// examples/scopes-echo5 is this program on Echo v5; both answer every
// request alike (their tests share the tables of examples/internal/scopestest
// and the golden document testdata/openapi.json).
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
	func(_ echo.Context, securityScopes security.SecurityScopes, token string) (User, error) {
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
	func(_ echo.Context, currentUser User) (User, error) {
		if currentUser.Disabled {
			return User{}, typed.NewHTTPError(http.StatusBadRequest, "Inactive user")
		}
		return currentUser, nil
	})

// loginForAccessToken checks the form's username and password and issues a
// token carrying exactly the scopes asked for: the routes decide what is
// enough. Disabled users get tokens too.
func loginForAccessToken(_ echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestForm) (Token, error) {
	user, ok := authenticateUser(formData.Username, formData.Password)
	if !ok {
		return Token{}, typed.NewHTTPError(http.StatusBadRequest, "Incorrect username or password")
	}
	return Token{AccessToken: encodeToken(user.Username, formData.Scopes), TokenType: "bearer"}, nil
}

// readUsersMe answers with the current user (scope "me").
func readUsersMe(_ echo.Context, _ struct{}, currentUser User) (User, error) {
	return currentUser, nil
}

// readOwnItems answers with the current user's items (scopes "items" and
// "me").
func readOwnItems(_ echo.Context, _ struct{}, currentUser User) ([]Item, error) {
	return []Item{{ItemID: "Foo", Owner: currentUser.Username}}, nil
}

// readSystemStatus needs a valid token of a known user, no scope, and lets
// disabled users in.
func readSystemStatus(_ echo.Context, _ struct{}, _ User) (map[string]string, error) {
	return map[string]string{"status": "ok"}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
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
