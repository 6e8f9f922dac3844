package bench

import (
	"context"
	"net/http"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// keyBody is the answer of the API key paths: FastAPI's example returns
// {"key": key}.
type keyBody struct {
	Key string `json:"key"`
}

const (
	apiKey          = "k3y-0123456789abcdef"
	apiKeyChallenge = "APIKey"
)

func BenchmarkAPIKeyHeader(b *testing.B) { apiKeyHeaderPath().run(b) }
func BenchmarkAPIKeyQuery(b *testing.B)  { apiKeyQueryPath().run(b) }
func BenchmarkAPIKeyCookie(b *testing.B) { apiKeyCookiePath().run(b) }

// fastechoKey serves GET /items/ with a typed route behind scheme.
func fastechoKey(scheme typed.Dep[string]) http.Handler {
	e := newEcho()
	echov4.New(e).GET("/items/", typed.Handle[struct{}, keyBody](scheme,
		func(_ echo.Context, _ struct{}, key string) (keyBody, error) { return keyBody{Key: key}, nil }))
	return e
}

// echoKeyAuth serves GET /items/ behind Echo's KeyAuth middleware with
// lookup; the validator hands the key to the handler through the context.
func echoKeyAuth(lookup, scheme, challenge string) http.Handler {
	e := newEchoMW()
	mw := middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		KeyLookup:  lookup,
		AuthScheme: scheme,
		Validator: func(key string, c echo.Context) (bool, error) {
			c.Set("key", key)
			return true, nil
		},
		ErrorHandler: func(_ error, c echo.Context) error { return rawUnauthorized(c, challenge) },
	})
	e.GET("/items/", func(c echo.Context) error {
		return c.JSON(http.StatusOK, keyBody{Key: c.Get("key").(string)})
	}, mw)
	return e
}

// humaKey serves GET /items/ with huma, the key bound from an input field.
func humaKey[I any](key func(*I) string) http.Handler {
	e, api := newHuma()
	unauthorized := humaUnauthorized(apiKeyChallenge)
	huma.Get(api, "/items/", func(_ context.Context, in *I) (*humaBody[keyBody], error) {
		k := key(in)
		if k == "" {
			return nil, unauthorized
		}
		return &humaBody[keyBody]{Body: keyBody{Key: k}}, nil
	})
	return e
}

func apiKeyHeaderPath() *path {
	raw := newEcho()
	raw.GET("/items/", func(c echo.Context) error {
		k := c.Request().Header.Get("X-Api-Key") // canonical: Get does not allocate
		if k == "" {
			return rawUnauthorized(c, apiKeyChallenge)
		}
		return c.JSON(http.StatusOK, keyBody{Key: k})
	})
	type in struct {
		Key string `header:"X-API-Key"`
	}
	return &path{
		name: "APIKeyHeader",
		impls: append([]impl{
			{"raw", raw},
			{"fastecho", fastechoKey(&security.APIKeyHeader{Name: "X-API-Key"})},
			{"echomw", echoKeyAuth("header:X-API-Key", "", apiKeyChallenge)},
			{"huma", humaKey(func(i *in) string { return i.Key })},
		}, apiKeyHeader5()...),
		cases: []benchCase{
			{"OK", http.StatusOK, get("/items/", "X-API-Key", apiKey)},
			{"Missing", http.StatusUnauthorized, get("/items/")},
		},
	}
}

func apiKeyQueryPath() *path {
	raw := newEcho()
	raw.GET("/items/", func(c echo.Context) error {
		k := c.QueryParam("api_key")
		if k == "" {
			return rawUnauthorized(c, apiKeyChallenge)
		}
		return c.JSON(http.StatusOK, keyBody{Key: k})
	})
	type in struct {
		Key string `query:"api_key"`
	}
	return &path{
		name: "APIKeyQuery",
		impls: append([]impl{
			{"raw", raw},
			{"fastecho", fastechoKey(&security.APIKeyQuery{Name: "api_key"})},
			{"echomw", echoKeyAuth("query:api_key", "", apiKeyChallenge)},
			{"huma", humaKey(func(i *in) string { return i.Key })},
		}, apiKeyQuery5()...),
		cases: []benchCase{
			{"OK", http.StatusOK, get("/items/?api_key=" + apiKey)},
			{"Missing", http.StatusUnauthorized, get("/items/")},
		},
	}
}

func apiKeyCookiePath() *path {
	raw := newEcho()
	raw.GET("/items/", func(c echo.Context) error {
		ck, err := c.Cookie("session")
		if err != nil || ck.Value == "" {
			return rawUnauthorized(c, apiKeyChallenge)
		}
		return c.JSON(http.StatusOK, keyBody{Key: ck.Value})
	})
	type in struct {
		Key string `cookie:"session"`
	}
	const cookies = "theme=dark; session=" + apiKey + "; lang=en"
	return &path{
		name: "APIKeyCookie",
		impls: append([]impl{
			{"raw", raw},
			{"fastecho", fastechoKey(&security.APIKeyCookie{Name: "session"})},
			{"echomw", echoKeyAuth("cookie:session", "", apiKeyChallenge)},
			{"huma", humaKey(func(i *in) string { return i.Key })},
		}, apiKeyCookie5()...),
		cases: []benchCase{
			{"OK", http.StatusOK, get("/items/", "Cookie", cookies)},
			{"Missing", http.StatusUnauthorized, get("/items/", "Cookie", "theme=dark; lang=en")},
		},
	}
}
