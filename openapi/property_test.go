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

// A rule is one constraint declared on a body field: a validate rule,
// documented as JSON Schema, or a schema tag, enforced by typed. For each,
// the server's answer to each value (200 or 422) must be what a real JSON
// Schema validator (santhosh-tekuri/jsonschema, draft 2020-12, formats
// asserted) says of the generated document: the runtime and the document
// agree on both sides of every boundary.
type rule struct {
	name     string
	register func(api *echov4.API)
	values   []string // JSON values of the field v; "" sends no field at all
}

// r is the rule of the body type T, a struct with the one field v.
func r[T any](values ...string) rule {
	t := reflect.TypeFor[T]()
	f := t.Field(0)
	return rule{
		name: fmt.Sprintf("%v `%s`", f.Type, strings.TrimPrefix(string(f.Tag), `json:"v" `)),
		register: func(api *echov4.API) {
			api.POST("/v", typed.Plain(func(echo.Context, T) (struct{}, error) { return struct{}{}, nil }))
		},
		values: values,
	}
}

// Priced is an element of a list field whose own fields carry constraints.
type Priced struct {
	Name  string  `json:"name" validate:"min=2"`
	Price float64 `json:"price" exclusiveMinimum:"0" maximum:"100"`
}

var numbers = []string{"-11", "-10", "-1", "0", "1", "2", "3", "4", "5", "9", "10", "11", "1000", "1001"}
var floats = []string{"-1", "0", "1e-9", "0.5", "10.49", "10.5", "10.6", "1e300"}

// patterned are samples for the tags that validator checks with a regular
// expression, on both sides of most of them.
var patterned = strs("", "abc", "ABC", "abc1", "a b", "é", "-12", "+1.5", "12", "0x1F", "ff", "+14155552671",
	"aGVsbG8=", "aGVsbG8", "1.2.3", "1.2.3-rc.1", "01.2.3", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "01arz3ndektsv4rrffq69g5fav",
	"example.com", "-example.com", "123-45-6789", "123456789", "a-b", "a-", "\x7f", "héllo")

var texts = []string{`""`, `"a"`, `"ab"`, `"abc"`, `"abcd"`, `"abcde"`, `"ééé"`, `"é"`, `"ABC"`, `"a1"`, `"a b"`, `"x.y"`, `"fixedquery"`, `"fixedquery\n"`, `" fixedquery"`}

func strs(vals ...string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		b, _ := json.Marshal(v)
		out[i] = string(b)
	}
	return out
}

