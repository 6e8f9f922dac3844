package typed_test

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type message struct {
	Message string `json:"message"`
}

// upserted picks its status per request through StatusCoder.
type upserted struct {
	ID      int  `json:"id"`
	Created bool `json:"-"`
}

func (u upserted) StatusCode() int {
	if u.Created {
		return http.StatusCreated
	}
	return 0
}

func TestResponses(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	file := filepath.Join(t.TempDir(), "report.csv")
	if err := os.WriteFile(file, []byte("a,b\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	plain := func(v any) *typed.Handler[echo.Context] {
		return typed.Plain(func(echo.Context, struct{}) (any, error) { return v, nil })
	}
	api.POST("/created", typed.Plain(func(echo.Context, struct{}) (created, error) { return created{ID: 1}, nil }).Status(http.StatusCreated))
	api.DELETE("/gone", typed.Plain(func(echo.Context, struct{}) (created, error) { return created{ID: 1}, nil }).Status(http.StatusNoContent))
	api.Register(typed.Operation{Method: http.MethodPut, Path: "/op-wins", Status: http.StatusAccepted},
		typed.Plain(func(echo.Context, struct{}) (created, error) { return created{}, nil }).Status(http.StatusCreated))
	api.PUT("/upsert/:id", typed.Plain(func(_ echo.Context, q struct {
		ID int `path:"id"`
	}) (upserted, error) {
		return upserted{ID: q.ID, Created: q.ID > 10}, nil
	}))
	api.POST("/reply", typed.Plain(func(echo.Context, struct{}) (typed.Reply[created], error) {
		return typed.Reply[created]{Status: http.StatusCreated, Header: http.Header{"location": {"/reply/7"}}, Body: created{ID: 7}}, nil
	}))
	api.GET("/reply-default", typed.Plain(func(echo.Context, struct{}) (typed.Reply[created], error) {
		return typed.Reply[created]{Body: created{ID: 8}}, nil
	}))
	api.GET("/items/:id", typed.Plain(func(_ echo.Context, q struct {
		ID string `path:"id"`
	}) (created, error) {
		if q.ID != "1" {
			return created{}, typed.JSONResponse{Status: http.StatusNotFound, Body: message{"Item not found"}, Header: http.Header{"X-Why": {"unknown"}}}
		}
		return created{ID: 1}, nil
	}))
	api.GET("/any-json", plain(typed.JSONResponse{Status: http.StatusTeapot, Body: []int{1}}))
	api.GET("/html", typed.Plain(func(echo.Context, struct{}) (typed.HTML, error) { return "<p>hi</p>", nil }))
	api.GET("/any-html", plain(typed.HTML("<p>any</p>")))
	api.GET("/text", typed.Plain(func(echo.Context, struct{}) (typed.Text, error) { return "héllo", nil }))
	api.GET("/png", typed.Plain(func(echo.Context, struct{}) (typed.Bytes, error) {
		return typed.Bytes{Body: []byte{0x89, 'P'}}, nil
	}).Responses(typed.Responses{200: {ContentType: "image/png"}}))
	api.GET("/bytes", plain(typed.Bytes{ContentType: "application/x-thing", Body: []byte("xyz")}))
	api.GET("/redirect", typed.Plain(func(echo.Context, struct{}) (typed.Redirect, error) {
		return typed.Redirect{URL: "/to/a b?x=é"}, nil
	}))
	api.GET("/redirect-302", typed.Plain(func(echo.Context, struct{}) (typed.Redirect, error) {
		return typed.Redirect{URL: "/there"}, nil
	}).Status(http.StatusFound))
	api.GET("/redirect-own", typed.Plain(func(echo.Context, struct{}) (typed.Redirect, error) {
		return typed.Redirect{URL: "/there", Status: http.StatusMovedPermanently}, nil
	}))
	api.GET("/any-redirect", plain(typed.Redirect{URL: "/there"}))
	api.GET("/download", plain(typed.File{Path: file, Name: "report.csv"}))
	api.GET("/download-utf8", plain(typed.File{Content: strings.NewReader("x"), Name: "résumé.txt"}))
	api.GET("/inline", plain(typed.File{Path: file, Inline: true, Name: "r.csv", ContentType: "text/csv"}))
	api.GET("/stream", typed.Plain(func(echo.Context, struct{}) (typed.Stream, error) {
		return typed.Stream{ContentType: "text/csv", Body: strings.NewReader("a,b\n")}, nil
	}))

	ct := func(v string) map[string]string { return map[string]string{"Content-Type": v} }
	serve(t, e, []call{
		{name: "Status on a shortcut", method: "POST", target: "/created", wantStatus: 201, wantBody: `{"id":1}`},
		{name: "204 has no body", method: "DELETE", target: "/gone", wantStatus: 204, wantHeader: ct("")},
		{name: "the operation's status wins", method: "PUT", target: "/op-wins", wantStatus: 202},
		{name: "StatusCoder: 200", method: "PUT", target: "/upsert/3", wantStatus: 200, wantBody: `{"id":3}`},
		{name: "StatusCoder: 201", method: "PUT", target: "/upsert/30", wantStatus: 201, wantBody: `{"id":30}`},
		{name: "Reply", method: "POST", target: "/reply", wantStatus: 201, wantBody: `{"id":7}`, wantHeader: map[string]string{"Location": "/reply/7"}},
		{name: "Reply, default status", target: "/reply-default", wantStatus: 200, wantBody: `{"id":8}`},
		{name: "JSONResponse as error", target: "/items/2", wantStatus: 404, wantBody: `{"message":"Item not found"}`,
			wantHeader: map[string]string{"X-Why": "unknown", "Content-Type": "application/json"}},
		{name: "the model otherwise", target: "/items/1", wantStatus: 200, wantBody: `{"id":1}`},
		{name: "JSONResponse as result", target: "/any-json", wantStatus: 418, wantBody: `[1]`},
		{name: "HTML", target: "/html", wantStatus: 200, wantHeader: ct("text/html; charset=utf-8")},
		{name: "HTML through any", target: "/any-html", wantStatus: 200, wantHeader: ct("text/html; charset=utf-8")},
		{name: "Text", target: "/text", wantStatus: 200, wantHeader: map[string]string{"Content-Type": "text/plain; charset=utf-8", "Content-Length": "6"}},
		{name: "Bytes with the declared media type", target: "/png", wantStatus: 200, wantHeader: ct("image/png")},
		{name: "Bytes with its own media type", target: "/bytes", wantStatus: 200, wantHeader: ct("application/x-thing")},
		{name: "File download", target: "/download", wantStatus: 200, wantHeader: map[string]string{
			"Content-Disposition": `attachment; filename="report.csv"`, "Content-Type": "text/csv; charset=utf-8", "Content-Length": "8"}},
		{name: "File with a name to escape", target: "/download-utf8", wantStatus: 200, wantHeader: map[string]string{
			"Content-Disposition": `attachment; filename*=utf-8''r%C3%A9sum%C3%A9.txt`}},
		{name: "File inline", target: "/inline", wantStatus: 200, wantHeader: map[string]string{"Content-Disposition": `inline; filename="r.csv"`}},
		{name: "Stream", target: "/stream", wantStatus: 200, wantHeader: ct("text/csv; charset=utf-8")},
	})

	for _, tt := range []struct {
		target, wantLocation string
		wantStatus           int
	}{
		{"/redirect", "/to/a%20b?x=%C3%A9", 307}, // quoted as Starlette quotes it
		{"/redirect-302", "/there", 302},         // the route's status
		{"/redirect-own", "/there", 301},         // its own
		{"/any-redirect", "/there", 307},         // a 200 route's redirect is a 307
	} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.target, nil))
		h := rec.Header()
		if rec.Code != tt.wantStatus || h.Get("Location") != tt.wantLocation || h.Get("Content-Type") != "" ||
			h.Get("Content-Length") != "0" || rec.Body.Len() != 0 {
			t.Errorf("%s: %d %v %q", tt.target, rec.Code, h, rec.Body)
		}
	}

	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/download", nil)
	req.Header.Set("Range", "bytes=0-2")
	e.ServeHTTP(rec, req)
	if rec.Code != http.StatusPartialContent || rec.Body.String() != "a,b" {
		t.Errorf("range request: %d %q", rec.Code, rec.Body)
	}
}

