package typed_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"time"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// show sends a GET to e and prints the status, the headers named and the
// body.
func show(e *echo.Echo, target string, headers ...string) {
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	fmt.Print(rec.Code)
	for _, h := range headers {
		fmt.Printf(" %s=%q", h, rec.Header().Get(h))
	}
	fmt.Printf(" %q\n", strings.TrimSpace(rec.Body.String()))
}

// Message is the model of error answers in these examples.
type Message struct {
	Message string `json:"message"`
}

// Status sets the success status on the method shortcuts: FastAPI's
// status_code=201.
func ExampleHandler_Status() {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/items/", typed.Plain(func(echo.Context, struct{}) (Message, error) {
		return Message{"created"}, nil
	}).Status(http.StatusCreated))
	api.DELETE("/items/", typed.Plain(func(echo.Context, struct{}) (struct{}, error) {
		return struct{}{}, nil
	}).Status(http.StatusNoContent))

	for _, method := range []string{http.MethodPost, http.MethodDelete} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(method, "/items/", nil))
		fmt.Printf("%d %q\n", rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	fmt.Println(api.Operations()[0].Status, api.Operations()[1].Status)
	// Output:
	// 201 "{\"message\":\"created\"}"
	// 204 ""
	// 201 204
}

// Responses documents more responses of a route: FastAPI's
// responses={404: {"model": Message}}. Model[T] is {"model": T}; a
// Response with a Description alone documents a response without a body.
func ExampleHandler_Responses() {
	api := echov4.New(echo.New())
	api.GET("/items/:id", typed.Plain(func(echo.Context, struct{}) (Message, error) {
		return Message{}, nil
	}).Responses(typed.Responses{
		http.StatusNotFound:  typed.Model[Message](),
		http.StatusForbidden: {Description: "Operation forbidden"},
	}))

	rs := api.Operations()[0].Responses
	fmt.Println(rs[404].Model, rs[403].Description)
	// Output:
	// typed_test.Message Operation forbidden
}

// Model is FastAPI's {"model": T}: a response whose body is T as JSON.
func ExampleModel() {
	r := typed.Model[Message]()
	r.Description = "The item was not found"
	fmt.Println(r.Model, r.Description)
	// Output:
	// typed_test.Message The item was not found
}

// Response headers are documented with the response they come with; a
// declaration for the success status completes the success response.
func ExampleHeader() {
	api := echov4.New(echo.New())
	api.Register(typed.Operation{Method: http.MethodPost, Path: "/items/", Status: http.StatusCreated,
		Responses: typed.Responses{http.StatusCreated: {Headers: map[string]typed.Header{
			"Location": {Description: "The new item", Required: true},
		}}}},
		typed.Plain(func(echo.Context, struct{}) (typed.Reply[Message], error) {
			return typed.Reply[Message]{Header: http.Header{"Location": {"/items/7"}}, Body: Message{"created"}}, nil
		}))

	op := api.Operations()[0]
	fmt.Println(op.Success.Model, op.Success.Headers["Location"].Description)
	// Output:
	// typed_test.Message The new item
}

// WithResponses documents responses on every route of a router, under
// each route's own: FastAPI's APIRouter(responses={…}).
func ExampleAPI_WithResponses() {
	api := echov4.New(echo.New())
	items := api.Core().WithResponses(typed.Responses{http.StatusNotFound: {Description: "Not found"}})
	fmt.Println(len(items.Operations()) == len(api.Operations()))
	// Output:
	// true
}

// upsert answers 201 when it creates an item and 200 when it updates one.
type upsert struct {
	Name    string `json:"name"`
	created bool
}

func (u upsert) StatusCode() int {
	if u.created {
		return http.StatusCreated
	}
	return 0 // the operation's
}

// A result that is a StatusCoder picks its status per request.
func ExampleStatusCoder() {
	e := echo.New()
	api := echov4.New(e)
	seen := map[string]bool{}
	api.PUT("/items/:name", typed.Plain(func(_ echo.Context, p struct {
		Name string `path:"name"`
	}) (upsert, error) {
		created := !seen[p.Name]
		seen[p.Name] = true
		return upsert{Name: p.Name, created: created}, nil
	}))

	do(e, http.MethodPut, "/items/pen", "")
	do(e, http.MethodPut, "/items/pen", "")
	// Output:
	// 201 {"name":"pen"}
	// 200 {"name":"pen"}
}

// Reply is a result with a status and headers chosen per request,
// documented as its body's type.
func ExampleReply() {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/items/", typed.Plain(func(echo.Context, struct{}) (typed.Reply[Message], error) {
		return typed.Reply[Message]{
			Status: http.StatusCreated,
			Header: http.Header{"Location": {"/items/7"}},
			Body:   Message{"created"},
		}, nil
	}))

	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/items/", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"), strings.TrimSpace(rec.Body.String()))
	fmt.Println(api.Operations()[0].Success.Model)
	// Output:
	// 201 /items/7 {"message":"created"}
	// typed_test.Message
}

