package echov4_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/fastecho/fastecho/internal/hosttest"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type item struct {
	Name string `json:"name" validate:"required"`
}

// app builds hosttest's application on e.
func app(e *echo.Echo, opts *typed.Options) *echov4.API {
	api := echov4.NewWithOptions(e, opts)
	bearer := &security.HTTPBearer{}
	api.GET("/secure", typed.Handle(bearer, func(_ echo.Context, _ struct{}, c security.HTTPAuthorizationCredentials) (string, error) {
		return c.Credentials, nil
	}))
	api.POST("/items", typed.Plain(func(_ echo.Context, it item) (item, error) { return it, nil }))
	small := typed.Options{MaxBodyBytes: 16}
	if opts != nil {
		small.ProblemDetails = opts.ProblemDetails
	}
	echov4.NewWithOptions(e, &small).POST("/upload", typed.Plain(func(_ echo.Context, it item) (item, error) { return it, nil }))
	api.GET("/boom", typed.Plain(func(echo.Context, struct{}) (string, error) { return "", errors.New("db down") }))
	api.GET("/panic", typed.Plain(func(echo.Context, struct{}) (string, error) { panic("boom") }))
	api.GET("/users/:name", typed.Plain(func(_ echo.Context, q struct {
		Name string `path:"name"`
	}) (string, error) {
		return q.Name, nil
	}))
	api.GET("/wrapped", typed.Plain(func(echo.Context, struct{}) (string, error) {
		return "", fmt.Errorf("auth: %w", typed.NewHTTPError(401, "custom", "WWW-Authenticate", "Custom"))
	}))
	return api
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil)) }

// Security review F3: path parameters are decoded once, not twice.
func TestSecurityF3PathDecodedOnce(t *testing.T) {
	e := echo.New()
	app(e, nil)
	hosttest.Serve(t, e, hosttest.PathDecoding)
}

func TestDefaultErrorHandler(t *testing.T) {
	e := echo.New()
	app(e, &typed.Options{Logger: quiet()})
	hosttest.Serve(t, e, append(append([]hosttest.Call{}, hosttest.Typed...), hosttest.EchoDefault...))
}

// TestCustomErrorHandler: the application's own HTTPErrorHandler receives
// every error of a typed route, finds the typed error with errors.As, and
// finds its headers already set; a middleware wrapping next receives it
// too.
func TestCustomErrorHandler(t *testing.T) {
	var mu sync.Mutex
	handlerSaw, middlewareSaw := map[string]hosttest.Seen{}, map[string]hosttest.Seen{}
	observe := func(into map[string]hosttest.Seen, c echo.Context, err error) {
		var sc interface{ StatusCode() int }
		if !errors.As(err, &sc) {
			return
		}
		var he *typed.HTTPError
		var ve *typed.RequestValidationError
		if !errors.As(err, &he) && !errors.As(err, &ve) {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		into[c.Request().URL.Path] = hosttest.Seen{Status: sc.StatusCode(), Challenge: c.Response().Header().Get("WWW-Authenticate")}
	}
	e := echo.New()
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		observe(handlerSaw, c, err)
		e.DefaultHTTPErrorHandler(err, c)
	}
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			err := next(c)
			observe(middlewareSaw, c, err)
			return err
		}
	})
	app(e, &typed.Options{Logger: quiet()})
	hosttest.Serve(t, e, hosttest.Typed)
	hosttest.CheckSeen(t, "error handler", handlerSaw)
	hosttest.CheckSeen(t, "middleware", middlewareSaw)
}

// TestErrorHandler: the shipped handler answers Echo's errors and plain
// errors in FastAPI's shape and logs the plain ones with their route.
func TestErrorHandler(t *testing.T) {
	var logged bytes.Buffer
	opts := &typed.Options{Logger: slog.New(slog.NewTextHandler(&logged, nil))}
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(opts)
	app(e, opts)
	hosttest.Serve(t, e, append(append([]hosttest.Call{}, hosttest.Typed...), hosttest.FastAPI...))
	if !strings.Contains(logged.String(), "route=/boom") || !strings.Contains(logged.String(), "db down") {
		t.Errorf("the plain error was not logged with its route: %s", logged.String())
	}
}

