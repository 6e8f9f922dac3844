package openapi_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type message struct {
	Message string `json:"message"`
}

type thing struct {
	ID    string `json:"id"`
	Value string `json:"value"`
}

// doc builds the document of the routes build registers and returns the
// value at keys.
func responsesDoc(t *testing.T, build func(api *echov4.API)) map[string]any {
	t.Helper()
	api := echov4.New(echo.New())
	build(api)
	b, err := openapi.JSON(api, openapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func expectJSON(t *testing.T, got any, want string) {
	t.Helper()
	var w any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, w) {
		g, _ := json.Marshal(got)
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

// TestDeclaredResponses: FastAPI's responses=… with models and
// descriptions, merged from the group to the route, the success status
// of the shortcuts, response headers, and no 422 where one is declared.
func TestDeclaredResponses(t *testing.T) {
	d := responsesDoc(t, func(api *echov4.API) {
		api.GET("/items/:item_id", typed.Plain(func(_ echo.Context, _ struct {
			ItemID string `path:"item_id"`
		}) (thing, error) {
			return thing{}, nil
		}).Responses(typed.Responses{http.StatusNotFound: typed.Model[message]()}))
		router := api.WithResponses(typed.Responses{404: {Description: "Not found"}}).Group("/admin")
		router.Register(typed.Operation{Method: http.MethodPost, Path: "/", ResponseDescription: "Made",
			Responses: typed.Responses{418: {Description: "I'm a teapot"}, 422: {Description: "Bad"},
				201: {Headers: map[string]typed.Header{"Location": {Description: "Where", Required: true}}}}},
			typed.Plain(func(_ echo.Context, _ struct {
				Q string `query:"q"`
			}) (message, error) {
				return message{}, nil
			}).Status(http.StatusCreated))
	})
	get := at(d, "paths", "/items/{item_id}", "get", "responses")
	expectJSON(t, at(get, "200"), `{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/thing"}}}}`)
	expectJSON(t, at(get, "404"), `{"description":"Not Found","content":{"application/json":{"schema":{"$ref":"#/components/schemas/message"}}}}`)
	if at(get, "422") == nil {
		t.Error("no 422")
	}
	post := at(d, "paths", "/admin/", "post", "responses")
	expectJSON(t, at(post, "201"), `{"description":"Made","headers":{"Location":{"description":"Where","required":true,"schema":{"type":"string"},"style":"simple"}},
		"content":{"application/json":{"schema":{"$ref":"#/components/schemas/message"}}}}`)
	expectJSON(t, at(post, "404"), `{"description":"Not found"}`)
	expectJSON(t, at(post, "418"), `{"description":"I'm a teapot"}`)
	expectJSON(t, at(post, "422"), `{"description":"Bad"}`)
	if at(post, "200") != nil {
		t.Error("a 200 beside the 201")
	}
}

// TestMediaTypes: each non-JSON result type documents its media type.
func TestMediaTypes(t *testing.T) {
	d := responsesDoc(t, func(api *echov4.API) {
		api.GET("/html", typed.Plain(func(echo.Context, struct{}) (typed.HTML, error) { return "", nil }))
		api.GET("/text", typed.Plain(func(echo.Context, struct{}) (typed.Text, error) { return "", nil }))
		api.GET("/any", typed.Plain(func(echo.Context, struct{}) (any, error) { return typed.HTML(""), nil }))
		api.GET("/png", typed.Plain(func(echo.Context, struct{}) (typed.Bytes, error) { return typed.Bytes{}, nil }).
			Responses(typed.Responses{200: {ContentType: "image/png", Description: "A picture"}}))
		api.GET("/bytes", typed.Plain(func(echo.Context, struct{}) (typed.Bytes, error) { return typed.Bytes{}, nil }))
		api.GET("/file", typed.Plain(func(echo.Context, struct{}) (typed.File, error) { return typed.File{}, nil }))
		api.GET("/redirect", typed.Plain(func(echo.Context, struct{}) (typed.Redirect, error) { return typed.Redirect{}, nil }))
		api.GET("/stream", typed.Plain(func(echo.Context, struct{}) (typed.Stream, error) { return typed.Stream{}, nil }).
			Responses(typed.Responses{200: {ContentType: "text/csv"}}))
		api.GET("/events", typed.Plain(func(echo.Context, struct{}) (typed.Events[thing], error) { return nil, nil }))
		api.GET("/raw-events", typed.Plain(func(echo.Context, struct{}) (typed.Events[typed.ServerSentEvent], error) { return nil, nil }))
		api.GET("/reply", typed.Plain(func(echo.Context, struct{}) (typed.Reply[thing], error) { return typed.Reply[thing]{}, nil }))
		api.GET("/json-response", typed.Plain(func(echo.Context, struct{}) (typed.JSONResponse, error) { return typed.JSONResponse{}, nil }))
	})
	ok := func(path string) any { return at(d, "paths", path, "get", "responses") }
	expectJSON(t, at(ok("/html"), "200"), `{"description":"Successful Response","content":{"text/html":{"schema":{"type":"string"}}}}`)
	expectJSON(t, at(ok("/text"), "200", "content"), `{"text/plain":{"schema":{"type":"string"}}}`)
	expectJSON(t, at(ok("/any"), "200", "content"), `{"application/json":{"schema":{}}}`)
	expectJSON(t, at(ok("/png"), "200"), `{"description":"A picture","content":{"image/png":{"schema":{"type":"string","format":"binary"}}}}`)
	expectJSON(t, at(ok("/bytes"), "200", "content"), `{"application/octet-stream":{"schema":{"type":"string","format":"binary"}}}`)
	expectJSON(t, at(ok("/file"), "200"), `{"description":"Successful Response",
		"headers":{"Content-Disposition":{"description":"How to save the file: attachment; filename=\"…\"","schema":{"type":"string"},"style":"simple"}},
		"content":{"application/octet-stream":{"schema":{"type":"string","format":"binary"}}}}`)
	expectJSON(t, ok("/redirect"), `{"307":{"description":"Successful Response",
		"headers":{"Location":{"description":"The URL to go to","required":true,"schema":{"type":"string"},"style":"simple"}}}}`)
	expectJSON(t, at(ok("/stream"), "200", "content"), `{"text/csv":{"schema":{"type":"string"}}}`)
	expectJSON(t, at(ok("/events"), "200", "content"), `{"text/event-stream":{"schema":{"type":"string"},"x-itemSchema":{"type":"object","required":["data"],"properties":{
		"data":{"type":"string","contentMediaType":"application/json","contentSchema":{"$ref":"#/components/schemas/thing"}},
		"event":{"type":"string"},"id":{"type":"string"},"retry":{"type":"integer","minimum":0}}}}}`)
	expectJSON(t, at(ok("/raw-events"), "200", "content"), `{"text/event-stream":{"schema":{"type":"string"},"x-itemSchema":{"type":"object","properties":{
		"data":{"type":"string"},"event":{"type":"string"},"id":{"type":"string"},"retry":{"type":"integer","minimum":0}}}}}`)
	expectJSON(t, at(ok("/reply"), "200", "content"), `{"application/json":{"schema":{"$ref":"#/components/schemas/thing"}}}`)
	expectJSON(t, at(ok("/json-response"), "200", "content"), `{"application/json":{"schema":{}}}`)
}

// TestFileFields: a form with files is multipart/form-data, each file a
// string of contentMediaType application/octet-stream, as FastAPI writes
// bytes and UploadFile.
func TestFileFields(t *testing.T) {
	d := responsesDoc(t, func(api *echov4.API) {
		api.POST("/files/", typed.Plain(func(_ echo.Context, _ struct {
			Files [][]byte           `form:"files" description:"Multiple files as bytes"`
			One   *typed.UploadFile  `form:"one"`
			Many  []typed.UploadFile `form:"many" required:"false"`
			Token string             `form:"token"`
		}) (string, error) {
			return "", nil
		}))
		api.POST("/text/", typed.Plain(func(_ echo.Context, _ struct {
			Token string `form:"token"`
		}) (string, error) {
			return "", nil
		}))
	})
	rb := at(d, "paths", "/files/", "post", "requestBody")
	expectJSON(t, rb, `{"required":true,"content":{"multipart/form-data":{"schema":{"$ref":"#/components/schemas/Body_handler_files__post"}}}}`)
	expectJSON(t, at(d, "components", "schemas", "Body_handler_files__post"), `{"type":"object","required":["files","token"],"properties":{
		"files":{"type":"array","items":{"type":"string","contentMediaType":"application/octet-stream"},"description":"Multiple files as bytes"},
		"one":{"type":"string","contentMediaType":"application/octet-stream"},
		"many":{"type":"array","items":{"type":"string","contentMediaType":"application/octet-stream"}},
		"token":{"type":"string"}}}`)
	if at(d, "paths", "/text/", "post", "requestBody", "content", "application/x-www-form-urlencoded") == nil {
		t.Error("a form without files is not urlencoded")
	}
}
