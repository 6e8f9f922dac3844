package openapi_test

import (
	"encoding/json"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// TestProblemDetailsDocumented: an API that answers RFC 9457 problem
// details documents its 401 and 422 responses as application/problem+json.
func TestProblemDetailsDocumented(t *testing.T) {
	api := echov4.NewWithOptions(echo.New(), &typed.Options{ProblemDetails: true})
	bearer := &security.HTTPBearer{}
	api.GET("/items/:id", typed.Handle(bearer, func(_ echo.Context, _ struct {
		ID int `path:"id"`
	}, _ security.HTTPAuthorizationCredentials) (int, error) {
		return 0, nil
	}))
	spec, err := openapi.Build(api, openapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := openapi.Check(spec); err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(spec)
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema map[string]any `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	for _, status := range []string{"401", "422"} {
		c := doc.Paths["/items/{id}"]["get"].Responses[status].Content["application/problem+json"]
		if c.Schema["$ref"] != "#/components/schemas/ProblemDetails" {
			t.Errorf("%s: content %+v", status, doc.Paths["/items/{id}"]["get"].Responses[status].Content)
		}
	}
	if doc.Components.Schemas["ProblemDetails"] == nil {
		t.Error("no ProblemDetails schema")
	}
}