// TestResponsesDocumented: the success response as the result type
// documents it, completed by what the API, the handler and the operation
// declare, status by status, the later winning.
func TestResponsesDocumented(t *testing.T) {
	api := echov4.New(echo.New())
	items := api.WithResponses(typed.Responses{404: {Description: "Not found"}, 418: {Description: "I'm a teapot"}}).Group("/items")
	items.Register(typed.Operation{Method: http.MethodPut, Path: "/:id", Responses: typed.Responses{403: {Description: "Operation forbidden"}, 418: {Description: "Tea"}}},
		typed.Plain(func(echo.Context, struct{}) (created, error) { return created{}, nil }).
			Responses(typed.Responses{404: typed.Model[message](), 201: {Headers: map[string]typed.Header{"Location": {Required: true}}}}).
			Status(http.StatusCreated))
	api.GET("/redirect", typed.Plain(func(echo.Context, struct{}) (typed.Redirect, error) { return typed.Redirect{}, nil }))
	api.GET("/events", typed.Plain(func(echo.Context, struct{}) (typed.Events[created], error) { return nil, nil }))
	api.GET("/any", typed.Plain(func(echo.Context, struct{}) (any, error) { return nil, nil }))

	ops := api.Operations()
	put := ops[0]
	if put.Status != 201 || put.Success.Model != reflect.TypeFor[created]() || put.Success.ContentType != "application/json" ||
		!put.Success.Headers["Location"].Required {
		t.Errorf("PUT success: %d %+v", put.Status, put.Success)
	}
	want := typed.Responses{
		404: typed.Model[message](),
		403: {Description: "Operation forbidden"},
		418: {Description: "Tea"},
		201: {Headers: map[string]typed.Header{"Location": {Required: true}}},
	}
	if !reflect.DeepEqual(put.Responses, want) {
		t.Errorf("PUT responses:\n got %+v\nwant %+v", put.Responses, want)
	}
	if r := ops[1]; r.Status != 307 || r.Success.ContentType != "" || r.Success.Model != nil || !r.Success.Headers["Location"].Required {
		t.Errorf("redirect: %d %+v", r.Status, r.Success)
	}
	if r := ops[2]; r.Success.ContentType != "text/event-stream" || r.Success.Model != reflect.TypeFor[created]() {
		t.Errorf("events: %+v", r.Success)
	}
	if r := ops[3]; r.Success.ContentType != "application/json" || r.Success.Model != reflect.TypeFor[any]() {
		t.Errorf("any: %+v", r.Success)
	}
	if len(api.Operations()[1].Responses) != 0 {
		t.Errorf("the API's own routes got the view's responses: %+v", ops[1].Responses)
	}
}

