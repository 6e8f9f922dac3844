package bench

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func BenchmarkBasic(b *testing.B)        { basicPath().run(b) }
func BenchmarkBearer(b *testing.B)       { bearerPath().run(b) }
func BenchmarkDigest(b *testing.B)       { digestPath().run(b) }
func BenchmarkOAuth2Bearer(b *testing.B) { oauth2BearerPath().run(b) }

// userBody is the answer of the Basic path.
type userBody struct {
	Username string `json:"username"`
}

// tokenBody is the answer of the Bearer and OAuth2Bearer paths; FastAPI's
// example returns {"token": token}.
type tokenBody struct {
	Token string `json:"token"`
}

// credentialsBody is the answer of the Digest path:
// HTTPAuthorizationCredentials as FastAPI returns them.
type credentialsBody struct {
	Scheme      string `json:"scheme"`
	Credentials string `json:"credentials"`
}

const (
	basicRealm     = "bench"
	basicChallenge = `Basic realm="bench"`
	bearerToken    = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqb2huZG9lIn0.c2lnbmF0dXJl"
	digestParams   = `username="johndoe", realm="bench", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/users/me", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"`
)

// authHeader returns the scheme and parameter of the first Authorization
// header if its scheme is want (any case) and the parameter is not empty.
func authHeader(auth, want string) (scheme, param string, ok bool) {
	scheme, param, ok = strings.Cut(auth, " ")
	if !ok || param == "" || !strings.EqualFold(scheme, want) {
		return "", "", false
	}
	return scheme, param, true
}

// parseBasic decodes an HTTP Basic header value as net/http's
// Request.BasicAuth does, for huma, which reads the header as a string.
func parseBasic(auth string) (username, password string, ok bool) {
	_, param, ok := authHeader(auth, "Basic")
	if !ok {
		return "", "", false
	}
	dec, err := base64.StdEncoding.DecodeString(param)
	if err != nil {
		return "", "", false
	}
	return strings.Cut(string(dec), ":")
}

// authInput is a huma input reading the Authorization header.
type authInput struct {
	Authorization string `header:"Authorization"`
}

func basicPath() *path {
	raw := newEcho()
	raw.GET("/users/me", func(c echo.Context) error {
		u, _, ok := c.Request().BasicAuth()
		if !ok {
			return rawUnauthorized(c, basicChallenge)
		}
		return c.JSON(http.StatusOK, userBody{Username: u})
	})

	fe := newEcho()
	echov4.New(fe).GET("/users/me", typed.Handle[struct{}, userBody](&security.HTTPBasic{Realm: basicRealm},
		func(_ echo.Context, _ struct{}, cred security.HTTPBasicCredentials) (userBody, error) {
			return userBody{Username: cred.Username}, nil
		}))

	mw := newEchoMW()
	mw.GET("/users/me", func(c echo.Context) error {
		return c.JSON(http.StatusOK, userBody{Username: c.Get("user").(string)})
	}, middleware.BasicAuthWithConfig(middleware.BasicAuthConfig{
		Realm: basicRealm,
		Validator: func(u, _ string, c echo.Context) (bool, error) {
			c.Set("user", u)
			return true, nil
		},
	}))

	he, api := newHuma()
	unauthorized := humaUnauthorized(basicChallenge)
	huma.Get(api, "/users/me", func(_ context.Context, in *authInput) (*humaBody[userBody], error) {
		u, _, ok := parseBasic(in.Authorization)
		if !ok {
			return nil, unauthorized
		}
		return &humaBody[userBody]{Body: userBody{Username: u}}, nil
	})

	return &path{
		name:  "Basic",
		impls: append([]impl{{"raw", raw}, {"fastecho", fe}, {"echomw", mw}, {"huma", he}}, basic5()...),
		cases: []benchCase{
			{"OK", http.StatusOK, get("/users/me", "Authorization", "Basic am9obmRvZTpzZWNyZXQ=")},
			{"Missing", http.StatusUnauthorized, get("/users/me")},
		},
	}
}

