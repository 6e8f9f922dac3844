package conformance_test

import (
	"net/http"
	"sync"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// loginForm stands in for forms.OAuth2PasswordRequestForm.
type loginForm struct {
	GrantType    string  `form:"grant_type" required:"false" pattern:"^password$"`
	Username     string  `form:"username"`
	Password     string  `form:"password" format:"password"`
	Scope        string  `form:"scope" default:""`
	ClientID     *string `form:"client_id"`
	ClientSecret *string `form:"client_secret" format:"password"`
}

type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
}

type User struct {
	Username string  `json:"username"`
	FullName *string `json:"full_name"`
	Disabled bool    `json:"disabled"`
}

type Item struct {
	ItemID string `json:"item_id"`
	Owner  string `json:"owner"`
}

// passwordApp is FastAPI's "Simple OAuth2 with Password and Bearer"
// tutorial: POST /token trades johndoe/secret for a token (the username),
// and GET /users/me needs it. It records the Authorization headers the
// token route received.
type passwordApp struct {
	e *echo.Echo

	mu        sync.Mutex
	tokenAuth []string // Authorization headers sent to /token
}

func newPasswordApp() (*passwordApp, error) {
	app := &passwordApp{e: echo.New()}
	api := echov4.New(app.e)
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"me": "Read information about the current user.", "items": "Read items."}}
	currentUser := typed.Depends(oauth2, func(c echo.Context, tok string) (User, error) {
		if tok != "johndoe" {
			return User{}, typed.NewHTTPError(http.StatusUnauthorized, "Not authenticated", "WWW-Authenticate", "Bearer")
		}
		name := "John Doe"
		return User{Username: tok, FullName: &name}, nil
	})
	api.POST("/token", typed.Handle[struct{}, Token](typed.Bind[loginForm](), app.login))
	api.GET("/users/me", typed.Handle[struct{}, User](currentUser, readUsersMe))
	api.GET("/users/me/items/", typed.Handle[struct{}, []Item](security.Security(currentUser, "items"), readOwnItems))
	return app, openapi.Mount(api, openapi.Config{Title: "Simple OAuth2"})
}

func (a *passwordApp) login(c echo.Context, _ struct{}, f loginForm) (Token, error) {
	a.mu.Lock()
	a.tokenAuth = append(a.tokenAuth, c.Request().Header.Get("Authorization"))
	a.mu.Unlock()
	if f.Username != "johndoe" || f.Password != "secret" {
		return Token{}, typed.NewHTTPError(http.StatusBadRequest, "Incorrect username or password")
	}
	return Token{AccessToken: f.Username, TokenType: "bearer"}, nil
}

func readUsersMe(c echo.Context, _ struct{}, u User) (User, error) { return u, nil }

func readOwnItems(c echo.Context, _ struct{}, u User) ([]Item, error) {
	return []Item{{ItemID: "Foo", Owner: u.Username}}, nil
}