var rulesUnderTest = []rule{
	// Numbers: bounds, equality, choices.
	r[struct {
		V int `json:"v" validate:"gte=0"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"min=0,max=1000"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"gt=0,lt=10"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"lte=5"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"eq=3"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"ne=3"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"len=3"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"oneof=1 2 3"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"noneof=1 2"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"required"`
	}](append([]string{""}, numbers...)...),
	r[struct {
		V int `json:"v" validate:"isdefault"`
	}](numbers...),
	r[struct {
		V int `json:"v" validate:"omitempty,gte=5"`
	}](numbers...),
	r[struct {
		V float64 `json:"v" validate:"gt=0,lt=10.5"`
	}](floats...),
	r[struct {
		V float64 `json:"v" validate:"latitude"`
	}]([]string{"-90.5", "-90", "0", "45.5", "90", "90.0001"}...),
	r[struct {
		V float64 `json:"v" validate:"longitude"`
	}]([]string{"-180.5", "-180", "179.9", "180", "181"}...),
	r[struct {
		V uint8 `json:"v"`
	}]([]string{"0", "255", "256", "-1"}...),
	r[struct {
		V int8 `json:"v"`
	}]([]string{"-129", "-128", "127", "128"}...),
	r[struct {
		V bool `json:"v" validate:"required"`
	}]([]string{"", "true", "false"}...),
	r[struct {
		V bool `json:"v" validate:"eq=true"`
	}]([]string{"true", "false"}...),

	// Strings: lengths in characters, equality, choices, patterns.
	r[struct {
		V string `json:"v" validate:"min=3"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"max=3"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"min=2,max=4"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"len=3"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"gt=2"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"lt=3"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"eq=abc"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"ne=abc"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"oneof=a abc 'a b'"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"noneof=a abc"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"required"`
	}](append([]string{""}, texts...)...),
	r[struct {
		V string `json:"v" validate:"isdefault"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"omitempty,min=3"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"contains=b"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"containsany=.b"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"containsrune=é"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"excludes=b"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"excludesall=.b"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"excludesrune=é"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"startswith=ab"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"endswith=bc"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"startsnotwith=ab"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"endsnotwith=bc"`
	}](texts...),
	r[struct {
		V string `json:"v" validate:"boolean"`
	}](strs("true", "True", "TRUE", "tRUE", "1", "0", "t", "F", "yes", "")...),
	r[struct {
		V string `json:"v" validate:"hexcolor|rgb"`
	}](strs("#fff", "#ggg", "rgb(1,2,3)", "rgb(1, 2 ,3 )", "rgb(300,0,0)", "")...),
	r[struct {
		V *string `json:"v" validate:"min=3"`
	}](append([]string{"", "null"}, texts...)...),
	r[struct {
		V string `json:"v" validate:"alpha"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"alphanum"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"alphaunicode"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"numeric"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"number"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"hexadecimal"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"e164"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"base64"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"semver"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"ulid"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"ascii"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"multibyte"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"hostname_rfc1123"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"ssn"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"dns_rfc1035_label"`
	}](patterned...),
	r[struct {
		V string `json:"v" validate:"uuid"`
	}](strs("3b241101-e2bb-4255-8caf-4136c566a962", "3B241101-E2BB-4255-8CAF-4136C566A962", "3b241101e2bb42558caf4136c566a962", "x")...),
	r[struct {
		V string `json:"v" validate:"uuid4"`
	}](strs("3b241101-e2bb-4255-8caf-4136c566a962", "3b241101-e2bb-3255-8caf-4136c566a962", "3B241101-E2BB-4255-8CAF-4136C566A962")...),
	r[struct {
		V string `json:"v" validate:"email"`
	}](strs("a@example.com", "john.doe@example.org", "not-an-email", "a@", "")...),
	r[struct {
		V string `json:"v" validate:"ipv4"`
	}](strs("127.0.0.1", "192.168.1.254", "256.0.0.1", "1.2.3", "::1", "")...),
	r[struct {
		V string `json:"v" validate:"ipv6"`
	}](strs("::1", "2001:db8::1", "127.0.0.1", "gggg::1", "")...),
	r[struct {
		V string `json:"v" validate:"datetime=2006-01-02T15:04:05Z07:00"`
	}](strs("2024-01-02T03:04:05Z", "2024-01-02T03:04:05+01:00", "2024-01-02", "yesterday")...),
	r[struct {
		V string `json:"v" validate:"datetime=2006-01-02"`
	}](strs("2024-01-02", "2024-13-02", "2024-01-02T03:04:05Z", "")...),

	// Lists and maps: sizes, uniqueness, every element, every key.
	r[struct {
		V []string `json:"v" validate:"min=1"`
	}]([]string{"", "null", `[]`, `["a"]`, `["a","b"]`}...),
	r[struct {
		V []string `json:"v" validate:"max=2"`
	}]([]string{`[]`, `["a","b"]`, `["a","b","c"]`}...),
	r[struct {
		V []string `json:"v" validate:"len=2"`
	}]([]string{`["a"]`, `["a","b"]`, `["a","b","c"]`}...),
	r[struct {
		V []string `json:"v" validate:"gt=1,lt=3"`
	}]([]string{`["a"]`, `["a","b"]`, `["a","b","c"]`}...),
	r[struct {
		V []string `json:"v" validate:"ne=1"`
	}]([]string{`[]`, `["a"]`, `["a","b"]`}...),
	r[struct {
		V []string `json:"v" validate:"unique"`
	}]([]string{`[]`, `["a","b"]`, `["a","a"]`}...),
	r[struct {
		V []string `json:"v" validate:"required"`
	}]([]string{"", "null", `[]`, `["a"]`}...),
	r[struct {
		V []string `json:"v" validate:"dive,min=2"`
	}]([]string{`[]`, `["ab"]`, `["ab","a"]`, `["abc","de"]`}...),
	r[struct {
		V []int `json:"v" validate:"min=1,dive,gte=0,lte=9"`
	}]([]string{`[]`, `[0]`, `[9,10]`, `[-1]`, `[5,5]`}...),
	r[struct {
		V map[string]int `json:"v" validate:"max=1"`
	}]([]string{`{}`, `{"a":1}`, `{"a":1,"b":2}`}...),
	r[struct {
		V map[string]int `json:"v" validate:"dive,gt=0"`
	}]([]string{`{}`, `{"a":1}`, `{"a":0}`}...),
	r[struct {
		V map[string]int `json:"v" validate:"dive,keys,alpha,endkeys,gt=0"`
	}]([]string{`{}`, `{"ab":1}`, `{"a1":1}`, `{"a":0}`}...),

	// Schema tags: documented by swaggest, enforced by typed.
	r[struct {
		V int `json:"v" minimum:"0" maximum:"1000"`
	}](numbers...),
	r[struct {
		V int `json:"v" exclusiveMinimum:"0" exclusiveMaximum:"10"`
	}](numbers...),
	r[struct {
		V int `json:"v" multipleOf:"5"`
	}](numbers...),
	r[struct {
		V float64 `json:"v" exclusiveMinimum:"0" exclusiveMaximum:"10.5"`
	}](floats...),
	r[struct {
		V float64 `json:"v" multipleOf:"0.5"`
	}]([]string{"0", "0.5", "0.25", "10", "10.1"}...),
	r[struct {
		V int `json:"v" enum:"[1,2,3]"`
	}](numbers...),
	r[struct {
		V int `json:"v" const:"3"`
	}](numbers...),
	r[struct {
		V string `json:"v" minLength:"3" maxLength:"4"`
	}](texts...),
	r[struct {
		V string `json:"v" pattern:"^fixedquery$"`
	}](texts...),
	r[struct {
		V string `json:"v" pattern:"b"`
	}](texts...),
	r[struct {
		V string `json:"v" enum:"a,abc"`
	}](texts...),
	r[struct {
		V string `json:"v" const:"abc"`
	}](texts...),
	r[struct {
		V *string `json:"v" maxLength:"2"`
	}](append([]string{"", "null"}, texts...)...),
	r[struct {
		V []string `json:"v" minItems:"1" maxItems:"2"`
	}]([]string{`[]`, `["a"]`, `["a","b"]`, `["a","b","c"]`}...),
	r[struct {
		V []string `json:"v" uniqueItems:"true"`
	}]([]string{`["a","b"]`, `["a","a"]`}...),
	r[struct {
		V map[string]int `json:"v" minProperties:"1" maxProperties:"1"`
	}]([]string{`{}`, `{"a":1}`, `{"a":1,"b":2}`}...),
	r[struct {
		V []Priced `json:"v"`
	}]([]string{`[]`, `[{"name":"ab","price":1}]`, `[{"name":"a","price":1}]`, `[{"name":"ab","price":0}]`, `[{"name":"ab","price":100}]`, `[{"name":"ab","price":100.5}]`}...),
}

