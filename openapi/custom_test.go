package openapi_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// cents is sent as a string ("12.50"), and says so with JSONSchema.
type cents int64

func (c cents) MarshalJSON() ([]byte, error) { return json.Marshal("0.00") }

func (cents) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"type": "string", "pattern": `^\d+\.\d\d$`}
}

// opaque is sent by its own MarshalJSON and says nothing of it.
type opaque struct{ n int }

func (o opaque) MarshalJSON() ([]byte, error) { return json.Marshal(o.n) }

type untagged struct {
	Name  string
	Count int
}

type shapes struct {
	Price   cents             `json:"price"`
	Maybe   *cents            `json:"maybe"`
	Opaque  opaque            `json:"opaque"`
	When    time.Time         `json:"when"`
	Plain   untagged          `json:"plain"`
	Tags    typed.Set[string] `json:"tags"`
	Links   []typed.HTTPURL   `json:"links"`
	Friends []untagged        `json:"friends"`
}

// TestDocumentedAsSent: a type documents itself with typed.JSONSchemer; a
// json.Marshaler that does not is any value; fields without json tags are
// documented under the Go names encoding/json sends; a slice is an array,
// never null, as it is sent.
func TestDocumentedAsSent(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/shapes", typed.Plain(func(_ echo.Context, s shapes) (shapes, error) { return s, nil }))
	raw, err := openapi.JSON(api, openapi.Config{Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	props := doc["components"].(map[string]any)["schemas"].(map[string]any)["shapes"].(map[string]any)["properties"].(map[string]any)
	want := map[string]string{
		"price":  `{"type":"string","pattern":"^\\d+\\.\\d\\d$"}`,
		"maybe":  `{"type":["string","null"],"pattern":"^\\d+\\.\\d\\d$"}`,
		"opaque": `{}`,
		"when":   `{"type":"string","format":"date-time"}`,
		"tags":   `{"type":"array","items":{"type":"string"},"uniqueItems":true}`,
		"links":  `{"type":"array","items":{"type":"string","format":"uri","minLength":1,"maxLength":2083}}`,
	}
	for name, w := range want {
		got, _ := json.Marshal(props[name])
		if !sameJSONText(got, w) {
			t.Errorf("%s: %s, want %s", name, got, w)
		}
	}
	plain, _ := json.Marshal(doc["components"].(map[string]any)["schemas"].(map[string]any)["untagged"])
	if !sameJSONText(plain, `{"type":"object","properties":{"Name":{"type":"string"},"Count":{"type":"integer"}},"required":["Name","Count"]}`) {
		t.Errorf("untagged: %s", plain)
	}
}

func sameJSONText(a []byte, b string) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}

// channelled asks for the schema of a type that has none.
type channelled int

func (channelled) JSONSchema(schemaOf func(any) map[string]any) map[string]any {
	return map[string]any{"type": "array", "items": schemaOf(make(chan int))}
}

// TestJSONSchemerInnerError: a JSONSchemer that asks for a schema that
// cannot be made fails the document, naming its type, rather than
// documenting a weaker schema.
func TestJSONSchemerInnerError(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/c", typed.Plain(func(_ echo.Context, _ struct{}) (channelled, error) { return 0, nil }))
	_, err := openapi.JSON(api, openapi.Config{Title: "t"})
	if err == nil || !strings.Contains(err.Error(), "channelled") {
		t.Fatalf("JSON error %v, want one naming channelled", err)
	}
}
