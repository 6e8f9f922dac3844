package bench

// The Echo v5 implementations of the paths (echo below is
// github.com/labstack/echo/v5): raw5, a hand-written Echo v5 handler doing
// what raw does; fastecho5, the same typed route as fastecho on the echov5
// adapter; echomw5, Echo v5's own KeyAuth and BasicAuth middleware and
// c.Bind with the validator, where v4's echomw has a v5 twin. There is no
// echomw5 for OAuth2Bearer and OAuth2Scopes: their echomw is echo-jwt, whose
// v5 module (github.com/labstack/echo-jwt/v5) the module proxy does not
// serve. There is no huma5: huma's humaecho adapter (v2.37.2, the newest
// huma v2 the proxy serves) supports Echo v4 only.

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

// newEcho5 returns the Echo v5 every v5 implementation is served by, with
// Echo's DefaultHTTPErrorHandler.
func newEcho5() *echo.Echo { return echo.New() }

// apiError is a hand-written error for Echo v5, whose
// DefaultHTTPErrorHandler answers an error with a StatusCode and a
// MarshalJSON as it encodes itself: FastAPI's {"detail": …}.
type apiError struct {
	status int
	body   detail
}

func (e *apiError) Error() string                { return http.StatusText(e.status) }
func (e *apiError) StatusCode() int              { return e.status }
func (e *apiError) MarshalJSON() ([]byte, error) { return json.Marshal(&e.body) }

// errNotAuthenticated5 is every scheme's 401 as an Echo v5 error, built
// once.
var errNotAuthenticated5 = &apiError{status: http.StatusUnauthorized, body: detail{Detail: "Not authenticated"}}

// rawUnauthorized5 is rawUnauthorized on Echo v5: the challenge set, the
// error returned to Echo's error handler.
func rawUnauthorized5(c *echo.Context, challenge string) error {
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, challenge)
	return errNotAuthenticated5
}

// newEchoMW5 is newEchoMW on Echo v5: Echo's own 401 (echo.ErrUnauthorized,
// which encodes no body of its own) answers FastAPI's body; every other
// error goes to Echo's default handler.
func newEchoMW5() *echo.Echo {
	e := newEcho5()
	def := echo.DefaultHTTPErrorHandler(false)
	e.HTTPErrorHandler = func(c *echo.Context, err error) {
		var m json.Marshaler
		if echo.StatusCode(err) == http.StatusUnauthorized && !errors.As(err, &m) {
			if err := c.JSON(http.StatusUnauthorized, notAuthenticated); err != nil {
				c.Logger().Error("answering 401", "error", err)
			}
			return
		}
		def(c, err)
	}
	return e
}

// --- API keys ---

func fastechoKey5(scheme typed.Dep[string]) http.Handler {
	e := newEcho5()
	echov5.New(e).GET("/items/", typed.Handle[struct{}, keyBody](scheme,
		func(_ *echo.Context, _ struct{}, key string) (keyBody, error) { return keyBody{Key: key}, nil }))
	return e
}

// echoKeyAuth5 serves GET /items/ behind Echo v5's KeyAuth with lookup
// (v5 spells a header's scheme prefix in the lookup itself).
func echoKeyAuth5(lookup, challenge string) http.Handler {
	e := newEchoMW5()
	mw := middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		KeyLookup: lookup,
		Validator: func(c *echo.Context, key string, _ middleware.ExtractorSource) (bool, error) {
			c.Set("key", key)
			return true, nil
		},
		ErrorHandler: func(c *echo.Context, _ error) error { return rawUnauthorized5(c, challenge) },
	})
	e.GET("/items/", func(c *echo.Context) error {
		return c.JSON(http.StatusOK, keyBody{Key: c.Get("key").(string)})
	}, mw)
	return e
}

// rawKey5 is the raw handler of an API key path on Echo v5.
func rawKey5(key func(c *echo.Context) string) http.Handler {
	e := newEcho5()
	e.GET("/items/", func(c *echo.Context) error {
		k := key(c)
		if k == "" {
			return rawUnauthorized5(c, apiKeyChallenge)
		}
		return c.JSON(http.StatusOK, keyBody{Key: k})
	})
	return e
}

func apiKeyHeader5() []impl {
	return []impl{
		{"raw5", rawKey5(func(c *echo.Context) string { return c.Request().Header.Get("X-Api-Key") })},
		{"fastecho5", fastechoKey5(&security.APIKeyHeader{Name: "X-API-Key"})},
		{"echomw5", echoKeyAuth5("header:X-API-Key", apiKeyChallenge)},
	}
}

func apiKeyQuery5() []impl {
	return []impl{
		{"raw5", rawKey5(func(c *echo.Context) string { return c.QueryParam("api_key") })},
		{"fastecho5", fastechoKey5(&security.APIKeyQuery{Name: "api_key"})},
		{"echomw5", echoKeyAuth5("query:api_key", apiKeyChallenge)},
	}
}

