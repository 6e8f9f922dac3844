package typed_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// do sends a request to e and prints the answer on one line.
func do(e *echo.Echo, method, target, body string, header ...string) {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
}

// A typed handler: the request is bound from the path and query and
// validated before the function runs; a bad request is a 422 in FastAPI's
// shape.
func ExamplePlain() {
	type itemQuery struct {
		ID    int    `path:"id"`
		Q     string `query:"q" required:"false"`
		Limit int    `query:"limit" default:"10" validate:"lte=100"`
	}
	type item struct {
		ID    int    `json:"id"`
		Q     string `json:"q"`
		Limit int    `json:"limit"`
	}
	e := echo.New()
	api := echov4.New(e)
	api.GET("/items/:id", typed.Plain(func(_ echo.Context, q itemQuery) (item, error) {
		return item{ID: q.ID, Q: q.Q, Limit: q.Limit}, nil
	}))

	do(e, http.MethodGet, "/items/3?q=pen", "")
	do(e, http.MethodGet, "/items/x?limit=500", "")
	// Output:
	// 200 {"id":3,"q":"pen","limit":10}
	// 422 {"detail":[{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},{"type":"less_than_equal","loc":["query","limit"],"msg":"Input should be less than or equal to 100","input":"500","ctx":{"le":100}}]}
}

// Handle resolves a dependency first: here a function of the request that
// fails with FastAPI's HTTPException, so the handler never runs.
func ExampleHandle() {
	apiKey := typed.Func(func(c echo.Context) (string, error) {
		if k := c.Request().Header.Get("X-Key"); k != "" {
			return k, nil
		}
		return "", typed.NewHTTPError(http.StatusUnauthorized, "Not authenticated", "WWW-Authenticate", "APIKey")
	})
	e := echo.New()
	echov4.New(e).GET("/me", typed.Handle(apiKey, func(_ echo.Context, _ struct{}, key string) (map[string]string, error) {
		return map[string]string{"key": key}, nil
	}))

	do(e, http.MethodGet, "/me", "", "X-Key", "k1")
	do(e, http.MethodGet, "/me", "")
	// Output:
	// 200 {"key":"k1"}
	// 401 {"detail":"Not authenticated"}
}

// Depends builds a dependency on another, FastAPI's Depends: the current
// user from the token. Each dependency runs at most once per request.
func ExampleDepends() {
	token := typed.Func(func(c echo.Context) (string, error) { return c.QueryParam("token"), nil })
	currentUser := typed.Depends(token, func(_ echo.Context, tok string) (string, error) {
		if tok != "alice-token" {
			return "", typed.NewHTTPError(http.StatusUnauthorized, "Could not validate credentials", "WWW-Authenticate", "Bearer")
		}
		return "alice", nil
	})
	e := echo.New()
	echov4.New(e).GET("/users/me", typed.Handle(currentUser, func(_ echo.Context, _ struct{}, name string) (map[string]string, error) {
		return map[string]string{"username": name}, nil
	}))

	do(e, http.MethodGet, "/users/me?token=alice-token", "")
	do(e, http.MethodGet, "/users/me?token=x", "")
	// Output:
	// 200 {"username":"alice"}
	// 401 {"detail":"Could not validate credentials"}
}

// Bind makes a request struct a dependency of its own, for instance to
// share one between routes; here a JSON body with a password field, whose
// value never appears in a 422.
func ExampleBind() {
	type signup struct {
		Email    string `json:"email" validate:"email"`
		Password string `json:"password" format:"password" validate:"min=8"`
	}
	e := echo.New()
	echov4.New(e).POST("/signup", typed.Handle(typed.Bind[signup](), func(_ echo.Context, _ struct{}, s signup) (map[string]string, error) {
		return map[string]string{"email": s.Email}, nil
	}))

	do(e, http.MethodPost, "/signup", `{"email":"a@example.com","password":"correct horse"}`, "Content-Type", "application/json")
	do(e, http.MethodPost, "/signup", `{"email":"a@example.com","password":"short"}`, "Content-Type", "application/json")
	// Output:
	// 200 {"email":"a@example.com"}
	// 422 {"detail":[{"type":"string_too_short","loc":["body","password"],"msg":"String should have at least 8 characters","ctx":{"min_length":8}}]}
}

// HTTPError is FastAPI's HTTPException: a status, a detail and headers.
// Prepare encodes it once for errors returned on every request.
func ExampleHTTPError() {
	notFound := (&typed.HTTPError{Status: http.StatusNotFound, Detail: "Item not found"})
	e := echo.New()
	echov4.New(e).GET("/items/:id", typed.Plain(func(_ echo.Context, q struct {
		ID string `path:"id"`
	}) (string, error) {
		if q.ID != "foo" {
			return "", notFound
		}
		return "The Foo Wrestlers", nil
	}))

	do(e, http.MethodGet, "/items/foo", "")
	do(e, http.MethodGet, "/items/bar", "")
	// Output:
	// 200 "The Foo Wrestlers"
	// 404 {"detail":"Item not found"}
}

// Group registers typed routes under a prefix, with the group's
// middleware, beside plain Echo routes.
func ExampleAPI_Group() {
	e := echo.New()
	api := echov4.New(e)
	v1 := api.Group("/v1")
	v1.GET("/ping", typed.Plain(func(echo.Context, struct{}) (string, error) { return "pong", nil }))
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })

	do(e, http.MethodGet, "/v1/ping", "")
	do(e, http.MethodGet, "/healthz", "")
	fmt.Println(api.Operations()[0].Method, api.Operations()[0].Path, api.Operations()[0].OperationID)
	// Output:
	// 200 "pong"
	// 200 ok
	// GET /v1/ping handler_v1_ping_get
}
