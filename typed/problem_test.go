package typed_test

import (
	"net/http"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// With ProblemDetails, every error the library answers is RFC 9457
// application/problem+json; the challenge headers stay.
func ExampleOptions_problemDetails() {
	e := echo.New()
	api := echov4.NewWithOptions(e, &typed.Options{ProblemDetails: true})
	api.GET("/items/:id", typed.Handle(&tokenScheme{}, func(_ echo.Context, q struct {
		ID int `path:"id"`
	}, _ string) (int, error) {
		return q.ID, nil
	}))

	do(e, http.MethodGet, "/items/1", "")
	do(e, http.MethodGet, "/items/x", "", "X-Token", "t")
	// Output:
	// 401 {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Not authenticated"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"The request is not valid; see errors.","errors":[{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}
}

func TestProblemDetails(t *testing.T) {
	e := echo.New()
	api := echov4.NewWithOptions(e, &typed.Options{ProblemDetails: true, MaxBodyBytes: 8, Logger: discardLogger()})
	api.GET("/secure", typed.Handle(&tokenScheme{}, func(echo.Context, struct{}, string) (string, error) { return "ok", nil }))
	api.GET("/teapot", typed.Plain(func(echo.Context, struct{}) (string, error) {
		return "", typed.NewHTTPError(http.StatusTeapot, "short and stout", "X-Tea", "1")
	}))
	api.GET("/panic", typed.Plain(func(echo.Context, struct{}) (string, error) { panic("boom") }))
	api.POST("/body", typed.Handle(typed.None, echoReq[newItem]))
	const problem = "application/problem+json"
	serve(t, e, []call{
		{name: "401 keeps the challenge", target: "/secure", wantStatus: 401,
			wantBody:   `{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Not authenticated"}`,
			wantHeader: map[string]string{"WWW-Authenticate": "Token", "Content-Type": problem}},
		{name: "handler HTTPError", target: "/teapot", wantStatus: 418,
			wantBody:   `{"type":"about:blank","title":"I'm a teapot","status":418,"detail":"short and stout"}`,
			wantHeader: map[string]string{"X-Tea": "1", "Content-Type": problem}},
		{name: "panic", target: "/panic", wantStatus: 500,
			wantBody: `{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}`},
		{name: "413", method: "POST", target: "/body", contentType: "application/json", body: `{"name":"0123456789"}`, wantStatus: 413,
			wantBody:   `{"type":"about:blank","title":"Request Entity Too Large","status":413,"detail":"Request body too large"}`,
			wantHeader: map[string]string{"Content-Type": problem}},
		{name: "success untouched", target: "/secure", header: map[string]string{"X-Token": "t"}, wantStatus: 200, wantBody: `"ok"`,
			wantHeader: map[string]string{"Content-Type": "application/json"}},
	})
}
