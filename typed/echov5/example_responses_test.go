package echov5_test

import (
	"fmt"
	"net/http"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v5"
)

// WithResponses documents responses on every route of a router, merged
// status by status under each route's own: FastAPI's
// APIRouter(responses={404: {"description": "Not found"}}).
func ExampleAPI_WithResponses() {
	type Item struct {
		Name string `json:"name"`
	}
	e := echo.New()
	api := echov5.New(e)
	items := api.WithResponses(typed.Responses{http.StatusNotFound: {Description: "Not found"}}).Group("/items")
	items.GET("/:id", typed.Plain(func(*echo.Context, struct{}) (Item, error) { return Item{}, nil }))
	items.PUT("/:id", typed.Plain(func(*echo.Context, struct{}) (Item, error) { return Item{}, nil }).
		Responses(typed.Responses{http.StatusForbidden: {Description: "Operation forbidden"}}))

	for _, op := range api.Operations() {
		fmt.Printf("%s %s 404=%q 403=%q\n", op.Method, op.Path, op.Responses[404].Description, op.Responses[403].Description)
	}
	// Output:
	// GET /items/:id 404="Not found" 403=""
	// PUT /items/:id 404="Not found" 403="Operation forbidden"
}
