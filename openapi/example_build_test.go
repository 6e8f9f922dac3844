package openapi_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type listQuery struct {
	Limit int `query:"limit" default:"10" validate:"lte=100"`
}

// Build returns the document as a value, to inspect or to write to a file.
func ExampleBuild() {
	api := echov4.New(echo.New())
	api.GET("/items", typed.Plain(func(echo.Context, listQuery) ([]string, error) { return nil, nil }))
	spec, err := openapi.Build(api, openapi.Config{Title: "Items", Version: "1.0.0"})
	if err != nil {
		panic(err)
	}
	op := spec.Paths.MapOfPathItemValues["/items"].Get
	fmt.Println(spec.Openapi, spec.Info.Title, *op.ID, len(op.Parameters))
	// Output:
	// 3.1.0 Items handler_items_get 1
}

// Check finds what validators let pass but clients trip over, here a
// requirement naming a scheme the document does not define (as a document
// edited by hand might).
func ExampleCheck() {
	api := echov4.New(echo.New())
	api.GET("/me", typed.Handle(&security.HTTPBearer{}, func(echo.Context, struct{}, security.HTTPAuthorizationCredentials) (string, error) {
		return "", nil
	}))
	spec, err := openapi.Build(api, openapi.Config{})
	if err != nil {
		panic(err)
	}
	fmt.Println("built:", openapi.Check(spec))
	delete(spec.Components.SecuritySchemes, "HTTPBearer")
	fmt.Println("edited:", openapi.Check(spec) != nil)
	// Output:
	// built: <nil>
	// edited: true
}

// Mount with options: the document under /api, Swagger UI at /api/docs
// with its own parameters, ReDoc off.
func ExampleMount_options() {
	e := echo.New()
	api := echov4.New(e).Group("/api")
	api.GET("/ping", typed.Plain(func(echo.Context, struct{}) (string, error) { return "pong", nil }))
	err := openapi.Mount(api, openapi.Config{
		Title:               "Ping",
		RedocPath:           "-",
		SwaggerUIParameters: map[string]any{"docExpansion": "none"},
	})
	if err != nil {
		panic(err)
	}
	for _, path := range []string{"/api/openapi.json", "/api/docs", "/api/redoc", "/openapi.json"} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		fmt.Println(path, rec.Code)
	}
	// Output:
	// /api/openapi.json 200
	// /api/docs 200
	// /api/redoc 404
	// /openapi.json 404
}