func apiKeyCookie5() []impl {
	return []impl{
		{"raw5", rawKey5(func(c *echo.Context) string {
			ck, err := c.Cookie("session")
			if err != nil {
				return ""
			}
			return ck.Value
		})},
		{"fastecho5", fastechoKey5(&security.APIKeyCookie{Name: "session"})},
		{"echomw5", echoKeyAuth5("cookie:session", apiKeyChallenge)},
	}
}

// --- HTTP schemes ---

func basic5() []impl {
	raw := newEcho5()
	raw.GET("/users/me", func(c *echo.Context) error {
		u, _, ok := c.Request().BasicAuth()
		if !ok {
			return rawUnauthorized5(c, basicChallenge)
		}
		return c.JSON(http.StatusOK, userBody{Username: u})
	})

	fe := newEcho5()
	echov5.New(fe).GET("/users/me", typed.Handle[struct{}, userBody](&security.HTTPBasic{Realm: basicRealm},
		func(_ *echo.Context, _ struct{}, cred security.HTTPBasicCredentials) (userBody, error) {
			return userBody{Username: cred.Username}, nil
		}))

	mw := newEchoMW5()
	mw.GET("/users/me", func(c *echo.Context) error {
		return c.JSON(http.StatusOK, userBody{Username: c.Get("user").(string)})
	}, middleware.BasicAuthWithConfig(middleware.BasicAuthConfig{
		Realm: basicRealm,
		Validator: func(c *echo.Context, u, _ string) (bool, error) {
			c.Set("user", u)
			return true, nil
		},
	}))
	return []impl{{"raw5", raw}, {"fastecho5", fe}, {"echomw5", mw}}
}

// rawToken5 is the raw handler of the Bearer and OAuth2Bearer paths.
func rawToken5() http.Handler {
	raw := newEcho5()
	raw.GET("/items/", func(c *echo.Context) error {
		_, tok, ok := authHeader(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer")
		if !ok {
			return rawUnauthorized5(c, "Bearer")
		}
		return c.JSON(http.StatusOK, tokenBody{Token: tok})
	})
	return raw
}

func bearer5() []impl {
	fe := newEcho5()
	echov5.New(fe).GET("/items/", typed.Handle[struct{}, tokenBody](&security.HTTPBearer{},
		func(_ *echo.Context, _ struct{}, cred security.HTTPAuthorizationCredentials) (tokenBody, error) {
			return tokenBody{Token: cred.Credentials}, nil
		}))
	mw := newEchoMW5()
	mw.GET("/items/", func(c *echo.Context) error {
		return c.JSON(http.StatusOK, tokenBody{Token: c.Get("key").(string)})
	}, middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		KeyLookup: "header:" + echo.HeaderAuthorization + ":Bearer ",
		Validator: func(c *echo.Context, key string, _ middleware.ExtractorSource) (bool, error) {
			c.Set("key", key)
			return true, nil
		},
		ErrorHandler: func(c *echo.Context, _ error) error { return rawUnauthorized5(c, "Bearer") },
	}))
	return []impl{{"raw5", rawToken5()}, {"fastecho5", fe}, {"echomw5", mw}}
}

func oauth2Bearer5() []impl {
	fe := newEcho5()
	echov5.New(fe).GET("/items/", typed.Handle[struct{}, tokenBody](&security.OAuth2PasswordBearer{TokenURL: "token"},
		func(_ *echo.Context, _ struct{}, tok string) (tokenBody, error) { return tokenBody{Token: tok}, nil }))
	return []impl{{"raw5", rawToken5()}, {"fastecho5", fe}}
}

func digest5() []impl {
	raw := newEcho5()
	raw.GET("/users/me", func(c *echo.Context) error {
		scheme, param, ok := authHeader(c.Request().Header.Get(echo.HeaderAuthorization), "Digest")
		if !ok {
			return rawUnauthorized5(c, "Digest")
		}
		return c.JSON(http.StatusOK, credentialsBody{Scheme: scheme, Credentials: param})
	})

	fe := newEcho5()
	echov5.New(fe).GET("/users/me", typed.Handle[struct{}, security.HTTPAuthorizationCredentials](&security.HTTPDigest{},
		func(_ *echo.Context, _ struct{}, cred security.HTTPAuthorizationCredentials) (security.HTTPAuthorizationCredentials, error) {
			return cred, nil
		}))

	mw := newEchoMW5()
	mw.GET("/users/me", func(c *echo.Context) error {
		return c.JSON(http.StatusOK, credentialsBody{Scheme: "Digest", Credentials: c.Get("key").(string)})
	}, middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		KeyLookup: "header:" + echo.HeaderAuthorization + ":Digest ",
		Validator: func(c *echo.Context, key string, _ middleware.ExtractorSource) (bool, error) {
			c.Set("key", key)
			return true, nil
		},
		ErrorHandler: func(c *echo.Context, _ error) error { return rawUnauthorized5(c, "Digest") },
	}))
	return []impl{{"raw5", raw}, {"fastecho5", fe}, {"echomw5", mw}}
}

