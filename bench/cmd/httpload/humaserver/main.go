// Command humaserver is the scopes demo (examples/scopes) on huma v2 over
// Echo v4 (humaecho): the same routes, users and token, each handler
// reading the Authorization header as an input field and running the chain
// itself, as bench/scopes_test.go's huma implementation does. Errors are
// FastAPI's {"detail": …}: huma.NewError is replaced with a constructor of
// that body, as huma documents for custom error shapes, and handlers
// return it with the WWW-Authenticate header to send.
//
// It is one of the servers of cmd/httpload, run as
// `humaserver -addr 127.0.0.1:PORT`. Its /token reads the form from a raw
// body and does not reproduce FastAPI's 422 validation answers: the
// benchmark only logs in with it.
package main

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humaecho"
	"github.com/fastecho/fastecho/bench/cmd/httpload/internal/scopesapp"
	"github.com/labstack/echo/v4"
)

// humaError is FastAPI's error body for huma, with its status and the
// headers to send.
type humaError struct {
	status int
	header http.Header
	Detail string `json:"detail"`
}

// Error is the status text.
func (e *humaError) Error() string { return http.StatusText(e.status) }

// GetStatus is the status huma answers with (huma.StatusError).
func (e *humaError) GetStatus() int { return e.status }

// GetHeaders are the headers huma sends with it (huma.HeadersError).
func (e *humaError) GetHeaders() http.Header { return e.header }

var (
	_ huma.StatusError  = (*humaError)(nil)
	_ huma.HeadersError = (*humaError)(nil)
)

// errNotAuthenticated is the 401 of a request without a bearer token,
// built once.
var errNotAuthenticated = &humaError{
	status: http.StatusUnauthorized,
	header: http.Header{echo.HeaderWWWAuthenticate: {"Bearer"}},
	Detail: "Not authenticated",
}

// fail turns an error of the chain into huma's.
func fail(e *scopesapp.Error) error {
	if e == scopesapp.NotAuthenticated {
		return errNotAuthenticated
	}
	he := &humaError{status: e.Status, Detail: e.Detail}
	if e.Challenge != "" {
		he.header = http.Header{echo.HeaderWWWAuthenticate: {e.Challenge}}
	}
	return he
}

// authInput is the input of the secured routes: the Authorization header.
type authInput struct {
	Authorization string `header:"Authorization"`
}

// tokenInput is the input of /token: the form, read raw.
type tokenInput struct {
	RawBody []byte `contentType:"application/x-www-form-urlencoded"`
}

// body is a huma response whose body is T.
type body[T any] struct {
	Body T
}

// currentUser runs the chain for a route needing need.
func currentUser(in *authInput, need []string, challenge string, active bool) (*scopesapp.User, error) {
	tok, ok := scopesapp.BearerToken(in.Authorization)
	if !ok {
		return nil, errNotAuthenticated
	}
	u, e := scopesapp.CurrentUser(tok, need, challenge, active)
	if e != nil {
		return nil, fail(e)
	}
	return u, nil
}

// login is POST /token.
func login(_ context.Context, in *tokenInput) (*body[scopesapp.Token], error) {
	form, err := url.ParseQuery(string(in.RawBody))
	if err != nil {
		return nil, &humaError{status: http.StatusUnprocessableEntity, Detail: "invalid form"}
	}
	u, ok := scopesapp.Authenticate(form.Get("username"), form.Get("password"))
	if !ok {
		return nil, &humaError{status: http.StatusBadRequest, Detail: "Incorrect username or password"}
	}
	tok := scopesapp.EncodeToken(u.Username, strings.Fields(form.Get("scope")))
	return &body[scopesapp.Token]{Body: scopesapp.Token{AccessToken: tok, TokenType: "bearer"}}, nil
}

// newApp builds the routes of examples/scopes on huma: huma's defaults
// without the $schema link transformer (it would change the bodies).
func newApp() *echo.Echo {
	huma.NewError = func(status int, msg string, _ ...error) huma.StatusError {
		return &humaError{status: status, Detail: msg}
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	cfg := huma.DefaultConfig("scopes", "1.0.0")
	cfg.CreateHooks = nil
	api := humaecho.New(e, cfg)
	huma.Post(api, "/token", login)
	meChallenge := scopesapp.Challenge(scopesapp.NeedMe)
	huma.Get(api, "/users/me/", func(_ context.Context, in *authInput) (*body[*scopesapp.User], error) {
		u, err := currentUser(in, scopesapp.NeedMe, meChallenge, true)
		if err != nil {
			return nil, err
		}
		return &body[*scopesapp.User]{Body: u}, nil
	})
	itemsChallenge := scopesapp.Challenge(scopesapp.NeedItems)
	huma.Get(api, "/users/me/items/", func(_ context.Context, in *authInput) (*body[[]scopesapp.Item], error) {
		u, err := currentUser(in, scopesapp.NeedItems, itemsChallenge, true)
		if err != nil {
			return nil, err
		}
		return &body[[]scopesapp.Item]{Body: scopesapp.OwnItems(u)}, nil
	})
	huma.Get(api, "/status/", func(_ context.Context, in *authInput) (*body[map[string]string], error) {
		if _, err := currentUser(in, nil, "Bearer", false); err != nil {
			return nil, err
		}
		return &body[map[string]string]{Body: map[string]string{"status": "ok"}}, nil
	})
	return e
}

func main() { scopesapp.Serve(newApp()) }