func TestResponsesRefused(t *testing.T) {
	api := echov4.New(echo.New())
	defer func() {
		if v := recover(); v == nil || !strings.Contains(v.(string), "status 204 has no body") {
			t.Errorf("panic %v", v)
		}
	}()
	api.GET("/", typed.Plain(readItems).Responses(typed.Responses{204: typed.Model[message]()}))
}

// TestEvents: each event reaches the client as soon as it is yielded
// (the next is held back until the client has read it), in FastAPI's
// wire format, and the iterator stops when the client goes away.
func TestEvents(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	next := make(chan struct{})
	stopped := make(chan struct{})
	api.GET("/events", typed.Plain(func(echo.Context, struct{}) (typed.Events[any], error) {
		return func(yield func(any) bool) {
			defer close(stopped)
			if !yield(created{ID: 1}) {
				return
			}
			<-next
			if !yield(typed.ServerSentEvent{Comment: "two\nlines", Event: "item", Data: "x", ID: "2", Retry: 5000}) {
				return
			}
			yield(typed.ServerSentEvent{RawData: "raw\ndata"})
			<-next
			for i := 0; yield(created{ID: i}); i++ { // the client is gone
				if i > 500 {
					t.Error("yield went on after the client left")
					return
				}
				time.Sleep(10 * time.Millisecond)
			}
		}, nil
	}))
	srv := httptest.NewServer(e)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Header.Get("Content-Type"); got != "text/event-stream; charset=utf-8" || res.Header.Get("Cache-Control") != "no-cache" || res.Header.Get("X-Accel-Buffering") != "no" {
		t.Errorf("headers %v", res.Header)
	}
	br := bufio.NewReader(res.Body)
	readEvent := func() string {
		var b strings.Builder
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				t.Fatalf("read: %v (after %q)", err, b.String())
			}
			b.WriteString(line)
			if line == "\n" {
				return b.String()
			}
		}
	}
	if got := readEvent(); got != "data: {\"id\":1}\n\n" {
		t.Errorf("first event %q", got)
	}
	next <- struct{}{}
	if got := readEvent(); got != ": two\n: lines\nevent: item\ndata: \"x\"\nid: 2\nretry: 5000\n\n" {
		t.Errorf("second event %q", got)
	}
	if got := readEvent(); got != "data: raw\ndata: data\n\n" {
		t.Errorf("third event %q", got)
	}
	res.Body.Close()
	close(next)
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the iterator was not stopped")
	}
}

func TestEventsInvalid(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	var got error
	e.HTTPErrorHandler = func(err error, c echo.Context) { got = err }
	api.GET("/events", typed.Plain(func(echo.Context, struct{}) (typed.Events[typed.ServerSentEvent], error) {
		return func(yield func(typed.ServerSentEvent) bool) { yield(typed.ServerSentEvent{Event: "a\nb"}) }, nil
	}))
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/events", nil))
	if !errors.Is(got, typed.ErrEvent) {
		t.Errorf("error %v", got)
	}
	if body, _ := io.ReadAll(rec.Body); len(body) != 0 {
		t.Errorf("body %q", body)
	}
}
