package typed_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type f2Extra struct {
	Pin  string `json:"pin" format:"password" validate:"len=4"`
	Note string `json:"note"`
}

type f2Body struct {
	Name  string    `json:"name" validate:"required"`
	Extra f2Extra   `json:"extra"`
	Items []f2Extra `json:"items" validate:"dive"`
	Ptr   *f2Extra  `json:"ptr"`
}

// Security review F2: format:"password" values inside nested objects, and
// inside lists of them, never reach a 422 body, in any error mode.
func TestSecurityF2NestedSecretsNotEchoed(t *testing.T) {
	const secret = "98765"
	bodies := []struct{ name, body string }{
		{"nested value failing its own rule", `{"name":"a","extra":{"pin":"98765"}}`},
		{"nested type error one level up", `{"name":"a","extra":{"pin":98765,"note":[]}}`},
		{"nested object of the wrong type", `{"name":"a","extra":{"pin":"98765","note":7}}`},
		{"list of structs, rule failing", `{"name":"a","items":[{"pin":"98765"}]}`},
		{"list of structs, type error", `{"name":"a","items":[{"pin":"98765","note":1}]}`},
		{"pointer to struct, type error", `{"name":"a","ptr":{"pin":"98765","note":1}}`},
		{"missing field echoes the object", `{"extra":{"pin":"98765"},"items":[{"pin":"98765"}]}`},
		{"list where an object belongs", `{"name":"a","extra":[{"pin":"98765"}]}`},
		{"body not an object", `[{"extra":{"pin":"98765"}}]`},
	}
	modes := []struct {
		name string
		opts *typed.Options
		fast bool // the shipped error handler
	}{
		{"Echo's default handler", nil, false},
		{"FastAPI-shape handler", nil, true},
		{"problem details", &typed.Options{ProblemDetails: true}, true},
	}
	for _, m := range modes {
		e := echo.New()
		if m.fast {
			e.HTTPErrorHandler = echov4.ErrorHandler(m.opts)
		}
		echov4.NewWithOptions(e, m.opts).POST("/items", typed.Plain(func(_ echo.Context, b f2Body) (string, error) {
			return "ok", nil
		}))
		srv := httptest.NewServer(e)
		for _, tt := range bodies {
			t.Run(m.name+"/"+tt.name, func(t *testing.T) {
				res, err := http.Post(srv.URL+"/items", "application/json", strings.NewReader(tt.body))
				if err != nil {
					t.Fatal(err)
				}
				got, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422: %s", res.StatusCode, got)
				}
				if strings.Contains(string(got), secret) {
					t.Errorf("secret echoed: %s", got)
				}
			})
		}
		srv.Close()
	}
}