func TestErrorHandlerProblemDetails(t *testing.T) {
	opts := &typed.Options{Logger: quiet(), ProblemDetails: true}
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(opts)
	app(e, opts)
	hosttest.Serve(t, e, hosttest.Problem)
}

// TestGroup: a group's prefix and middleware apply, and the operation
// records the full path.
func TestGroup(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	var hits int
	g := api.Group("/v1", func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error { hits++; return next(c) }
	})
	g.GET("/items/:id", typed.Plain(func(_ echo.Context, q struct {
		ID int `path:"id"`
	}) (int, error) {
		return q.ID, nil
	}))
	hosttest.Serve(t, e, []hosttest.Call{{Name: "grouped", Target: "/v1/items/7", WantStatus: 200, WantBody: "7\n"}})
	if hits != 1 {
		t.Errorf("group middleware ran %d times", hits)
	}
	if ops := api.Operations(); len(ops) != 1 || ops[0].Path != "/v1/items/:id" || ops[0].OperationID != "handler_v1_items__id__get" {
		t.Errorf("operations %+v", ops[0])
	}
}

// TestFuncOfAnotherHost: a dependency whose function takes another host's
// context panics at registration, naming both types.
func TestFuncOfAnotherHost(t *testing.T) {
	type otherContext interface{ Other() }
	dep := typed.Func(func(otherContext) (string, error) { return "", nil })
	defer func() {
		msg := fmt.Sprint(recover())
		if !strings.Contains(msg, "otherContext") || !strings.Contains(msg, "echo.Context") {
			t.Errorf("panic %q does not name both types", msg)
		}
	}()
	echov4.New(echo.New()).GET("/", typed.Handle(dep, func(echo.Context, struct{}, string) (string, error) { return "", nil }))
	t.Error("registration did not panic")
}

// TestPlainHandlerResolve: a plain Echo handler resolves a dependency and
// returns its error through Error, with the challenge set.
func TestPlainHandlerResolve(t *testing.T) {
	e := echo.New()
	bearer := &security.HTTPBearer{}
	e.GET("/plain", func(c echo.Context) error {
		cred, err := typed.Resolve(echov4.NewRequest(c), typed.Dep[security.HTTPAuthorizationCredentials](bearer))
		if err != nil {
			return echov4.Error(c, err)
		}
		return c.String(http.StatusOK, cred.Credentials)
	})
	hosttest.Serve(t, e, []hosttest.Call{
		{Name: "ok", Target: "/plain", Header: map[string]string{"Authorization": "Bearer t"}, WantStatus: 200, WantBody: "t"},
		{Name: "401", Target: "/plain", WantStatus: 401, WantBody: `{"detail":"Not authenticated"}` + "\n",
			WantHeader: map[string]string{"WWW-Authenticate": "Bearer"}},
	})
}

// TestRedirectSlashes: Starlette's redirect_slashes, decided by Echo's
// router, with a query, on POST, on a group and on a path parameter.
func TestRedirectSlashes(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := app(e, nil)
	answer := func(s string) *typed.Handler[echo.Context] {
		return typed.Plain(func(echo.Context, struct{}) (string, error) { return s, nil })
	}
	api.GET("/slash/", answer("slash"))
	api.POST("/slash/", answer("slash"))
	api.GET("/noslash", answer("noslash"))
	api.Group("/v1").GET("/things/", answer("things"))
	api.GET("/missing-item", typed.Plain(func(echo.Context, struct{}) (string, error) {
		return "", typed.NewHTTPError(http.StatusNotFound, "Item not found")
	}))
	hosttest.Serve(t, e, hosttest.Redirects)
}
