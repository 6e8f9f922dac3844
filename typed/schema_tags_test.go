package typed_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type taggedQuery struct {
	Price  float64  `query:"price" required:"false" minimum:"0" exclusiveMaximum:"100"`
	Color  string   `query:"color" required:"false" enum:"red,green"`
	Code   *string  `query:"code" minLength:"2" maxLength:"3" pattern:"^[A-Z]+$"`
	Count  int      `query:"count" default:"7" multipleOf:"5"`
	Tags   []string `query:"tag" maxItems:"2" uniqueItems:"true"`
	Search *string  `query:"search" validate:"min=2" pattern:"\\d"`
}

type taggedLine struct {
	SKU string `json:"sku" pattern:"^[a-z]+-\\d+$"`
	Qty int    `json:"qty" minimum:"1"`
}

type taggedBody struct {
	Lines []taggedLine     `json:"lines" minItems:"1"`
	Notes map[string]int   `json:"notes,omitempty" maxProperties:"1"`
	Ship  *taggedAddress   `json:"ship"`
	Extra map[string]*bool `json:"extra,omitempty"`
}

type taggedAddress struct {
	Zip string `json:"zip" minLength:"5" validate:"numeric"`
}

// Schema tags constrain as well as document: every failure is pydantic's
// error, a default is not validated, rules on a pointer hold for what it
// points to.
func TestSchemaTagsEnforced(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/q", typed.Plain(func(_ echo.Context, q taggedQuery) (string, error) { return "ok", nil }))
	api.POST("/b", typed.Plain(func(_ echo.Context, b taggedBody) (string, error) { return "ok", nil }))
	one := func(typ, loc, msg, input, ctx string) string {
		e := `{"type":"` + typ + `","loc":` + loc + `,"msg":"` + msg + `","input":` + input
		if ctx != "" {
			e += `,"ctx":` + ctx
		}
		return `{"detail":[` + e + `}]}`
	}
	serve(t, e, []call{
		{name: "nothing sent: the default is not validated", target: "/q", wantStatus: 200, wantBody: `"ok"`},
		{name: "all good", target: "/q?price=0&color=red&code=AB&count=10&tag=a&tag=b&search=a1", wantStatus: 200, wantBody: `"ok"`},
		{name: "minimum", target: "/q?price=-1", wantStatus: 422,
			wantBody: one("greater_than_equal", `["query","price"]`, "Input should be greater than or equal to 0", `"-1"`, `{"ge":0}`)},
		{name: "exclusiveMaximum", target: "/q?price=100", wantStatus: 422,
			wantBody: one("less_than", `["query","price"]`, "Input should be less than 100", `"100"`, `{"lt":100}`)},
		{name: "enum", target: "/q?color=purple", wantStatus: 422,
			wantBody: one("enum", `["query","color"]`, "Input should be 'red' or 'green'", `"purple"`, `{"expected":"'red' or 'green'"}`)},
		{name: "minLength before pattern", target: "/q?code=a", wantStatus: 422,
			wantBody: one("string_too_short", `["query","code"]`, "String should have at least 2 characters", `"a"`, `{"min_length":2}`)},
		{name: "maxLength", target: "/q?code=ABCD", wantStatus: 422,
			wantBody: one("string_too_long", `["query","code"]`, "String should have at most 3 characters", `"ABCD"`, `{"max_length":3}`)},
		{name: "pattern", target: "/q?code=ab", wantStatus: 422,
			wantBody: one("string_pattern_mismatch", `["query","code"]`, "String should match pattern '^[A-Z]+$'", `"ab"`, `{"pattern":"^[A-Z]+$"}`)},
		{name: "multipleOf", target: "/q?count=7", wantStatus: 422,
			wantBody: one("multiple_of", `["query","count"]`, "Input should be a multiple of 5", `"7"`, `{"multiple_of":5}`)},
		{name: "maxItems", target: "/q?tag=a&tag=b&tag=c", wantStatus: 422,
			wantBody: one("too_long", `["query","tag"]`, "List should have at most 2 items after validation, not 3", `["a","b","c"]`, `{"field_type":"List","max_length":2,"actual_length":3}`)},
		{name: "uniqueItems", target: "/q?tag=a&tag=a", wantStatus: 422,
			wantBody: one("value_error", `["query","tag"]`, "Value error, List should have unique items", `["a","a"]`, ``)},
		{name: "validate rule first, then the pattern", target: "/q?search=a", wantStatus: 422,
			wantBody: one("string_too_short", `["query","search"]`, "String should have at least 2 characters", `"a"`, `{"min_length":2}`)},
		{name: "pattern with Unicode digits, as pydantic", target: "/q?search=x%D9%A3", wantStatus: 200, wantBody: `"ok"`},
		{name: "body all good", method: "POST", target: "/b", contentType: "application/json",
			body: `{"lines":[{"sku":"ab-1","qty":1}],"ship":{"zip":"12345"}}`, wantStatus: 200, wantBody: `"ok"`},
		{name: "body minItems", method: "POST", target: "/b", contentType: "application/json",
			body: `{"lines":[],"ship":null}`, wantStatus: 422,
			wantBody: one("too_short", `["body","lines"]`, "List should have at least 1 item after validation, not 0", `[]`, `{"field_type":"List","min_length":1,"actual_length":0}`)},
		{name: "body nested in a list", method: "POST", target: "/b", contentType: "application/json",
			body: `{"lines":[{"sku":"ab-1","qty":1},{"sku":"AB-1","qty":0}],"ship":null}`, wantStatus: 422,
			wantBody: `{"detail":[
				{"type":"string_pattern_mismatch","loc":["body","lines",1,"sku"],"msg":"String should match pattern '^[a-z]+-\\d+$'","input":"AB-1","ctx":{"pattern":"^[a-z]+-\\d+$"}},
				{"type":"greater_than_equal","loc":["body","lines",1,"qty"],"msg":"Input should be greater than or equal to 1","input":0,"ctx":{"ge":1}}]}`},
		{name: "body maxProperties", method: "POST", target: "/b", contentType: "application/json",
			body: `{"lines":[{"sku":"a-1","qty":1}],"notes":{"a":1,"b":2},"ship":null}`, wantStatus: 422,
			wantBody: one("too_long", `["body","notes"]`, "Dictionary should have at most 1 item after validation, not 2", `{"a":1,"b":2}`, `{"field_type":"Dictionary","max_length":1,"actual_length":2}`)},
		{name: "body nested pointer: validate rule, then schema tag", method: "POST", target: "/b", contentType: "application/json",
			body: `{"lines":[{"sku":"a-1","qty":1}],"ship":{"zip":"12a"}}`, wantStatus: 422,
			wantBody: one("string_pattern_mismatch", `["body","ship","zip"]`, "String should match pattern '^[-+]?[0-9]+(?:\\\\.[0-9]+)?$'", `"12a"`, `{"pattern":"^[-+]?[0-9]+(?:\\.[0-9]+)?$"}`)},
		{name: "body nested pointer: schema tag", method: "POST", target: "/b", contentType: "application/json",
			body: `{"lines":[{"sku":"a-1","qty":1}],"ship":{"zip":"123"}}`, wantStatus: 422,
			wantBody: one("string_too_short", `["body","ship","zip"]`, "String should have at least 5 characters", `"123"`, `{"min_length":5}`)},
	})
}

