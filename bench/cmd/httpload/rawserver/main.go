// Command rawserver is the scopes demo (examples/scopes) hand-written on
// raw Echo v4, without fastecho: the same routes, users and token, each
// handler reading the Bearer token, decoding it, checking the route's
// scopes and looking the user up itself, as bench/scopes_test.go's raw
// implementation does. Errors go back to Echo's DefaultHTTPErrorHandler as
// *echo.HTTPError whose Message is FastAPI's {"detail": …}, with the
// challenge set on the response, as Echo's own middleware answer theirs.
//
// It is one of the servers of cmd/httpload, run as
// `rawserver -addr 127.0.0.1:PORT`. Its /token answers the demo's login
// (a form with username, password and scope) but does not reproduce
// FastAPI's 422 validation answers: the benchmark only logs in with it.
package main

import (
	"net/http"
	"strings"

	"github.com/fastecho/fastecho/bench/cmd/httpload/internal/scopesapp"
	"github.com/labstack/echo/v4"
)

// errNotAuthenticated is the 401 of a request without a bearer token,
// built once as echo.ErrUnauthorized is.
var errNotAuthenticated = &echo.HTTPError{Code: http.StatusUnauthorized, Message: &scopesapp.Detail{Detail: "Not authenticated"}}

// fail sets e's challenge on the response and returns e to Echo's error
// handler.
func fail(c echo.Context, e *scopesapp.Error) error {
	if e.Challenge != "" {
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, e.Challenge)
	}
	if e == scopesapp.NotAuthenticated {
		return errNotAuthenticated
	}
	return &echo.HTTPError{Code: e.Status, Message: &scopesapp.Detail{Detail: e.Detail}}
}

// currentUser runs the chain for a route needing need: the bearer token,
// then get_current_user (and get_current_active_user with active).
func currentUser(c echo.Context, need []string, challenge string, active bool) (*scopesapp.User, error) {
	tok, ok := scopesapp.BearerToken(c.Request().Header.Get(echo.HeaderAuthorization))
	if !ok {
		return nil, fail(c, scopesapp.NotAuthenticated)
	}
	u, e := scopesapp.CurrentUser(tok, need, challenge, active)
	if e != nil {
		return nil, fail(c, e)
	}
	return u, nil
}

// login is POST /token: the password form, answered with a token carrying
// the scopes asked for.
func login(c echo.Context) error {
	u, ok := scopesapp.Authenticate(c.FormValue("username"), c.FormValue("password"))
	if !ok {
		return &echo.HTTPError{Code: http.StatusBadRequest, Message: &scopesapp.Detail{Detail: "Incorrect username or password"}}
	}
	tok := scopesapp.EncodeToken(u.Username, strings.Fields(c.FormValue("scope")))
	return c.JSON(http.StatusOK, scopesapp.Token{AccessToken: tok, TokenType: "bearer"})
}

// newApp builds the routes of examples/scopes; each route's scopes are
// known, so its challenge is a constant.
func newApp() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.POST("/token", login)
	meChallenge := scopesapp.Challenge(scopesapp.NeedMe)
	e.GET("/users/me/", func(c echo.Context) error {
		u, err := currentUser(c, scopesapp.NeedMe, meChallenge, true)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, u)
	})
	itemsChallenge := scopesapp.Challenge(scopesapp.NeedItems)
	e.GET("/users/me/items/", func(c echo.Context) error {
		u, err := currentUser(c, scopesapp.NeedItems, itemsChallenge, true)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, scopesapp.OwnItems(u))
	})
	e.GET("/status/", func(c echo.Context) error {
		if _, err := currentUser(c, nil, "Bearer", false); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	})
	return e
}

func main() { scopesapp.Serve(newApp()) }
