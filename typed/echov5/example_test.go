package echov5_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v5"
)

func do(e *echo.Echo, method, target string, header ...string) {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
}

// A typed route on Echo v5: the scheme resolves the credentials before the
// handler runs, and a missing one is Echo's error to answer.
func ExampleNew() {
	e := echo.New()
	api := echov5.New(e)
	api.GET("/me", typed.Handle(&security.HTTPBearer{},
		func(_ *echo.Context, _ struct{}, cred security.HTTPAuthorizationCredentials) (string, error) {
			return "token " + cred.Credentials, nil
		}))
	do(e, http.MethodGet, "/me", "Authorization", "Bearer abc")
	do(e, http.MethodGet, "/me")
	// Output:
	// 200  "token abc"
	// 401 Bearer {"detail":"Not authenticated"}
}

// Options apply to every route of the API: here a 16-byte body limit.
func ExampleNewWithOptions() {
	e := echo.New()
	api := echov5.NewWithOptions(e, &typed.Options{MaxBodyBytes: 16})
	api.POST("/echo", typed.Plain(func(_ *echo.Context, in struct {
		Text string `json:"text"`
	}) (string, error) {
		return in.Text, nil
	}))
	req := httptest.NewRequest(http.MethodPost, "/echo", strings.NewReader(`{"text":"far too long for the limit"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	// Output:
	// 413 {"detail":"Request body too large"}
}

// Register takes the whole operation: a status, tags, a summary.
func ExampleAPI_Register() {
	e := echo.New()
	api := echov5.New(e)
	api.Register(typed.Operation{Method: http.MethodPost, Path: "/items", Status: http.StatusCreated, Tags: []string{"items"}},
		typed.Plain(func(_ *echo.Context, in struct {
			Name string `json:"name" validate:"required"`
		}) (string, error) {
			return in.Name, nil
		}))
	req := httptest.NewRequest(http.MethodPost, "/items", strings.NewReader(`{"name":"hammer"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	op := api.Operations()[0]
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()), op.OperationID, op.Tags)
	// Output:
	// 201 "hammer" handler_items_post [items]
}

// A group's prefix and middleware apply to its typed routes.
func ExampleAPI_Group() {
	e := echo.New()
	v1 := echov5.New(e).Group("/v1", func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			c.Response().Header().Set("X-Version", "1")
			return next(c)
		}
	})
	v1.GET("/ping", typed.Plain(func(*echo.Context, struct{}) (string, error) { return "pong", nil }))
	req := httptest.NewRequest(http.MethodGet, "/v1/ping", nil)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("X-Version"), strings.TrimSpace(rec.Body.String()))
	// Output:
	// 200 1 "pong"
}

// The shipped error handler answers Echo's own errors and plain errors in
// FastAPI's shape.
func ExampleErrorHandler() {
	e := echo.New()
	e.HTTPErrorHandler = echov5.ErrorHandler(&typed.Options{Logger: quiet()})
	echov5.New(e).GET("/boom", typed.Plain(func(*echo.Context, struct{}) (string, error) {
		return "", errors.New("database down") // logged, never sent
	}))
	do(e, http.MethodGet, "/nowhere")
	do(e, http.MethodPost, "/boom")
	do(e, http.MethodGet, "/boom")
	// Output:
	// 404  {"detail":"Not Found"}
	// 405  {"detail":"Method Not Allowed"}
	// 500  {"detail":"Internal Server Error"}
}

// A plain Echo handler resolves a scheme itself and returns its error
// through Error, challenge included.
func ExampleError() {
	e := echo.New()
	bearer := &security.HTTPBearer{}
	e.GET("/plain", func(c *echo.Context) error {
		cred, err := typed.Resolve(echov5.NewRequest(c), typed.Dep[security.HTTPAuthorizationCredentials](bearer))
		if err != nil {
			return echov5.Error(c, err)
		}
		return c.String(http.StatusOK, cred.Credentials)
	})
	do(e, http.MethodGet, "/plain")
	// Output:
	// 401 Bearer {"detail":"Not authenticated"}
}