// JSONResponse answers another model with another status, in place of the
// handler's error: FastAPI's return JSONResponse(status_code=404, …).
func ExampleJSONResponse() {
	type Item struct {
		ID string `json:"id"`
	}
	e := echo.New()
	api := echov4.New(e)
	api.GET("/items/:id", typed.Plain(func(_ echo.Context, p struct {
		ID string `path:"id"`
	}) (Item, error) {
		if p.ID != "foo" {
			return Item{}, typed.JSONResponse{Status: http.StatusNotFound, Body: Message{"Item not found"}}
		}
		return Item{ID: p.ID}, nil
	}).Responses(typed.Responses{http.StatusNotFound: typed.Model[Message]()}))

	show(e, "/items/foo")
	show(e, "/items/bar")
	// Output:
	// 200 "{\"id\":\"foo\"}"
	// 404 "{\"message\":\"Item not found\"}"
}

// HTML sends a page as text/html, documented so. A handler whose result
// type is any may return it too, as a FastAPI path operation returns an
// HTMLResponse; the route is then documented as JSON of any shape.
func ExampleHTML() {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/", typed.Plain(func(echo.Context, struct{}) (typed.HTML, error) {
		return "<h1>Hello</h1>", nil
	}))
	api.GET("/any", typed.Plain(func(echo.Context, struct{}) (any, error) {
		return typed.HTML("<h1>Any</h1>"), nil
	}))

	show(e, "/", "Content-Type")
	show(e, "/any", "Content-Type")
	fmt.Println(api.Operations()[0].Success.ContentType, api.Operations()[1].Success.ContentType)
	// Output:
	// 200 Content-Type="text/html; charset=utf-8" "<h1>Hello</h1>"
	// 200 Content-Type="text/html; charset=utf-8" "<h1>Any</h1>"
	// text/html application/json
}

// Text sends plain text, FastAPI's PlainTextResponse.
func ExampleText() {
	e := echo.New()
	echov4.New(e).GET("/ping", typed.Plain(func(echo.Context, struct{}) (typed.Text, error) { return "pong", nil }))

	show(e, "/ping", "Content-Type")
	// Output:
	// 200 Content-Type="text/plain; charset=utf-8" "pong"
}

// Bytes sends a body of the media type the route declares.
func ExampleBytes() {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/pixel.gif", typed.Plain(func(echo.Context, struct{}) (typed.Bytes, error) {
		return typed.Bytes{Body: []byte("GIF89a")}, nil
	}).Responses(typed.Responses{200: {ContentType: "image/gif"}}))

	show(e, "/pixel.gif", "Content-Type")
	// Output:
	// 200 Content-Type="image/gif" "GIF89a"
}

// Redirect answers 307 with Location and no body, documented so.
func ExampleRedirect() {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/old", typed.Plain(func(echo.Context, struct{}) (typed.Redirect, error) {
		return typed.Redirect{URL: "/new path"}, nil
	}))

	show(e, "/old", "Location")
	op := api.Operations()[0]
	fmt.Println(op.Status, op.Success.Headers["Location"].Required)
	// Output:
	// 307 Location="/new%20path" ""
	// 307 true
}

// Stream sends a body as it is read, each chunk flushed.
func ExampleStream() {
	e := echo.New()
	echov4.New(e).GET("/report.csv", typed.Plain(func(echo.Context, struct{}) (typed.Stream, error) {
		return typed.Stream{ContentType: "text/csv", Body: strings.NewReader("a,b\n1,2\n")}, nil
	}))

	show(e, "/report.csv", "Content-Type")
	// Output:
	// 200 Content-Type="text/csv; charset=utf-8" "a,b\n1,2"
}

// File sends a download with Content-Disposition.
func ExampleFile() {
	e := echo.New()
	echov4.New(e).GET("/report", typed.Plain(func(echo.Context, struct{}) (typed.File, error) {
		return typed.File{Content: strings.NewReader("a,b\n"), ModTime: time.Unix(0, 0), Name: "report.csv"}, nil
	}))

	show(e, "/report", "Content-Type", "Content-Disposition")
	// Output:
	// 200 Content-Type="text/csv; charset=utf-8" Content-Disposition="attachment; filename=\"report.csv\"" "a,b"
}

// A File with neither Path nor Content fails with ErrNoFile, which the
// host's error handler answers 500.
func ExampleErrNoFile() {
	e := echo.New()
	var got error
	e.HTTPErrorHandler = func(err error, c echo.Context) { got = err; _ = c.NoContent(http.StatusInternalServerError) }
	echov4.New(e).GET("/nothing", typed.Plain(func(echo.Context, struct{}) (typed.File, error) { return typed.File{}, nil }))

	show(e, "/nothing")
	fmt.Println(got == typed.ErrNoFile)
	// Output:
	// 500 ""
	// true
}

