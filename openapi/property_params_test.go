package openapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// A paramRule is a rule on the query parameter v, and texts to send.
type paramRule struct {
	name     string
	register func(api *echov4.API)
	values   [][]string // each: the occurrences of v; nil sends none
}

func p[T any](values ...[]string) paramRule {
	f := reflect.TypeFor[T]().Field(0)
	return paramRule{
		name: fmt.Sprintf("%v `%s`", f.Type, f.Tag),
		register: func(api *echov4.API) {
			api.GET("/v", typed.Plain(func(echo.Context, T) (struct{}, error) { return struct{}{}, nil }))
		},
		values: values,
	}
}

func one(vals ...string) [][]string {
	out := [][]string{nil}
	for _, v := range vals {
		out = append(out, []string{v})
	}
	return out
}

var paramRules = []paramRule{
	p[struct {
		V int `query:"v" validate:"gte=0,lte=1000"`
	}](one("-1", "0", "1000", "1001")...),
	p[struct {
		V *float64 `query:"v" validate:"gt=0,lt=10.5"`
	}](one("0", "0.1", "10.4", "10.5")...),
	p[struct {
		V *string `query:"v" validate:"min=3,max=5" pattern:"^a"`
	}](one("", "ab", "abc", "bcd", "abcde", "abcdef")...),
	p[struct {
		V int8 `query:"v" required:"false"`
	}](one("-129", "-128", "127", "128")...),
	p[struct {
		V []string `query:"v" validate:"max=2,dive,min=2"`
	}]([][]string{nil, {"ab"}, {"a"}, {"ab", "cd"}, {"ab", "cd", "ef"}}...),
	p[struct {
		V []int `query:"v" minItems:"1" uniqueItems:"true"`
	}]([][]string{nil, {"1"}, {"1", "2"}, {"1", "1"}}...),
}

// TestParametersAgreeWithSchema is the property for query parameters:
// the texts sent, read as the parameter's schema type, are valid exactly
// when the server accepts them.
func TestParametersAgreeWithSchema(t *testing.T) {
	for _, r := range paramRules {
		t.Run(r.name, func(t *testing.T) {
			e := echo.New()
			e.HTTPErrorHandler = echov4.ErrorHandler(nil)
			api := echov4.New(e)
			r.register(api)
			raw, err := openapi.JSON(api, openapi.Config{})
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatal(err)
			}
			param := dig(doc, "paths", "/v", "get", "parameters").([]any)[0].(map[string]any)
			schema := compile(t, param["schema"])
			for _, vals := range r.values {
				q := ""
				for i, v := range vals {
					if i > 0 {
						q += "&"
					}
					q += "v=" + v
				}
				var docSays bool
				if vals == nil {
					docSays = param["required"] != true
				} else {
					docSays = schema.Validate(instance(param["schema"], vals)) == nil
				}
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v?"+q, nil))
				if serverSays := rec.Code == http.StatusOK; serverSays != docSays {
					t.Errorf("?%s: the server says %v (%d %s), the schema %v", q, serverSays, rec.Code, bytes.TrimSpace(rec.Body.Bytes()), docSays)
				}
			}
		})
	}
}

// instance reads the texts of a parameter as its schema's type says.
func instance(schema any, vals []string) any {
	typ, _ := dig(schema, "type").(string)
	if typ == "array" {
		items := make([]any, len(vals))
		for i, v := range vals {
			items[i] = instance(dig(schema, "items"), []string{v})
		}
		return items
	}
	v := vals[len(vals)-1]
	if typ == "integer" || typ == "number" {
		if n, err := jsonschema.UnmarshalJSON(strings.NewReader(v)); err == nil {
			return n
		}
	}
	return v
}

func compile(t *testing.T, schema any) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	if err := c.AddResource("param.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("param.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}