// --- OAuth2 scopes ---

func scopes5() []impl {
	need := []string{"items", "me"}
	const challenge = `Bearer scope="items me"`
	fail := func(c *echo.Context, e *appError) error {
		if e.challenge != "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, e.challenge)
		}
		return &apiError{status: e.status, body: detail{Detail: e.detail}}
	}
	raw := newEcho5()
	raw.GET("/users/me/items/", func(c *echo.Context) error {
		scheme, tok, _ := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return rawUnauthorized5(c, "Bearer")
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

	fe := newEcho5()
	echov5.New(fe).GET("/users/me/items/", typed.Handle[struct{}, []itemBody](security.Security(currentActiveUserDep[*echo.Context](), "items"),
		func(_ *echo.Context, _ struct{}, u *scopesUser) ([]itemBody, error) { return ownItems(u), nil }))
	return []impl{{"raw5", raw}, {"fastecho5", fe}}
}

// --- password forms ---

func rawLogin5(strict bool) http.Handler {
	e := newEcho5()
	e.POST("/token", func(c *echo.Context) error {
		form, err := c.FormValues()
		if err != nil {
			return err
		}
		user := last(form, "username")
		if errs := checkLogin(strict, last(form, "grant_type"), user, last(form, "password")); errs != nil {
			return &apiError{status: http.StatusUnprocessableEntity, body: detail{Detail: errs}}
		}
		return c.JSON(http.StatusOK, loginBody{AccessToken: user, TokenType: "bearer",
			Scopes: strings.Fields(last(form, "scope")), ClientID: last(form, "client_id")})
	})
	return e
}

func fastechoLogin5(strict bool) http.Handler {
	e := newEcho5()
	api := echov5.New(e)
	if strict {
		api.POST("/token", typed.Handle[struct{}, loginBody](forms.PasswordStrict(nil),
			func(_ *echo.Context, _ struct{}, f forms.OAuth2PasswordRequestFormStrict) (loginBody, error) {
				return loginBody{AccessToken: f.Username, TokenType: "bearer", Scopes: f.Scopes, ClientID: f.ClientID}, nil
			}))
		return e
	}
	api.POST("/token", typed.Handle[struct{}, loginBody](forms.Password(nil),
		func(_ *echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (loginBody, error) {
			return loginBody{AccessToken: f.Username, TokenType: "bearer", Scopes: f.Scopes, ClientID: f.ClientID}, nil
		}))
	return e
}

func echoBindLogin5(strict bool) http.Handler {
	e := newEcho5()
	e.Validator = newEchoValidator()
	answer := func(c *echo.Context, form any, user, scope, clientID string) error {
		if err := c.Validate(form); err != nil {
			if errs, ok := fastAPIErrors(err); ok {
				return &apiError{status: http.StatusUnprocessableEntity, body: detail{Detail: errs}}
			}
			return err
		}
		return c.JSON(http.StatusOK, loginBody{AccessToken: user, TokenType: "bearer",
			Scopes: strings.Fields(scope), ClientID: clientID})
	}
	if strict {
		e.POST("/token", func(c *echo.Context) error {
			var f echoFormStrict
			if err := c.Bind(&f); err != nil {
				return err
			}
			return answer(c, &f, f.Username, f.Scope, f.ClientID)
		})
		return e
	}
	e.POST("/token", func(c *echo.Context) error {
		var f echoForm
		if err := c.Bind(&f); err != nil {
			return err
		}
		return answer(c, &f, f.Username, f.Scope, f.ClientID)
	})
	return e
}

func login5(strict bool) []impl {
	return []impl{{"raw5", rawLogin5(strict)}, {"fastecho5", fastechoLogin5(strict)}, {"echomw5", echoBindLogin5(strict)}}
}

// --- OpenAPI ---

func (kind[K]) add5(api *echov5.API, s *docSchemes, i int) {
	addResource[K](func(op typed.Operation, h *typed.Handler[*echo.Context]) { api.Register(op, h) }, s, i)
}

// docServers5 is docServers on Echo v5: the document of n operations
// registered on echov5 and served by openapi.Mount, and the same bytes
// from a plain route with c.Blob.
func docServers5(tb testing.TB, n int) (mounted, raw http.Handler) {
	e := newEcho5()
	api := echov5.New(e)
	s := newDocSchemes()
	for i := range n / 5 {
		resourceKinds[i].add5(api, s, i)
	}
	if err := openapi.Mount(api, docConfig); err != nil {
		tb.Fatal(err)
	}
	doc, err := openapi.JSON(api, docConfig)
	if err != nil {
		tb.Fatal(err)
	}
	r := newEcho5()
	r.GET("/openapi.json", func(c *echo.Context) error { return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, doc) })
	return e, r
}
