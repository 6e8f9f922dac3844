package security_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Scopes accumulate down a chain of dependencies, as in FastAPI's OAuth2
// scopes tutorial; the token here is "user:scope scope".
func ExampleSecurity() {
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"me": "Me.", "items": "Items."}}
	currentUser := typed.Depends2(security.Scopes(), oauth2,
		func(c echo.Context, s security.SecurityScopes, token string) (string, error) {
			name, scopes, _ := strings.Cut(token, ":")
			for _, need := range s.Scopes {
				if !strings.Contains(" "+scopes+" ", " "+need+" ") {
					return "", security.BearerChallenge{Scope: s.ScopeStr}.HTTPError("Not enough permissions")
				}
			}
			return name, nil
		})
	activeUser := typed.Depends(security.Security(currentUser, "me"),
		func(c echo.Context, name string) (string, error) { return name, nil })

	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me/items/", typed.Handle[struct{}, string](security.Security(activeUser, "items"),
		func(c echo.Context, _ struct{}, name string) (string, error) { return name, nil }))

	for _, token := range []string{"johndoe:me items", "johndoe:me"} {
		req := httptest.NewRequest(http.MethodGet, "/users/me/items/", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	sec := api.Operations()[0].Security[0][0]
	fmt.Println(sec.Scheme.SecuritySchemeName(), sec.Scopes)
	// Output:
	// 200  "johndoe"
	// 401 Bearer scope="items me" {"detail":"Not enough permissions"}
	// OAuth2PasswordBearer [items me]
}

// RequireScopes answers a token without the accumulated scopes with RFC
// 6750's 403 insufficient_scope.
func ExampleRequireScopes() {
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token"}
	tokenScopes := func(token string) []string { return strings.Fields(token) }
	checked := security.RequireScopes[string](oauth2, tokenScopes)

	e := echo.New()
	api := echov4.New(e)
	api.GET("/items", typed.Handle[struct{}, string](security.Security(checked, "items:read"),
		func(c echo.Context, _ struct{}, token string) (string, error) { return "ok", nil }))

	for _, token := range []string{"items:read", "profile"} {
		req := httptest.NewRequest(http.MethodGet, "/items", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200  "ok"
	// 403 Bearer error="insufficient_scope", scope="items:read" {"detail":"Not enough permissions"}
}

// AnyOf accepts a session cookie or a bearer token, documented as
// alternatives; without either, the 401 offers both challenges.
func ExampleAnyOf() {
	cookie := &security.APIKeyCookie{Name: "session"}
	bearer := &security.OAuth2PasswordBearer{TokenURL: "token"}

	e := echo.New()
	api := echov4.New(e)
	api.GET("/me", typed.Handle[struct{}, security.Matched[string]](security.AnyOfMatched[string](cookie, bearer),
		func(c echo.Context, _ struct{}, m security.Matched[string]) (security.Matched[string], error) {
			return m, nil
		}))

	for _, h := range [][2]string{{}, {"Cookie", "session=s1"}, {"Authorization", "Bearer t1"}} {
		req := httptest.NewRequest(http.MethodGet, "/me", nil)
		if h[0] != "" {
			req.Header.Set(h[0], h[1])
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Values("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	fmt.Println(len(api.Operations()[0].Security), "alternatives")
	// Output:
	// 401 [APIKey Bearer] {"detail":"Not authenticated"}
	// 200 [] {"index":0,"value":"s1"}
	// 200 [] {"index":1,"value":"t1"}
	// 2 alternatives
}

// Optional is FastAPI's auto_error=False: nil when no key was sent.
func ExampleOptional() {
	key := &security.APIKeyHeader{Name: "key"}
	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle[struct{}, map[string]string](security.Optional(key),
		func(c echo.Context, _ struct{}, key *string) (map[string]string, error) {
			if key == nil {
				return map[string]string{"msg": "Create an account first"}, nil
			}
			return map[string]string{"username": *key}, nil
		}))

	for _, value := range []string{"", "alice"} {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		if value != "" {
			req.Header.Set("Key", value)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200 {"msg":"Create an account first"}
	// 200 {"username":"alice"}
}

// BearerChallenge writes RFC 6750 challenges.
func ExampleBearerChallenge() {
	fmt.Println(security.BearerChallenge{Realm: "example", ErrorCode: security.BearerInvalidToken, ErrorDescription: "The access token expired"})
	err := security.InvalidToken("")
	fmt.Println(err.Status, err.Header.Get("WWW-Authenticate"), err.Detail)
	// Output:
	// Bearer realm="example", error="invalid_token", error_description="The access token expired"
	// 401 Bearer error="invalid_token" Could not validate credentials
}
