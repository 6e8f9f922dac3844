package bench

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

// The OAuth2Scopes path is GET /users/me/items/ of FastAPI's OAuth2 scopes
// tutorial with the deterministic token of shared/spec/examples.md
// ("scopes"): the route requires "items", get_current_active_user "me",
// and get_current_user checks the token and both scopes.

func BenchmarkOAuth2Scopes(b *testing.B) { oauth2ScopesPath().run(b) }

type scopesUser struct {
	Username string `json:"username"`
	Email    string `json:"email"`
	FullName string `json:"full_name"`
	Disabled bool   `json:"disabled"`
}

type itemBody struct {
	ItemID string `json:"item_id"`
	Owner  string `json:"owner"`
}

var scopesUsers = map[string]*scopesUser{
	"johndoe": {Username: "johndoe", Email: "johndoe@example.com", FullName: "John Doe"},
	"alice":   {Username: "alice", Email: "alicechains@example.com", FullName: "Alice Chains", Disabled: true},
}

// scopesToken is johndoe's token for the scopes "me items".
const scopesToken = "am9obmRvZTptZSBpdGVtcw"

// tokenData is what a token carries.
type tokenData struct {
	username string
	scopes   []string
}

var errBadToken = errors.New("invalid token")

// decodeToken reads a token as the tutorial's spec says: URL-safe base64
// without padding of "username:scope scope…".
func decodeToken(tok string) (tokenData, error) {
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return tokenData{}, errBadToken
		}
	}
	if len(tok)%4 == 1 {
		return tokenData{}, errBadToken
	}
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || !utf8.Valid(raw) {
		return tokenData{}, errBadToken
	}
	name, scopes, ok := strings.Cut(string(raw), ":")
	if !ok || name == "" {
		return tokenData{}, errBadToken
	}
	return tokenData{username: name, scopes: strings.Split(scopes, " ")}, nil
}

// appError is an error of the tutorial's dependencies, which every
// implementation turns into its own error.
type appError struct {
	status    int
	detail    string
	challenge string // WWW-Authenticate, or ""
}

// currentUser is get_current_user after the token has been decoded: the
// user must exist and the token carry every scope in need.
func currentUser(td tokenData, need []string, challenge string) (*scopesUser, *appError) {
	u := scopesUsers[td.username]
	if u == nil {
		return nil, &appError{http.StatusUnauthorized, "Could not validate credentials", challenge}
	}
	for _, s := range need {
		if !slices.Contains(td.scopes, s) {
			return nil, &appError{http.StatusUnauthorized, "Not enough permissions", challenge}
		}
	}
	return u, nil
}

// activeUser is get_current_active_user.
func activeUser(u *scopesUser) *appError {
	if u.Disabled {
		return &appError{status: http.StatusBadRequest, detail: "Inactive user"}
	}
	return nil
}

func ownItems(u *scopesUser) []itemBody { return []itemBody{{ItemID: "Foo", Owner: u.Username}} }

// rawScopes is the hand-written route: the route's scopes are known, so the
// challenge is a constant.
func rawScopes() http.Handler {
	need := []string{"items", "me"}
	const challenge = `Bearer scope="items me"`
	fail := func(c echo.Context, e *appError) error {
		if e.challenge != "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, e.challenge)
		}
		return rawError(e.status, e.detail)
	}
	e := newEcho()
	e.GET("/users/me/items/", func(c echo.Context) error {
		scheme, tok, _ := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return rawUnauthorized(c, "Bearer")
		}
		td, err := decodeToken(strings.TrimSpace(tok))
		if err != nil {
			return fail(c, &appError{http.StatusUnauthorized, "Could not validate credentials", challenge})
		}
		u, ae := currentUser(td, need, challenge)
		if ae == nil {
			ae = activeUser(u)
		}
		if ae != nil {
			return fail(c, ae)
		}
		return c.JSON(http.StatusOK, ownItems(u))
	})
	return e
}

// currentActiveUserDep is the tutorial's dependency chain,
// get_current_active_user over get_current_user, for the host context C
// (echo.Context on Echo v4, *echo.Context on v5).
func currentActiveUserDep[C any]() typed.Dep[*scopesUser] {
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{
		"me": "Read information about the current user.", "items": "Read items.",
	}}
	fail := func(e *appError) error {
		if e.challenge == "" {
			return typed.NewHTTPError(e.status, e.detail)
		}
		return typed.NewHTTPError(e.status, e.detail, "WWW-Authenticate", e.challenge)
	}
	getCurrentUser := typed.Depends2(security.Scopes(), oauth2,
		func(_ C, ss security.SecurityScopes, token string) (*scopesUser, error) {
			// The tutorial's authenticate_value, built when a refusal needs
			// it (as raw's constant, it is not built on success).
			challenge := func() string {
				if len(ss.Scopes) > 0 {
					return `Bearer scope="` + ss.ScopeStr + `"`
				}
				return "Bearer"
			}
			td, err := decodeToken(token)
			if err != nil {
				return nil, fail(&appError{http.StatusUnauthorized, "Could not validate credentials", challenge()})
			}
			u, ae := currentUser(td, ss.Scopes, "")
			if ae != nil {
				ae.challenge = challenge()
				return nil, fail(ae)
			}
			return u, nil
		})
	return typed.Depends(security.Security(getCurrentUser, "me"),
		func(_ C, u *scopesUser) (*scopesUser, error) {
			if ae := activeUser(u); ae != nil {
				return nil, fail(ae)
			}
			return u, nil
		})
}