// tokenPath is a path whose credential is a bearer token: Bearer (HTTPBearer)
// and OAuth2Bearer (OAuth2PasswordBearer) differ in their fastecho scheme and
// in the Echo middleware that expresses them.
func tokenPath(name string, fe, mw http.Handler, v5 []impl) *path {
	raw := newEcho()
	raw.GET("/items/", func(c echo.Context) error {
		_, tok, ok := authHeader(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer")
		if !ok {
			return rawUnauthorized(c, "Bearer")
		}
		return c.JSON(http.StatusOK, tokenBody{Token: tok})
	})

	he, api := newHuma()
	unauthorized := humaUnauthorized("Bearer")
	huma.Get(api, "/items/", func(_ context.Context, in *authInput) (*humaBody[tokenBody], error) {
		_, tok, ok := authHeader(in.Authorization, "Bearer")
		if !ok {
			return nil, unauthorized
		}
		return &humaBody[tokenBody]{Body: tokenBody{Token: tok}}, nil
	})

	return &path{
		name:  name,
		impls: append([]impl{{"raw", raw}, {"fastecho", fe}, {"echomw", mw}, {"huma", he}}, v5...),
		cases: []benchCase{
			{"OK", http.StatusOK, get("/items/", "Authorization", "Bearer "+bearerToken)},
			{"Missing", http.StatusUnauthorized, get("/items/")},
		},
	}
}

func bearerPath() *path {
	fe := newEcho()
	echov4.New(fe).GET("/items/", typed.Handle[struct{}, tokenBody](&security.HTTPBearer{},
		func(_ echo.Context, _ struct{}, cred security.HTTPAuthorizationCredentials) (tokenBody, error) {
			return tokenBody{Token: cred.Credentials}, nil
		}))
	mw := newEchoMW()
	mw.GET("/items/", func(c echo.Context) error {
		return c.JSON(http.StatusOK, tokenBody{Token: c.Get("key").(string)})
	}, middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		Validator: func(key string, c echo.Context) (bool, error) {
			c.Set("key", key)
			return true, nil
		},
		ErrorHandler: func(_ error, c echo.Context) error { return rawUnauthorized(c, "Bearer") },
	}))
	return tokenPath("Bearer", fe, mw, bearer5())
}

func oauth2BearerPath() *path {
	fe := newEcho()
	echov4.New(fe).GET("/items/", typed.Handle[struct{}, tokenBody](&security.OAuth2PasswordBearer{TokenURL: "token"},
		func(_ echo.Context, _ struct{}, tok string) (tokenBody, error) { return tokenBody{Token: tok}, nil }))
	mw := newEchoMW()
	mw.GET("/items/", func(c echo.Context) error {
		return c.JSON(http.StatusOK, tokenBody{Token: c.Get("user").(string)})
	}, echojwt.WithConfig(echojwt.Config{
		// The token is opaque here, so echo-jwt's parser is replaced by one
		// that accepts it as it is: what is measured is the middleware.
		ParseTokenFunc: func(_ echo.Context, auth string) (any, error) {
			if auth == "" {
				return nil, errors.New("empty token")
			}
			return auth, nil
		},
		ErrorHandler: func(c echo.Context, _ error) error { return rawUnauthorized(c, "Bearer") },
	}))
	return tokenPath("OAuth2Bearer", fe, mw, oauth2Bearer5())
}

func digestPath() *path {
	raw := newEcho()
	raw.GET("/users/me", func(c echo.Context) error {
		scheme, param, ok := authHeader(c.Request().Header.Get(echo.HeaderAuthorization), "Digest")
		if !ok {
			return rawUnauthorized(c, "Digest")
		}
		return c.JSON(http.StatusOK, credentialsBody{Scheme: scheme, Credentials: param})
	})

	fe := newEcho()
	echov4.New(fe).GET("/users/me", typed.Handle[struct{}, security.HTTPAuthorizationCredentials](&security.HTTPDigest{},
		func(_ echo.Context, _ struct{}, cred security.HTTPAuthorizationCredentials) (security.HTTPAuthorizationCredentials, error) {
			return cred, nil
		}))

	// Echo has no Digest middleware; KeyAuth extracts what FastAPI's
	// HTTPDigest extracts (the parameters after "Digest ").
	mw := newEchoMW()
	mw.GET("/users/me", func(c echo.Context) error {
		return c.JSON(http.StatusOK, credentialsBody{Scheme: "Digest", Credentials: c.Get("key").(string)})
	}, middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		AuthScheme: "Digest",
		Validator: func(key string, c echo.Context) (bool, error) {
			c.Set("key", key)
			return true, nil
		},
		ErrorHandler: func(_ error, c echo.Context) error { return rawUnauthorized(c, "Digest") },
	}))

	he, api := newHuma()
	unauthorized := humaUnauthorized("Digest")
	huma.Get(api, "/users/me", func(_ context.Context, in *authInput) (*humaBody[credentialsBody], error) {
		scheme, param, ok := authHeader(in.Authorization, "Digest")
		if !ok {
			return nil, unauthorized
		}
		return &humaBody[credentialsBody]{Body: credentialsBody{Scheme: scheme, Credentials: param}}, nil
	})

	return &path{
		name:  "Digest",
		impls: append([]impl{{"raw", raw}, {"fastecho", fe}, {"echomw", mw}, {"huma", he}}, digest5()...),
		cases: []benchCase{
			{"OK", http.StatusOK, get("/users/me", "Authorization", "Digest "+digestParams)},
			{"Missing", http.StatusUnauthorized, get("/users/me")},
		},
	}
}