// A schema tag that would document a check nothing makes is refused at
// registration, with a message that names the validate rule to write.
func TestSchemaTagsRefused(t *testing.T) {
	tests := []struct {
		name  string
		build func(api *echov4.API)
		want  string
	}{
		{"minLength on a number", func(api *echov4.API) {
			type q struct {
				N int `query:"n" minLength:"3"`
			}
			api.GET("/", typed.Plain(func(echo.Context, q) (string, error) { return "", nil }))
		}, `minLength:"3" on field N (int) constrains nothing: JSON Schema applies minLength to strings only; write validate:"min=3" if that is what you mean`},
		{"maxLength on a list", func(api *echov4.API) {
			type q struct {
				Tags []string `query:"tag" maxLength:"3"`
			}
			api.GET("/", typed.Plain(func(echo.Context, q) (string, error) { return "", nil }))
		}, `maxLength:"3" on field Tags ([]string) constrains nothing: JSON Schema applies maxLength to strings only; for each element write validate:"dive,max=3"`},
		{"a format only a validate rule checks", func(api *echov4.API) {
			type b struct {
				Email string `json:"email" format:"email"`
			}
			api.POST("/", typed.Plain(func(echo.Context, b) (string, error) { return "", nil }))
		}, `format:"email" on field Email is not checked by the server; write validate:"email", which checks the value and documents the format`},
		{"both a schema tag and a validate rule", func(api *echov4.API) {
			type q struct {
				N int `query:"n" minimum:"1" validate:"gte=2"`
			}
			api.GET("/", typed.Plain(func(echo.Context, q) (string, error) { return "", nil }))
		}, `minimum:"1" on field N repeats what its validate tag "gte=2" says; keep one of them`},
		{"a pattern that does not compile", func(api *echov4.API) {
			type q struct {
				S string `query:"s" pattern:"(a"`
			}
			api.GET("/", typed.Plain(func(echo.Context, q) (string, error) { return "", nil }))
		}, `pattern:"(a" on field S: error parsing regexp: missing closing ): ` + "`(a`"},
		{"an enum value of another type", func(api *echov4.API) {
			type q struct {
				N int `query:"n" enum:"[1,\"two\"]"`
			}
			api.GET("/", typed.Plain(func(echo.Context, q) (string, error) { return "", nil }))
		}, `enum:"[1,\"two\"]" on field N: value two is not of the field's type`},
		{"additionalProperties on a struct", func(api *echov4.API) {
			type b struct {
				_    struct{} `additionalProperties:"false"`
				Name string   `json:"name"`
			}
			api.POST("/", typed.Plain(func(echo.Context, b) (string, error) { return "", nil }))
		}, `additionalProperties:"false" on its _ field is not checked by the server (properties that are not fields are ignored, as pydantic ignores extra ones); remove it`},
		{"nested in a body", func(api *echov4.API) {
			type line struct {
				Qty int `json:"qty" maxItems:"3"`
			}
			type b struct {
				Lines []line `json:"lines"`
			}
			api.POST("/", typed.Plain(func(echo.Context, b) (string, error) { return "", nil }))
		}, `maxItems:"3" on field Qty (int) constrains nothing: JSON Schema applies maxItems to arrays only; write validate:"max=3" if that is what you mean`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				got := fmt.Sprint(recover())
				if !strings.HasSuffix(got, tt.want) {
					t.Errorf("panic %q\nwant it to end with %q", got, tt.want)
				}
			}()
			tt.build(echov4.New(echo.New()))
		})
	}
}

