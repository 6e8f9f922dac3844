package openapi_test

import (
	"github.com/labstack/echo/v4"
)

// The applications the golden files document, each the Go version of a
// FastAPI tutorial program (the examples under examples/ run them too).

type Item struct {
	ItemID string  `json:"item_id"`
	Owner  string  `json:"owner"`
	Price  float64 `json:"price,omitempty"`
}

type User struct {
	Username string  `json:"username"`
	Email    *string `json:"email"`
	FullName *string `json:"full_name"`
	Disabled bool    `json:"disabled"`
}

type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
}

// passwordForm stands in for forms.OAuth2PasswordRequestForm.
type passwordForm struct {
	GrantType    string  `form:"grant_type" required:"false" pattern:"^password$"`
	Username     string  `form:"username"`
	Password     string  `form:"password" format:"password"`
	Scope        string  `form:"scope" default:""`
	ClientID     *string `form:"client_id"`
	ClientSecret *string `form:"client_secret" format:"password"`
}

// passwordFormStrict stands in for forms.OAuth2PasswordRequestFormStrict:
// grant_type required, and no format: password (FastAPI's own schema).
type passwordFormStrict struct {
	GrantType    string  `form:"grant_type" pattern:"^password$"`
	Username     string  `form:"username"`
	Password     string  `form:"password"`
	Scope        string  `form:"scope" default:""`
	ClientID     *string `form:"client_id"`
	ClientSecret *string `form:"client_secret"`
}

func readItems(c echo.Context, _ struct{}, key string) (map[string]string, error) {
	return map[string]string{"key": key}, nil
}

func readCurrentUser(c echo.Context, _ struct{}, cred string) (User, error) {
	return User{Username: cred}, nil
}

func readOwnItems(c echo.Context, _ struct{}, u User) ([]Item, error) {
	return []Item{{ItemID: "Foo", Owner: u.Username}}, nil
}

func readSystemStatus(c echo.Context, _ struct{}, u User) (map[string]string, error) {
	return map[string]string{"status": "ok"}, nil
}

func login(c echo.Context, _ struct{}, f passwordForm) (Token, error) {
	return Token{AccessToken: f.Username, TokenType: "bearer"}, nil
}

func loginStrict(c echo.Context, _ struct{}, f passwordFormStrict) (map[string]any, error) {
	return map[string]any{"scopes": f.Scope}, nil
}

// updateItem's request mixes parameters and JSON body fields.
type updateItem struct {
	ID      int               `path:"item_id"`
	Q       *string           `query:"q" description:"Search text" maxLength:"50"`
	Limit   int               `query:"limit" default:"10" minimum:"1"`
	Tags    []string          `query:"tag"`
	XToken  string            `header:"x-token"`
	Session string            `cookie:"session" required:"false"`
	Name    string            `json:"name"`
	Price   float64           `json:"price"`
	Note    *string           `json:"note"`
	Labels  []string          `json:"labels,omitempty"`
	Meta    map[string]string `json:"meta" required:"false"`
	Owner   User              `json:"owner"`
}

func updateItemHandler(c echo.Context, req updateItem, _ struct{}) (Item, error) {
	return Item{ItemID: req.Name}, nil
}

// createItem's request is a body and nothing else.
func createItem(c echo.Context, req Item, _ struct{}) (Item, error) { return req, nil }

func deleteItem(c echo.Context, req struct {
	ID string `path:"item_id"`
}, _ struct{}) (struct{}, error) {
	return struct{}{}, nil
}

func readFile(c echo.Context, _ struct{}, _ struct{}) (string, error) { return c.Param("*"), nil }