// Events streams Server-Sent Events, one per yielded value, each flushed
// as it is sent.
func ExampleEvents() {
	type Item struct {
		Name string `json:"name"`
	}
	e := echo.New()
	api := echov4.New(e)
	api.GET("/items/stream", typed.Plain(func(echo.Context, struct{}) (typed.Events[Item], error) {
		return func(yield func(Item) bool) {
			for _, name := range []string{"Plumbus", "Portal Gun"} {
				if !yield(Item{name}) {
					return
				}
			}
		}, nil
	}))

	show(e, "/items/stream", "Content-Type")
	fmt.Println(api.Operations()[0].Success.ContentType)
	// Output:
	// 200 Content-Type="text/event-stream; charset=utf-8" "data: {\"name\":\"Plumbus\"}\n\ndata: {\"name\":\"Portal Gun\"}"
	// text/event-stream
}

// A ServerSentEvent sets every field of an event.
func ExampleServerSentEvent() {
	e := echo.New()
	echov4.New(e).GET("/stream", typed.Plain(func(echo.Context, struct{}) (typed.Events[typed.ServerSentEvent], error) {
		return func(yield func(typed.ServerSentEvent) bool) {
			_ = yield(typed.ServerSentEvent{Comment: "stream of item updates"}) &&
				yield(typed.ServerSentEvent{Data: Message{"hi"}, Event: "item_update", ID: "1", Retry: 5000})
		}, nil
	}))

	show(e, "/stream")
	// Output:
	// 200 ": stream of item updates\n\nevent: item_update\ndata: {\"message\":\"hi\"}\nid: 1\nretry: 5000"
}

// An event that breaks the format ends the stream with ErrEvent.
func ExampleErrEvent() {
	e := echo.New()
	var got error
	e.HTTPErrorHandler = func(err error, c echo.Context) { got = err }
	echov4.New(e).GET("/stream", typed.Plain(func(echo.Context, struct{}) (typed.Events[typed.ServerSentEvent], error) {
		return func(yield func(typed.ServerSentEvent) bool) { yield(typed.ServerSentEvent{ID: "a\nb"}) }, nil
	}))

	show(e, "/stream")
	fmt.Println(got == typed.ErrEvent)
	// Output:
	// 200 ""
	// true
}

// csv is a result type of its own: it writes itself (Responder) and
// documents its media type (ResponseDescriber).
type csv [][]string

func (c csv) WriteResponse(w http.ResponseWriter, _ *http.Request, status int) error {
	w.Header().Set("Content-Type", "text/csv")
	w.WriteHeader(status)
	for _, row := range c {
		fmt.Fprintln(w, strings.Join(row, ","))
	}
	return nil
}

func (csv) DescribeResponse(r *typed.Response) { r.ContentType = "text/csv" }

// Any result type can write itself and document its media type.
func ExampleResponder() {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/table", typed.Plain(func(echo.Context, struct{}) (csv, error) {
		return csv{{"a", "b"}, {"1", "2"}}, nil
	}))

	show(e, "/table", "Content-Type")
	fmt.Println(api.Operations()[0].Success.ContentType)
	// Output:
	// 200 Content-Type="text/csv" "a,b\n1,2"
	// text/csv
}

// DescribeResponse documents a result type's success response; see
// ExampleResponder for a type that also writes itself.
func ExampleResponseDescriber() {
	api := echov4.New(echo.New())
	api.GET("/table", typed.Plain(func(echo.Context, struct{}) (csv, error) { return nil, nil }))
	op := api.Operations()[0]
	fmt.Println(op.Success.ContentType, op.Success.Model)
	// Output:
	// text/csv <nil>
}

// Responses are merged status by status: the API's, the handler's, the
// operation's.
func ExampleResponses() {
	api := echov4.New(echo.New())
	admin := api.WithResponses(typed.Responses{418: {Description: "I'm a teapot"}}).Group("/admin")
	admin.Register(typed.Operation{Method: http.MethodPost, Path: "/", Responses: typed.Responses{403: {Description: "Operation forbidden"}}},
		typed.Plain(func(echo.Context, struct{}) (Message, error) { return Message{}, nil }))

	rs := api.Operations()[0].Responses
	codes := make([]int, 0, len(rs))
	for code := range rs {
		codes = append(codes, code)
	}
	sort.Ints(codes)
	for _, code := range codes {
		fmt.Println(code, rs[code].Description)
	}
	// Output:
	// 403 Operation forbidden
	// 418 I'm a teapot
}