// An integer outside its sized Go type fails the bound the document
// states for the type; beyond int64 it is int_parsing_size.
func TestTypeBounds(t *testing.T) {
	type q struct {
		V int8     `query:"v" required:"false"`
		U uint     `query:"u" required:"false"`
		W int64    `query:"w" required:"false"`
		L []uint16 `query:"l"`
	}
	type b struct {
		Items []struct {
			N uint8 `json:"n"`
		} `json:"items"`
	}
	e := echo.New()
	api := echov4.New(e)
	api.GET("/q", typed.Plain(func(echo.Context, q) (string, error) { return "ok", nil }))
	api.POST("/b", typed.Plain(func(echo.Context, b) (string, error) { return "ok", nil }))
	serve(t, e, []call{
		{name: "in range", target: "/q?v=-128&u=0&w=9223372036854775807&l=65535", wantStatus: 200, wantBody: `"ok"`},
		{name: "out of range", target: "/q?v=128&u=-1&w=9223372036854775808&l=1&l=65536", wantStatus: 422, wantBody: `{"detail":[
			{"type":"less_than_equal","loc":["query","v"],"msg":"Input should be less than or equal to 127","input":"128","ctx":{"le":127}},
			{"type":"greater_than_equal","loc":["query","u"],"msg":"Input should be greater than or equal to 0","input":"-1","ctx":{"ge":0}},
			{"type":"int_parsing_size","loc":["query","w"],"msg":"Unable to parse input string as an integer, exceeded maximum size","input":"9223372036854775808"},
			{"type":"less_than_equal","loc":["query","l",1],"msg":"Input should be less than or equal to 65535","input":"65536","ctx":{"le":65535}}]}`},
		{name: "in a body", method: "POST", target: "/b", contentType: "application/json", body: `{"items":[{"n":1},{"n":256}]}`, wantStatus: 422,
			wantBody: `{"detail":[{"type":"less_than_equal","loc":["body","items",1,"n"],"msg":"Input should be less than or equal to 255","input":256,"ctx":{"le":255}}]}`},
	})
}
