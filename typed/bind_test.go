package typed_test

import (
	"net/http"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type itemQuery struct {
	ID      int      `path:"id"`
	Q       string   `query:"q" default:"none"`
	Limit   int      `query:"limit" default:"10" validate:"gte=1,lte=100"`
	Tags    []string `query:"tag"`
	Verbose *bool    `query:"verbose"`
	Agent   string   `header:"User-Agent" required:"false"`
	Trace   string   `header:"X-Trace"`
	Session string   `cookie:"session" required:"false"`
}

func echoReq[T any](_ echo.Context, req T, _ struct{}) (T, error) { return req, nil }

func TestBindParams(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/items/:id", typed.Plain(func(c echo.Context, q itemQuery) (itemQuery, error) { return q, nil }))
	serve(t, e, []call{
		{name: "all defaults", target: "/items/3", header: map[string]string{"X-Trace": "t1", "User-Agent": "ua"},
			wantStatus: 200, wantBody: `{"ID":3,"Q":"none","Limit":10,"Tags":[],"Verbose":null,"Agent":"ua","Trace":"t1","Session":""}`},
		{name: "every source", target: "/items/7?q=a+b&limit=5&tag=x&tag=y&verbose=yes", header: map[string]string{"X-Trace": "t", "Cookie": "session=s1; other=2", "User-Agent": "ua"},
			wantStatus: 200, wantBody: `{"ID":7,"Q":"a b","Limit":5,"Tags":["x","y"],"Verbose":true,"Agent":"ua","Trace":"t","Session":"s1"}`},
		{name: "last query value counts", target: "/items/1?q=a&q=b", header: map[string]string{"X-Trace": "t", "User-Agent": "ua"},
			wantStatus: 200, wantBody: `{"ID":1,"Q":"b","Limit":10,"Tags":[],"Verbose":null,"Agent":"ua","Trace":"t","Session":""}`},
		{name: "bad path int", target: "/items/abc", header: map[string]string{"X-Trace": "t"},
			wantStatus: 422, wantBody: `{"detail":[{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"}]}`},
		{name: "missing header and bad values in FastAPI's order", target: "/items/x?limit=big&verbose=maybe",
			wantStatus: 422, wantBody: `{"detail":[
				{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},
				{"type":"int_parsing","loc":["query","limit"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"big"},
				{"type":"bool_parsing","loc":["query","verbose"],"msg":"Input should be a valid boolean, unable to interpret input","input":"maybe"},
				{"type":"missing","loc":["header","X-Trace"],"msg":"Field required","input":null}]}`},
		{name: "validator rule", target: "/items/1?limit=0", header: map[string]string{"X-Trace": "t"},
			wantStatus: 422, wantBody: `{"detail":[{"type":"greater_than_equal","loc":["query","limit"],"msg":"Input should be greater than or equal to 1","input":"0","ctx":{"ge":1}}]}`},
	})
}

type newItem struct {
	Name     string   `json:"name" validate:"min=1"`
	Price    float64  `json:"price"`
	Tags     []string `json:"tags,omitempty"`
	Password string   `json:"password" format:"password" validate:"min=8"`
	Note     *string  `json:"note"`
}

func TestBindJSON(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/items", typed.Handle(typed.None, echoReq[newItem]))
	serve(t, e, []call{
		{name: "ok", method: "POST", target: "/items", contentType: "application/json",
			body:       `{"name":"a","price":"1.5","password":"longenough"}`,
			wantStatus: 200, wantBody: `{"name":"a","price":1.5,"password":"longenough","note":null}`},
		// FastAPI 0.141.1 (strict_content_type): without a Content-Type the
		// body is not JSON.
		{name: "no content type is not JSON", method: "POST", target: "/items",
			body:       `{"name":"a","price":2,"password":"longenough","note":"n"}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from"}]}`},
		{name: "missing body", method: "POST", target: "/items", contentType: "application/json",
			wantStatus: 422, wantBody: `{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}`},
		{name: "invalid JSON", method: "POST", target: "/items", contentType: "application/json", body: `{"name":`,
			wantStatus: 422},
		// newItem has a password field, so a body that is not an object is
		// not echoed (it could hold the password); see TestBindEcho.
		{name: "not an object", method: "POST", target: "/items", contentType: "application/json", body: `[1]`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from"}]}`},
		{name: "missing fields carry the body as input", method: "POST", target: "/items", contentType: "application/json", body: `{"name":"a"}`,
			wantStatus: 422, wantBody: `{"detail":[
				{"type":"missing","loc":["body","price"],"msg":"Field required","input":{"name":"a"}},
				{"type":"missing","loc":["body","password"],"msg":"Field required","input":{"name":"a"}}]}`},
		{name: "missing fields never echo a secret", method: "POST", target: "/items", contentType: "application/json", body: `{"password":"hunter2hunter2"}`,
			wantStatus: 422, wantBody: `{"detail":[
				{"type":"missing","loc":["body","name"],"msg":"Field required","input":{}},
				{"type":"missing","loc":["body","price"],"msg":"Field required","input":{}}]}`},
		{name: "secret never echoed", method: "POST", target: "/items", contentType: "application/json", body: `{"name":"a","price":1,"password":"short"}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"string_too_short","loc":["body","password"],"msg":"String should have at least 8 characters","ctx":{"min_length":8}}]}`},
		{name: "wrong type", method: "POST", target: "/items", contentType: "application/json", body: `{"name":"a","price":"x","password":"longenough"}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"float_parsing","loc":["body","price"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"}]}`},
		{name: "text body is not JSON", method: "POST", target: "/items", contentType: "text/plain", body: `{"name":"a","password":"p"}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from"}]}`},
	})
}

// TestBindEcho: without password fields, a body that is not an object is
// echoed as FastAPI does.
func TestBindEcho(t *testing.T) {
	type note struct {
		Text string `json:"text"`
	}
	e := echo.New()
	echov4.New(e).POST("/notes", typed.Handle(typed.None, echoReq[note]))
	serve(t, e, []call{
		{name: "not an object", method: "POST", target: "/notes", contentType: "application/json", body: `[1]`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":[1]}]}`},
		{name: "text body is not JSON", method: "POST", target: "/notes", contentType: "text/plain", body: `{"text":"a"}`,
			wantStatus: 422, wantBody: `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"{\"text\":\"a\"}"}]}`},
	})
}

type signup struct {
	User  string   `form:"user"`
	Pin   string   `form:"pin" format:"password"`
	Roles []string `form:"role"`
}

func TestBindForm(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/signup", typed.Handle(typed.None, echoReq[signup]))
	const form = "application/x-www-form-urlencoded"
	serve(t, e, []call{
		{name: "ok", method: "POST", target: "/signup", contentType: form, body: "user=ann&pin=1&role=a&role=b",
			wantStatus: 200, wantBody: `{"User":"ann","Pin":"1","Roles":["a","b"]}`},
		{name: "last value, empty is missing", method: "POST", target: "/signup", contentType: form, body: "user=ann&user=&pin=1",
			wantStatus: 422, wantBody: `{"detail":[{"type":"missing","loc":["body","user"],"msg":"Field required","input":null}]}`},
		{name: "multipart", method: "POST", target: "/signup", contentType: "multipart/form-data; boundary=XX",
			body:       "--XX\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\nbob\r\n--XX\r\nContent-Disposition: form-data; name=\"pin\"\r\n\r\n9\r\n--XX--\r\n",
			wantStatus: 200, wantBody: `{"User":"bob","Pin":"9","Roles":[]}`},
		{name: "JSON is not a form", method: "POST", target: "/signup", contentType: "application/json", body: `{"user":"a","pin":"1"}`,
			wantStatus: 422, wantBody: `{"detail":[
				{"type":"missing","loc":["body","user"],"msg":"Field required","input":null},
				{"type":"missing","loc":["body","pin"],"msg":"Field required","input":null}]}`},
		{name: "broken multipart", method: "POST", target: "/signup", contentType: "multipart/form-data; boundary=XX", body: "--XX\r\nnonsense",
			wantStatus: 400, wantBody: `{"detail":"There was an error parsing the body"}`},
	})
}

func TestBodyLimit(t *testing.T) {
	e := echo.New()
	api := echov4.NewWithOptions(e, &typed.Options{MaxBodyBytes: 16})
	api.POST("/items", typed.Handle(typed.None, echoReq[newItem]))
	serve(t, e, []call{
		{name: "over the limit", method: "POST", target: "/items", contentType: "application/json",
			body:       `{"name":"aaaaaaaaaaaaaaaaaaaa","price":1,"password":"longenough"}`,
			wantStatus: http.StatusRequestEntityTooLarge, wantBody: `{"detail":"Request body too large"}`},
	})
}
