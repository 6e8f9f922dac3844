package typed_test

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// A JSON body is validated as pydantic validates a model, at every depth:
// lax values are coerced ("5.5" is a float), null is refused where the
// field is not a pointer, and each error names its leaf.
func ExampleBind_nested() {
	type image struct {
		URL  typed.HTTPURL `json:"url"`
		Name string        `json:"name"`
	}
	type item struct {
		Name   string  `json:"name"`
		Price  float64 `json:"price"`
		Images []image `json:"images" default:"[]"`
	}
	e := echo.New()
	echov4.New(e).POST("/items", typed.Plain(func(_ echo.Context, it item) (item, error) { return it, nil }))

	const js = "Content-Type"
	do(e, http.MethodPost, "/items", `{"name":"pen","price":"5.5"}`, js, "application/json")
	do(e, http.MethodPost, "/items", `{"name":null,"price":1,"images":[{"url":"http://a.com","name":"a"},{"url":"a.com"}]}`, js, "application/json")
	do(e, http.MethodPost, "/items", `{"name":"pen",}`, js, "application/json")
	// Output:
	// 200 {"name":"pen","price":5.5,"images":[]}
	// 422 {"detail":[{"type":"string_type","loc":["body","name"],"msg":"Input should be a valid string","input":null},{"type":"url_parsing","loc":["body","images",1,"url"],"msg":"Input should be a valid URL, relative URL without a base","input":"a.com","ctx":{"error":"relative URL without a base"}},{"type":"missing","loc":["body","images",1,"name"],"msg":"Field required","input":{"url":"a.com"}}]}
	// 422 {"detail":[{"type":"json_invalid","loc":["body",13],"msg":"JSON decode error","input":{},"ctx":{"error":"Illegal trailing comma before end of object"}}]}
}

// A request type that is a slice or a map is the whole body, as FastAPI's
// one body parameter of type list[…] or dict[…]; map keys are validated
// as the key type.
func ExampleBind_wholeBody() {
	e := echo.New()
	echov4.New(e).POST("/weights", typed.Plain(func(_ echo.Context, w map[int]float64) (map[int]float64, error) {
		return w, nil
	}))
	do(e, http.MethodPost, "/weights", `{"2": 2.2, "03": "3"}`, "Content-Type", "application/json")
	do(e, http.MethodPost, "/weights", `{"foo": 2.2}`, "Content-Type", "application/json")
	// Output:
	// 200 {"2":2.2,"3":3}
	// 422 {"detail":[{"type":"int_parsing","loc":["body","foo","[key]"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"foo"}]}
}

// A body:"name" field is FastAPI's Body(embed=True): the body is an object
// whose property name holds the value; a body that is not an object, or
// one without the property, is "missing".
func ExampleBind_embedded() {
	type item struct {
		Name string `json:"name"`
	}
	type update struct {
		ID   int  `path:"id"`
		Item item `body:"item"`
	}
	e := echo.New()
	echov4.New(e).PUT("/items/:id", typed.Plain(func(_ echo.Context, u update) (update, error) { return u, nil }))
	do(e, http.MethodPut, "/items/1", `{"item":{"name":"pen"}}`, "Content-Type", "application/json")
	do(e, http.MethodPut, "/items/1", `{"name":"pen"}`, "Content-Type", "application/json")
	// Output:
	// 200 {"ID":1,"Item":{"name":"pen"}}
	// 422 {"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null}]}
}

// FastAPI's response_model is the handler's result type: only its fields
// are sent and documented. Build it from the input (here through an
// embedded struct), and what the output type lacks, a password, cannot
// leak.
func Example_responseModel() {
	type userOut struct {
		Username string `json:"username"`
		Email    string `json:"email"`
	}
	type userIn struct {
		userOut
		Password string `json:"password"`
	}
	e := echo.New()
	echov4.New(e).POST("/user/", typed.Plain(func(_ echo.Context, u userIn) (userOut, error) { return u.userOut, nil }))
	do(e, http.MethodPost, "/user/", `{"username":"foo","email":"foo@example.com","password":"fighter"}`, "Content-Type", "application/json")
	// Output:
	// 200 {"username":"foo","email":"foo@example.com"}
}

func ExampleHTTPURL() {
	type image struct {
		URL typed.HTTPURL `json:"url"`
	}
	e := echo.New()
	echov4.New(e).POST("/images", typed.Plain(func(_ echo.Context, im image) (image, error) { return im, nil }))
	do(e, http.MethodPost, "/images", `{"url":"HTTPS://Example.COM:443"}`, "Content-Type", "application/json")
	do(e, http.MethodPost, "/images", `{"url":"ftp://example.com/"}`, "Content-Type", "application/json")
	// Output:
	// 200 {"url":"https://example.com/"}
	// 422 {"detail":[{"type":"url_scheme","loc":["body","url"],"msg":"URL scheme should be 'http' or 'https'","input":"ftp://example.com/","ctx":{"expected_schemes":"'http' or 'https'"}}]}
}

func ExampleParseHTTPURL() {
	u, err := typed.ParseHTTPURL("http://Example.com/a/../b c")
	fmt.Println(u, err)
	_, err = typed.ParseHTTPURL("example.com")
	fmt.Println(err)
	// Output:
	// http://example.com/b%20c <nil>
	// typed: Input should be a valid URL, relative URL without a base (url_parsing)
}

func ExampleSet() {
	type item struct {
		Tags typed.Set[string] `json:"tags" default:"[]"`
	}
	e := echo.New()
	echov4.New(e).POST("/items", typed.Plain(func(_ echo.Context, it item) (item, error) { return it, nil }))
	do(e, http.MethodPost, "/items", `{"tags":["a","b","a"]}`, "Content-Type", "application/json")
	do(e, http.MethodPost, "/items", `{}`, "Content-Type", "application/json")
	do(e, http.MethodPost, "/items", `{"tags":"a"}`, "Content-Type", "application/json")
	// Output:
	// 200 {"tags":["a","b"]}
	// 200 {"tags":[]}
	// 422 {"detail":[{"type":"set_type","loc":["body","tags"],"msg":"Input should be a valid set","input":"a"}]}
}

func ExampleNewSet() {
	s := typed.NewSet("b", "a", "b")
	out, _ := json.Marshal(s)
	fmt.Println(string(out), s.Has("a"), s.Has("c"))
	var none typed.Set[int]
	out, _ = json.Marshal(none)
	fmt.Println(string(out))
	// Output:
	// ["b","a"] true false
	// []
}

// money is sent as a string such as "12.50", which its Go shape (an int
// of cents) does not say: JSONSchema says it.
type money int64

func (m money) MarshalJSON() ([]byte, error) {
	return json.Marshal(fmt.Sprintf("%d.%02d", m/100, m%100))
}

func (money) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"type": "string", "pattern": `^\d+\.\d\d$`}
}

func ExampleJSONSchemer() {
	var _ typed.JSONSchemer = money(0)
	schema := money(0).JSONSchema(nil)
	out, _ := json.Marshal(schema)
	fmt.Println(string(out))
	// Output:
	// {"pattern":"^\\d+\\.\\d\\d$","type":"string"}
}
