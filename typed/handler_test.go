package typed_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type created struct {
	ID int `json:"id"`
}

func TestHandlerAnswers(t *testing.T) {
	e := echo.New()
	var logs strings.Builder
	api := echov4.NewWithOptions(e, &typed.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	api.Register(typed.Operation{Method: http.MethodPost, Path: "/things", Status: http.StatusCreated},
		typed.Plain(func(echo.Context, struct{}) (created, error) { return created{ID: 1}, nil }))
	api.Register(typed.Operation{Method: http.MethodDelete, Path: "/things/:id", Status: http.StatusNoContent},
		typed.Plain(func(echo.Context, struct{}) (struct{}, error) { return struct{}{}, nil }))
	api.GET("/teapot", typed.Plain(func(echo.Context, struct{}) (created, error) {
		return created{}, typed.NewHTTPError(http.StatusTeapot, "short and stout", "X-Reason", "tea")
	}))
	api.GET("/structured", typed.Plain(func(echo.Context, struct{}) (created, error) {
		return created{}, &typed.HTTPError{Status: http.StatusConflict, Detail: map[string]any{"code": 7}}
	}))
	api.GET("/wrapped", typed.Plain(func(echo.Context, struct{}) (created, error) {
		return created{}, errors.Join(errors.New("context"), typed.NewHTTPError(http.StatusForbidden, "no"))
	}))
	api.GET("/plain-error", typed.Plain(func(echo.Context, struct{}) (created, error) {
		return created{}, errors.New("database password is hunter2")
	}))
	api.GET("/panic", typed.Plain(func(echo.Context, struct{}) (created, error) { panic("secret hunter2") }))
	depPanics := typed.Func(func(echo.Context) (int, error) { panic("in a dependency") })
	api.GET("/dep-panic", typed.Handle(depPanics, func(echo.Context, struct{}, int) (created, error) { return created{}, nil }))
	e.GET("/plain-echo", func(c echo.Context) error { return c.String(http.StatusOK, "plain") })

	serve(t, e, []call{
		{name: "declared status", method: "POST", target: "/things", wantStatus: 201, wantBody: `{"id":1}`},
		{name: "no content", method: "DELETE", target: "/things/1", wantStatus: 204},
		{name: "HTTPError with header", target: "/teapot", wantStatus: 418, wantBody: `{"detail":"short and stout"}`, wantHeader: map[string]string{"X-Reason": "tea"}},
		{name: "structured detail", target: "/structured", wantStatus: 409, wantBody: `{"detail":{"code":7}}`},
		{name: "wrapped HTTPError", target: "/wrapped", wantStatus: 403, wantBody: `{"detail":"no"}`},
		{name: "other errors go to Echo", target: "/plain-error", wantStatus: 500, wantBody: `{"message":"Internal Server Error"}`},
		{name: "panic in handler", target: "/panic", wantStatus: 500, wantBody: `{"detail":"Internal Server Error"}`},
		{name: "panic in dependency", target: "/dep-panic", wantStatus: 500, wantBody: `{"detail":"Internal Server Error"}`},
		{name: "server still serves", target: "/things", method: "POST", wantStatus: 201},
		{name: "plain Echo route beside", target: "/plain-echo", wantStatus: 200},
	})
	if !strings.Contains(logs.String(), "secret hunter2") || !strings.Contains(logs.String(), "in a dependency") {
		t.Errorf("panics not logged: %q", logs.String())
	}
}

// TestGroupAndMiddleware: typed routes on a group run the group's and the
// route's middleware, and record the full path.
func TestGroupAndMiddleware(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	mark := func(name string) echo.MiddlewareFunc {
		return func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c echo.Context) error {
				c.Response().Header().Add("X-Seen", name)
				return next(c)
			}
		}
	}
	v1 := api.Group("/v1", mark("group"))
	v1.GET("/users/:id", typed.Plain(func(_ echo.Context, q struct {
		ID int `path:"id"`
	}) (created, error) {
		return created{ID: q.ID}, nil
	}), mark("route"))

	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/users/5", nil))
	if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `{"id":5}` {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	if got := strings.Join(rec.Header().Values("X-Seen"), ","); got != "group,route" {
		t.Errorf("middleware ran %q", got)
	}
	ops := api.Operations()
	if len(ops) != 1 || ops[0].Path != "/v1/users/:id" || ops[0].OperationID != "handler_v1_users__id__get" && !strings.HasSuffix(ops[0].OperationID, "_v1_users__id__get") {
		t.Errorf("operation %+v", ops[0])
	}
	if len(ops[0].Params) != 1 || ops[0].Params[0].In != "path" || !ops[0].Params[0].Required {
		t.Errorf("params %+v", ops[0].Params)
	}
}

func readItems(echo.Context, struct{}) ([]string, error) { return nil, nil }

func TestOperationDefaults(t *testing.T) {
	api := echov4.New(echo.New())
	api.GET("/items/", typed.Plain(readItems))
	api.Register(typed.Operation{Method: "PUT", Path: "/items/:id", OperationID: "replace", Summary: "Replace", Tags: []string{"items"}},
		typed.Plain(readItems))
	ops := api.Operations()
	if ops[0].OperationID != "read_items_items__get" || ops[0].Summary != "Read Items" {
		t.Errorf("defaults: %q %q", ops[0].OperationID, ops[0].Summary)
	}
	if ops[1].OperationID != "replace" || ops[1].Summary != "Replace" || ops[1].Tags[0] != "items" {
		t.Errorf("explicit: %+v", ops[1])
	}
}

// TestHTTPErrorHeaderCase: headers written in a literal with any case
// reach the response under their canonical key, where Header().Get finds
// them, whether the error is returned directly or wrapped.
func TestHTTPErrorHeaderCase(t *testing.T) {
	e := echo.New()
	var seen []string
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			err := next(c)
			seen = append(seen, c.Response().Header().Get("WWW-Authenticate"))
			return err
		}
	})
	api := echov4.New(e)
	lit := &typed.HTTPError{Status: 401, Detail: "no", Header: http.Header{"WWW-Authenticate": {"Bearer"}}}
	api.GET("/plain", typed.Plain(func(echo.Context, struct{}) (string, error) { return "", lit }))
	api.GET("/wrapped", typed.Plain(func(echo.Context, struct{}) (string, error) { return "", fmt.Errorf("auth: %w", lit) }))
	for _, p := range []string{"/plain", "/wrapped"} {
		e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, p, nil))
	}
	if len(seen) != 2 || seen[0] != "Bearer" || seen[1] != "Bearer" {
		t.Errorf("middleware saw %q", seen)
	}
}
