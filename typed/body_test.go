package typed_test

import (
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type bodyImage struct {
	URL  typed.HTTPURL `json:"url"`
	Name string        `json:"name"`
}

type bodyItem struct {
	Name   string            `json:"name"`
	Price  float64           `json:"price"`
	Count  int               `json:"count" default:"1" validate:"lte=1000"`
	Big    int64             `json:"big" default:"0"`
	Tax    *float64          `json:"tax"`
	OK     bool              `json:"ok" default:"false"`
	Tags   typed.Set[string] `json:"tags" default:"[]"`
	Images []bodyImage       `json:"images" default:"[]" validate:"dive"`
}

type embedded struct {
	ID   int      `path:"id"`
	Item bodyItem `body:"item"`
	Note *string  `body:"note"`
}

type whole struct {
	ID   int      `path:"id"`
	Item bodyItem `body:""`
}

func TestBodies(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/model", typed.Plain(func(_ echo.Context, it bodyItem) (bodyItem, error) { return it, nil }))
	api.POST("/whole/:id", typed.Plain(func(_ echo.Context, w whole) (whole, error) { return w, nil }))
	api.POST("/embed/:id", typed.Plain(func(_ echo.Context, w embedded) (embedded, error) { return w, nil }))
	api.POST("/list", typed.Plain(func(_ echo.Context, l []bodyImage) ([]bodyImage, error) { return l, nil }))
	api.POST("/weights", typed.Plain(func(_ echo.Context, m map[int]float64) (map[int]float64, error) { return m, nil }))
	const js = "application/json"
	item := func(extra string) string { return `{"name":"a","price":1` + extra + `}` }
	const itemOut = `"tax":null,"ok":false,"tags":[],"images":[]`
	serve(t, e, []call{
		{name: "lax scalars", method: "POST", target: "/model", contentType: js,
			body:       `{"name":"a","price":"5.5","count":" 0_7 ","big":5.0,"tax":true,"ok":"yes","tags":["x","y","x"]}`,
			wantStatus: 200, wantBody: `{"name":"a","price":5.5,"count":7,"big":5,"tax":1,"ok":true,"tags":["x","y"],"images":[]}`},
		{name: "leaf errors with pydantic's types", method: "POST", target: "/model", contentType: js,
			body:       `{"name":null,"price":[],"count":1.5,"big":"1e3","tax":"x","ok":2,"tags":"x","images":[{"url":"ftp://x","name":"n"},{"url":1}]}`,
			wantStatus: 422, wantBody: `{"detail":[
				{"type":"string_type","loc":["body","name"],"msg":"Input should be a valid string","input":null},
				{"type":"float_type","loc":["body","price"],"msg":"Input should be a valid number","input":[]},
				{"type":"int_from_float","loc":["body","count"],"msg":"Input should be a valid integer, got a number with a fractional part","input":1.5},
				{"type":"int_parsing","loc":["body","big"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"1e3"},
				{"type":"float_parsing","loc":["body","tax"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"},
				{"type":"bool_parsing","loc":["body","ok"],"msg":"Input should be a valid boolean, unable to interpret input","input":2},
				{"type":"set_type","loc":["body","tags"],"msg":"Input should be a valid set","input":"x"},
				{"type":"url_scheme","loc":["body","images",0,"url"],"msg":"URL scheme should be 'http' or 'https'","input":"ftp://x","ctx":{"expected_schemes":"'http' or 'https'"}},
				{"type":"url_type","loc":["body","images",1,"url"],"msg":"URL input should be a string or URL","input":1},
				{"type":"missing","loc":["body","images",1,"name"],"msg":"Field required","input":{"url":1}}]}`},
		{name: "a huge int fails its bound", method: "POST", target: "/model", contentType: js, body: item(`,"count":123456789012345678901234567890`),
			wantStatus: 422, wantBody: `{"detail":[{"type":"less_than_equal","loc":["body","count"],"msg":"Input should be less than or equal to 1000","input":123456789012345678901234567890,"ctx":{"le":1000}}]}`},
		{name: "a huge int without a bound does not fit", method: "POST", target: "/model", contentType: js, body: item(`,"big":"123456789012345678901234567890"`),
			wantStatus: 422, wantBody: `{"detail":[{"type":"int_parsing_size","loc":["body","big"],"msg":"Unable to parse input string as an integer, exceeded maximum size","input":"123456789012345678901234567890"}]}`},
		{name: "NaN is sent as null", method: "POST", target: "/model", contentType: js, body: `{"name":"a","price":NaN}`,
			wantStatus: 200, wantBody: `{"name":"a","price":null,"count":1,"big":0,` + itemOut + `}`},
		{name: "whole body", method: "POST", target: "/whole/1", contentType: js, body: item(""),
			wantStatus: 200, wantBody: `{"ID":1,"Item":{"name":"a","price":1,"count":1,"big":0,` + itemOut + `}}`},
		{name: "whole body: missing fields echo the body", method: "POST", target: "/whole/1", contentType: js, body: `{}`,
			wantStatus: 422, wantBody: `{"detail":[
				{"type":"missing","loc":["body","name"],"msg":"Field required","input":{}},
				{"type":"missing","loc":["body","price"],"msg":"Field required","input":{}}]}`},
		{name: "whole body: null is missing", method: "POST", target: "/whole/1", contentType: js, body: `null`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}`},
		{name: "whole body: text is not a model", method: "POST", target: "/whole/1", contentType: "text/plain", body: item(""),
			wantStatus: 422, wantBody: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"{\"name\":\"a\",\"price\":1}"}]}`},
		{name: "embedded", method: "POST", target: "/embed/1", contentType: "application/vnd.api+json; charset=utf-8", body: `{"item":` + item("") + `}`,
			wantStatus: 200, wantBody: `{"ID":1,"Item":{"name":"a","price":1,"count":1,"big":0,` + itemOut + `},"Note":null}`},
		{name: "embedded: null is missing", method: "POST", target: "/embed/1", contentType: js, body: `{"item":null}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null}]}`},
		{name: "embedded: a list body has no properties", method: "POST", target: "/embed/1", contentType: js, body: `[1]`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null}]}`},
		{name: "embedded: no Content-Type", method: "POST", target: "/embed/1", body: `{"item":` + item("") + `}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null}]}`},
		{name: "embedded: not a model", method: "POST", target: "/embed/1", contentType: js, body: `{"item":"x"}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"model_attributes_type","loc":["body","item"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"x"}]}`},
		{name: "list body", method: "POST", target: "/list", contentType: js, body: `[{"url":"HTTP://A.com","name":"a"}]`,
			wantStatus: 200, wantBody: `[{"url":"http://a.com/","name":"a"}]`},
		{name: "list body: errors carry the index", method: "POST", target: "/list", contentType: js, body: `[{"url":"http://a.com","name":"a"},{"url":"x","name":"b"}]`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"url_parsing","loc":["body",1,"url"],"msg":"Input should be a valid URL, relative URL without a base","input":"x","ctx":{"error":"relative URL without a base"}}]}`},
		{name: "list body: an object is not a list", method: "POST", target: "/list", contentType: js, body: `{}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"list_type","loc":["body"],"msg":"Input should be a valid list","input":{}}]}`},
		{name: "dict body: int keys", method: "POST", target: "/weights", contentType: js, body: `{"2": 2.2, " 03 ": "3.5"}`,
			wantStatus: 200, wantBody: `{"2":2.2,"3":3.5}`},
		{name: "dict body: key and value errors", method: "POST", target: "/weights", contentType: js, body: `{"foo": 2.2, "3": "x"}`,
			wantStatus: 422, wantBody: `{"detail":[
				{"type":"int_parsing","loc":["body","foo","[key]"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"foo"},
				{"type":"float_parsing","loc":["body","3"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"}]}`},
		{name: "json_invalid", method: "POST", target: "/weights", contentType: js, body: `{"2": 2.2,}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"json_invalid","loc":["body",9],"msg":"JSON decode error","input":{},"ctx":{"error":"Illegal trailing comma before end of object"}}]}`},
	})
}