// TestRuntimeAgreesWithSchema is the property: for every rule and value,
// the server accepts exactly what the document's schema accepts.
func TestRuntimeAgreesWithSchema(t *testing.T) {
	for _, r := range rulesUnderTest {
		t.Run(r.name, func(t *testing.T) {
			h, schema := ruleApp(t, r)
			for _, v := range r.values {
				body := `{}`
				if v != "" {
					body = `{"v":` + v + `}`
				}
				inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				docSays := schema.Validate(inst) == nil
				rec := httptest.NewRecorder()
				req := httptest.NewRequest(http.MethodPost, "/v", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK && rec.Code != http.StatusUnprocessableEntity {
					t.Fatalf("%s: status %d %s", body, rec.Code, rec.Body)
				}
				if serverSays := rec.Code == http.StatusOK; serverSays != docSays {
					t.Errorf("%s: the server says %v (%d %s), the schema %v", body, serverSays, rec.Code, bytes.TrimSpace(rec.Body.Bytes()), docSays)
				}
			}
		})
	}
}

// ruleApp serves POST /v with the JSON body {"v": …} of r, and
// returns the compiled schema of that body from the served document.
func ruleApp(t *testing.T, r rule) (http.Handler, *jsonschema.Schema) {
	t.Helper()
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	r.register(api)
	raw, err := openapi.JSON(api, openapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e, bodySchema(t, raw)
}

// bodySchema compiles the request body schema of POST /v, with the
// document's components as $defs.
func bodySchema(t *testing.T, raw []byte) *jsonschema.Schema {
	t.Helper()
	raw = bytes.ReplaceAll(raw, []byte(`#/components/schemas/`), []byte(`#/$defs/`))
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	content := dig(doc, "paths", "/v", "post", "requestBody", "content", "application/json", "schema")
	root := map[string]any{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": dig(doc, "components", "schemas"), "$ref": content.(map[string]any)["$ref"]}
	if ref, ok := content.(map[string]any)["$ref"]; !ok || ref == nil {
		root["allOf"] = []any{content}
		delete(root, "$ref")
	}
	b, _ := json.Marshal(root)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("body.json", inst); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("body.json")
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return sch
}

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}