// fastechoScopes is the tutorial's route on the chain.
func fastechoScopes() http.Handler {
	e := newEcho()
	echov4.New(e).GET("/users/me/items/", typed.Handle[struct{}, []itemBody](security.Security(currentActiveUserDep[echo.Context](), "items"),
		func(_ echo.Context, _ struct{}, u *scopesUser) ([]itemBody, error) { return ownItems(u), nil }))
	return e
}

// echoJWTScopes uses echo-jwt with the tutorial's token parser, and does
// get_current_user's and get_current_active_user's checks in the handler.
func echoJWTScopes() http.Handler {
	need := []string{"items", "me"}
	const challenge = `Bearer scope="items me"`
	fail := func(c echo.Context, e *appError) error {
		if e.challenge != "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, e.challenge)
		}
		return rawError(e.status, e.detail)
	}
	e := newEchoMW()
	e.GET("/users/me/items/", func(c echo.Context) error {
		u, ae := currentUser(c.Get("user").(tokenData), need, challenge)
		if ae == nil {
			ae = activeUser(u)
		}
		if ae != nil {
			return fail(c, ae)
		}
		return c.JSON(http.StatusOK, ownItems(u))
	}, echojwt.WithConfig(echojwt.Config{
		ParseTokenFunc: func(_ echo.Context, auth string) (any, error) { return decodeToken(auth) },
		ErrorHandler: func(c echo.Context, err error) error {
			var perr *echojwt.TokenParsingError
			if errors.As(err, &perr) {
				return fail(c, &appError{http.StatusUnauthorized, "Could not validate credentials", challenge})
			}
			return rawUnauthorized(c, "Bearer")
		},
	}))
	return e
}

// humaScopes reads the header as an input field and runs the chain in the
// handler.
func humaScopes() http.Handler {
	need := []string{"items", "me"}
	const challenge = `Bearer scope="items me"`
	fail := func(e *appError) error {
		he := &humaError{status: e.status, Detail: e.detail}
		if e.challenge != "" {
			he.header = http.Header{echo.HeaderWWWAuthenticate: {e.challenge}}
		}
		return he
	}
	unauthorized := humaUnauthorized("Bearer")
	e, api := newHuma()
	huma.Get(api, "/users/me/items/", func(_ context.Context, in *authInput) (*humaBody[[]itemBody], error) {
		scheme, tok, _ := strings.Cut(in.Authorization, " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return nil, unauthorized
		}
		td, err := decodeToken(strings.TrimSpace(tok))
		if err != nil {
			return nil, fail(&appError{http.StatusUnauthorized, "Could not validate credentials", challenge})
		}
		u, ae := currentUser(td, need, challenge)
		if ae == nil {
			ae = activeUser(u)
		}
		if ae != nil {
			return nil, fail(ae)
		}
		return &humaBody[[]itemBody]{Body: ownItems(u)}, nil
	})
	return e
}

func oauth2ScopesPath() *path {
	return &path{
		name: "OAuth2Scopes",
		impls: append([]impl{
			{"raw", rawScopes()},
			{"fastecho", fastechoScopes()},
			{"echomw", echoJWTScopes()},
			{"huma", humaScopes()},
		}, scopes5()...),
		cases: []benchCase{
			{"OK", http.StatusOK, get("/users/me/items/", "Authorization", "Bearer "+scopesToken)},
			{"Missing", http.StatusUnauthorized, get("/users/me/items/")},
		},
	}
}

// TestScopesChain checks the other answers of the chain, which the
// benchmark does not time: a bad token, a missing scope, a disabled user.
func TestScopesChain(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	p := oauth2ScopesPath()
	for _, c := range []benchCase{
		{"BadToken", http.StatusUnauthorized, get("/users/me/items/", "Authorization", "Bearer !!")},
		{"UnknownUser", http.StatusUnauthorized, get("/users/me/items/", "Authorization", "Bearer "+enc("bob:me items"))},
		{"MissingScope", http.StatusUnauthorized, get("/users/me/items/", "Authorization", "Bearer "+enc("johndoe:me"))},
		{"Inactive", http.StatusBadRequest, get("/users/me/items/", "Authorization", "Bearer "+enc("alice:items me"))},
	} {
		a, err := p.check(c)
		if err != nil {
			t.Error(err)
			continue
		}
		t.Logf("%s: %v", c.name, a)
	}
}
