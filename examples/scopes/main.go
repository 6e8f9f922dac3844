// Command scopes is FastAPI's "OAuth2 scopes" tutorial in Go, with the JWT
// and password hashing replaced by a deterministic token (base64url of
// "username:scopes", see token.go; examples/jwt has real JWTs and hashes).
// It is the project's main demo: run it, open http://127.0.0.1:8000/docs, click Authorize, log in as
// johndoe / secret with the scopes you want, and try the routes.
//
//	oauth2_scheme = OAuth2PasswordBearer(
//	    tokenUrl="token",
//	    scopes={"me": "Read information about the current user.", "items": "Read items."},
//	)
//
//	async def get_current_user(security_scopes: SecurityScopes, token: str = Depends(oauth2_scheme)): ...
//	async def get_current_active_user(current_user: User = Security(get_current_user, scopes=["me"])): ...
//
//	@app.post("/token")                  -> login_for_access_token(form_data: OAuth2PasswordRequestForm)
//	@app.get("/users/me/")               -> read_users_me(Depends(get_current_active_user))
//	@app.get("/users/me/items/")         -> read_own_items(Security(get_current_active_user, scopes=["items"]))
//	@app.get("/status/")                 -> read_system_status(Depends(get_current_user))
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/examples/internal/serve"
	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/labstack/echo/v4"
)

// oauth2Scheme reads the bearer token; its scopes are what the docs' login
// dialog offers.
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

// userInDB is a stored user: the API user and its password.
type userInDB struct {
	User
	password string // plain text, as the spec's deterministic variant of the tutorial
}

var fakeUsersDB = map[string]userInDB{
	"johndoe": {User{"johndoe", "johndoe@example.com", "John Doe", false}, "secret"},
	"alice":   {User{"alice", "alicechains@example.com", "Alice Chains", true}, "secret2"},
}

// getUser looks a user up.
func getUser(username string) (userInDB, bool) {
	u, ok := fakeUsersDB[username]
	return u, ok
}

// authenticateUser checks the password in constant time.
func authenticateUser(username, password string) (userInDB, bool) {
	u, ok := getUser(username)
	if !ok || !security.ConstantTimeEqual(password, u.password) {
		return userInDB{}, false
	}
	return u, true
}

// getCurrentUser receives the scopes accumulated above it and the token,
// and checks the token carries every one of them.
var getCurrentUser = typed.Depends2(security.Scopes(), oauth2Scheme,
	func(_ echo.Context, securityScopes security.SecurityScopes, token string) (User, error) {
		authenticateValue := "Bearer"
		if len(securityScopes.Scopes) > 0 {
			authenticateValue = `Bearer scope="` + securityScopes.ScopeStr + `"`
		}
		credentialsException := typed.NewHTTPError(http.StatusUnauthorized, "Could not validate credentials",
			"WWW-Authenticate", authenticateValue)
		tokenData, ok := decodeToken(token)
		if !ok {
			return User{}, credentialsException
		}
		user, ok := getUser(tokenData.username)
		if !ok {
			return User{}, credentialsException
		}
		for _, scope := range securityScopes.Scopes {
			if !tokenData.has(scope) {
				return User{}, typed.NewHTTPError(http.StatusUnauthorized, "Not enough permissions",
					"WWW-Authenticate", authenticateValue)
			}
		}
		return user.User, nil
	})

// getCurrentActiveUser requires the "me" scope and an enabled user.
var getCurrentActiveUser = typed.Depends(security.Security(getCurrentUser, "me"),
	func(_ echo.Context, currentUser User) (User, error) {
		if currentUser.Disabled {
			return User{}, typed.NewHTTPError(http.StatusBadRequest, "Inactive user")
		}
		return currentUser, nil
	})

// loginForAccessToken issues a token carrying exactly the requested scopes.
func loginForAccessToken(_ echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestForm) (Token, error) {
	user, ok := authenticateUser(formData.Username, formData.Password)
	if !ok {
		return Token{}, typed.NewHTTPError(http.StatusBadRequest, "Incorrect username or password")
	}
	return Token{AccessToken: encodeToken(user.Username, formData.Scopes), TokenType: "bearer"}, nil
}

func readUsersMe(_ echo.Context, _ struct{}, currentUser User) (User, error) {
	return currentUser, nil
}

func readOwnItems(_ echo.Context, _ struct{}, currentUser User) ([]Item, error) {
	return []Item{{ItemID: "Foo", Owner: currentUser.Username}}, nil
}

func readSystemStatus(_ echo.Context, _ struct{}, _ User) (map[string]string, error) {
	return map[string]string{"status": "ok"}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	api := typed.New(e)
	api.POST("/token", typed.Handle(forms.Password(nil), loginForAccessToken))
	api.GET("/users/me/", typed.Handle(getCurrentActiveUser, readUsersMe))
	api.GET("/users/me/items/", typed.Handle(security.Security(getCurrentActiveUser, "items"), readOwnItems))
	api.GET("/status/", typed.Handle(getCurrentUser, readSystemStatus))
	if err := openapi.Mount(e, api, openapi.Config{Title: "scopes"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve.Main(newApp()) }
