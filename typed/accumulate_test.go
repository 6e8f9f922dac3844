package typed_test

import (
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type tokenQuery struct {
	Token string `query:"token"`
}

type tokenHeader struct {
	XToken string `header:"x-token"`
}

// TestValidationErrorsAccumulate: as FastAPI solves dependencies, every
// validation error of the guards, the dependency and the request is
// answered in one 422; a dependency whose parameters are valid is still
// called, and its HTTPException answers at once.
func TestValidationErrorsAccumulate(t *testing.T) {
	var called []string
	queryToken := typed.Depends(typed.Bind[tokenQuery](), func(_ echo.Context, q tokenQuery) (string, error) {
		called = append(called, "query")
		if q.Token != "jessica" {
			return "", typed.NewHTTPError(400, "No Jessica token provided")
		}
		return q.Token, nil
	})
	headerToken := typed.Depends(typed.Bind[tokenHeader](), func(_ echo.Context, h tokenHeader) (string, error) {
		called = append(called, "header")
		if h.XToken != "fake-super-secret-token" {
			return "", typed.NewHTTPError(400, "X-Token header invalid")
		}
		return h.XToken, nil
	})
	e := echo.New()
	echov4.New(e).With(typed.Use(queryToken), typed.Use(headerToken)).GET("/items/:id", typed.Plain(func(_ echo.Context, q struct {
		ID int `path:"id"`
	}) (int, error) {
		called = append(called, "handler")
		return q.ID, nil
	}))
	serve(t, e, []call{
		{name: "every parameter invalid: one 422", target: "/items/x", wantStatus: 422, wantBody: `{"detail":[
			{"type":"missing","loc":["query","token"],"msg":"Field required","input":null},
			{"type":"missing","loc":["header","x-token"],"msg":"Field required","input":null},
			{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}`},
		{name: "a valid dependency still runs and raises", target: "/items/x", header: map[string]string{"X-Token": "wrong"},
			wantStatus: 400, wantBody: `{"detail":"X-Token header invalid"}`},
		{name: "the first to raise decides", target: "/items/1?token=bob", header: map[string]string{"X-Token": "wrong"},
			wantStatus: 400, wantBody: `{"detail":"No Jessica token provided"}`},
		{name: "all valid", target: "/items/1?token=jessica", header: map[string]string{"X-Token": "fake-super-secret-token"},
			wantStatus: 200, wantBody: `1`},
	})
	if len(called) == 0 || called[len(called)-1] != "handler" {
		t.Errorf("calls %v", called)
	}
}
