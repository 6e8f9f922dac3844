package bench

import (
	"errors"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humaecho"
	"github.com/labstack/echo/v4"
)

// detail is FastAPI's error body, {"detail": …}.
type detail struct {
	Detail any `json:"detail"`
}

// notAuthenticated is every scheme's 401 body.
var notAuthenticated = &detail{Detail: "Not authenticated"}

// errNotAuthenticated is that 401 as an Echo v4 error, built once as
// echo.ErrUnauthorized is: Echo's DefaultHTTPErrorHandler writes its
// Message, a *detail, with c.JSON.
var errNotAuthenticated = &echo.HTTPError{Code: http.StatusUnauthorized, Message: notAuthenticated}

// rawUnauthorized is a hand-written 401, answered as Echo's own middleware
// answer theirs (BasicAuth, KeyAuth without an ErrorHandler): the challenge
// set on the response, the error returned to Echo's HTTPErrorHandler. This
// is what typed routes do too, so every implementation's 401 pays Echo's
// error handler.
func rawUnauthorized(c echo.Context, challenge string) error {
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, challenge)
	return errNotAuthenticated
}

// rawError is a hand-written error answer, FastAPI's {"detail": d} with
// status, returned to Echo's HTTPErrorHandler.
func rawError(status int, d any) error {
	return &echo.HTTPError{Code: status, Message: &detail{Detail: d}}
}

// newEcho returns the Echo every implementation is served by, with Echo's
// DefaultHTTPErrorHandler.
func newEcho() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	return e
}

// newEchoMW returns an Echo for the middleware implementations: Echo's
// middleware answer 401 with echo.ErrUnauthorized (message "Unauthorized"),
// which this error handler turns into FastAPI's body, as an Echo user who
// wants that body must; every other error goes to Echo's default handler.
func newEchoMW() *echo.Echo {
	e := newEcho()
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		var he *echo.HTTPError
		if errors.As(err, &he) && he.Code == http.StatusUnauthorized {
			if _, ok := he.Message.(string); ok {
				if err := c.JSON(http.StatusUnauthorized, notAuthenticated); err != nil {
					c.Logger().Error(err)
				}
				return
			}
		}
		e.DefaultHTTPErrorHandler(err, c)
	}
	return e
}

// humaError is FastAPI's error body for huma: huma.NewError is replaced
// with a constructor of it (init below), as huma documents for custom error
// shapes, and handlers return it with the headers to send.
type humaError struct {
	status int
	header http.Header
	Detail any `json:"detail"`
}

func (e *humaError) Error() string           { return http.StatusText(e.status) }
func (e *humaError) GetStatus() int          { return e.status }
func (e *humaError) GetHeaders() http.Header { return e.header }

var (
	_ huma.StatusError  = (*humaError)(nil)
	_ huma.HeadersError = (*humaError)(nil)
)

func init() {
	huma.NewError = func(status int, msg string, _ ...error) huma.StatusError {
		return &humaError{status: status, Detail: msg}
	}
}

// humaUnauthorized is the 401 of a huma handler, built once per scheme.
func humaUnauthorized(challenge string) *humaError {
	return &humaError{
		status: http.StatusUnauthorized,
		header: http.Header{echo.HeaderWWWAuthenticate: {challenge}},
		Detail: "Not authenticated",
	}
}

// newHuma returns a huma API on a new Echo: huma's defaults without the
// $schema link transformer (it would change the bodies) and without the
// documentation routes.
func newHuma() (*echo.Echo, huma.API) {
	e := newEcho()
	cfg := huma.DefaultConfig("bench", "1.0.0")
	cfg.CreateHooks = nil
	cfg.OpenAPIPath, cfg.DocsPath, cfg.SchemasPath = "", "", ""
	return e, humaecho.New(e, cfg)
}

// humaBody is a huma response whose body is T.
type humaBody[T any] struct {
	Body T
}
