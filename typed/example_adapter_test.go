package typed_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/typed"
)

// stdContext is the request context of a tiny host built on net/http's
// ServeMux, for the adapter example.
type stdContext struct {
	w         http.ResponseWriter
	r         *http.Request
	committed bool
}

func (c *stdContext) WriteHeader(status int) { c.committed = true; c.w.WriteHeader(status) }
func (c *stdContext) Write(b []byte) (int, error) {
	c.committed = true
	return c.w.Write(b)
}
func (c *stdContext) Header() http.Header { return c.w.Header() }

// stdHost is the typed.Adapter of that host.
type stdHost struct{}

func (stdHost) Request(c *stdContext) *http.Request        { return c.r }
func (stdHost) Response(c *stdContext) http.ResponseWriter { return c }
func (stdHost) Param(c *stdContext, name string) string    { return c.r.PathValue(name) }
func (stdHost) Committed(c *stdContext) bool               { return c.committed }

// stdMux serves plain handlers on the ServeMux.
type stdMux struct{ m *http.ServeMux }

func (m stdMux) HandleHTTP(method, path string, h http.Handler) string {
	m.m.Handle(method+" "+path, h)
	return path
}

// An adapter in a few lines: NewAPI for the API, NewRoute for each typed
// route, and an error handler built on ErrorResponder. typed/echov4 and
// typed/echov5 are the same for Echo.
func ExampleNewRoute() {
	mux := http.NewServeMux()
	api := typed.NewAPI(stdMux{mux}, nil)
	errs := typed.NewErrorResponder(nil)
	handle := func(op typed.Operation, h *typed.Handler[*stdContext]) {
		serve, record := typed.NewRoute(api, stdHost{}, op, h)
		mux.HandleFunc(op.Method+" "+op.Path, func(w http.ResponseWriter, r *http.Request) {
			c := &stdContext{w: w, r: r}
			if err := serve(c); err != nil && !c.committed {
				_, _ = errs.Write(w, r, op.Path, err, 0, "")
			}
		})
		record(op.Path, "")
	}
	handle(typed.Operation{Method: http.MethodGet, Path: "/items/{id}"}, typed.Plain(func(_ *stdContext, q struct {
		ID int `path:"id"`
	}) (int, error) {
		if q.ID == 0 {
			return 0, errors.New("no item zero") // a plain error: logged, answered 500
		}
		return q.ID * 10, nil
	}))
	for _, target := range []string{"/items/4", "/items/x", "/items/0"} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	fmt.Println(api.Operations()[0].OperationID)
	// Output:
	// 200 40
	// 422 {"detail":[{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}
	// 500 {"detail":"Internal Server Error"}
	// handler_items__id__get
}

// Memo runs work once per request however many dependencies reach it.
func ExampleMemo() {
	type counter struct{ n int }
	key := &counter{}
	r := typed.NewRequest(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	for range 3 {
		v, _ := typed.Memo(r, key, func() (int, error) { key.n++; return key.n, nil })
		fmt.Print(v, " ")
	}
	fmt.Println("computed", key.n, "time(s)")
	// Output:
	// 1 1 1 computed 1 time(s)
}
