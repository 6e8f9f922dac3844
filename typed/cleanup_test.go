package typed_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// recorder notes what the cleanups of one request saw.
type recorder struct {
	mu   sync.Mutex
	log  []string
	errs []error
}

func (r *recorder) add(s string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log = append(r.log, s)
	r.errs = append(r.errs, err)
}

// TestCleanup: the cleanups of yield dependencies run on every outcome,
// after the answer is written when the route writes it, in reverse order
// of setup, and see the request's error; a cleanup that panics is logged
// and changes nothing.
func TestCleanup(t *testing.T) {
	var logs strings.Builder
	var rec recorder
	var written []bool // whether the response was committed when the first cleanup ran
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.NewWithOptions(e, &typed.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	session := typed.Yield(func(c echo.Context) (string, func(error), error) {
		return "session", func(err error) {
			written = append(written, c.Response().Committed)
			rec.add("session", err)
		}, nil
	})
	tx := typed.YieldDepends(session, func(c echo.Context, s string) (string, func(error), error) {
		return s + "+tx", func(err error) { rec.add("tx", err) }, nil
	})
	panicky := typed.YieldDepends(tx, func(c echo.Context, s string) (string, func(error), error) {
		return s, func(error) { panic("cleanup exploded") }, nil
	})
	failing := typed.Yield(func(c echo.Context) (string, func(error), error) {
		return "", func(err error) { rec.add("failing", err) }, typed.NewHTTPError(http.StatusForbidden, "no")
	})
	errBoom := errors.New("boom")
	handle := func(d typed.Dep[string], fn func(string) (any, error)) *typed.Handler[echo.Context] {
		return typed.Handle(d, func(_ echo.Context, _ struct{}, s string) (any, error) { return fn(s) })
	}
	api.GET("/ok", handle(tx, func(s string) (any, error) { return map[string]string{"v": s}, nil }))
	api.DELETE("/ok", handle(tx, func(string) (any, error) { return nil, nil }).Status(http.StatusNoContent))
	api.GET("/error", handle(tx, func(string) (any, error) { return nil, errBoom }))
	api.GET("/http-error", handle(tx, func(string) (any, error) { return nil, typed.NewHTTPError(http.StatusNotFound, "gone") }))
	api.GET("/direct", handle(tx, func(string) (any, error) {
		return nil, typed.JSONResponse{Status: http.StatusNotFound, Body: message{"direct"}}
	}))
	api.GET("/panic", handle(tx, func(string) (any, error) { panic("handler exploded") }))
	api.GET("/dep-error", handle(failing, func(string) (any, error) { return "unreached", nil }))
	api.GET("/invalid", typed.Handle(tx, func(_ echo.Context, _ struct {
		N int `query:"n"`
	}, s string) (string, error) {
		return s, nil
	}))
	api.GET("/cleanup-panics", handle(panicky, func(s string) (any, error) { return s, nil }))

	for _, tt := range []struct {
		name, method, target string
		wantStatus           int
		wantBody             string
		wantLog              string
		wantErr              func(error) bool
		wantWritten          bool
	}{
		{name: "200", target: "/ok", wantStatus: 200, wantBody: `{"v":"session+tx"}`, wantLog: "tx,session",
			wantErr: isNil, wantWritten: true},
		{name: "204", method: "DELETE", target: "/ok", wantStatus: 204, wantLog: "tx,session", wantErr: isNil, wantWritten: true},
		{name: "error", target: "/error", wantStatus: 500, wantLog: "tx,session",
			wantErr: func(err error) bool { return errors.Is(err, errBoom) }},
		{name: "HTTPError", target: "/http-error", wantStatus: 404, wantBody: `{"detail":"gone"}`, wantLog: "tx,session",
			wantErr: func(err error) bool { var he *typed.HTTPError; return errors.As(err, &he) && he.Status == 404 }},
		{name: "JSONResponse is no error", target: "/direct", wantStatus: 404, wantBody: `{"message":"direct"}`, wantLog: "tx,session",
			wantErr: isNil, wantWritten: true},
		{name: "panic", target: "/panic", wantStatus: 500, wantBody: `{"detail":"Internal Server Error"}`, wantLog: "tx,session",
			wantErr: func(err error) bool { return errors.Is(err, typed.ErrPanic) }},
		{name: "the dependency's own error", target: "/dep-error", wantStatus: 403, wantBody: `{"detail":"no"}`, wantLog: "failing",
			wantErr: func(err error) bool { var he *typed.HTTPError; return errors.As(err, &he) && he.Status == 403 }},
		{name: "422", target: "/invalid?n=x", wantStatus: 422, wantLog: "tx,session",
			wantErr: func(err error) bool { var ve *typed.RequestValidationError; return errors.As(err, &ve) }},
		{name: "a panicking cleanup masks nothing", target: "/cleanup-panics", wantStatus: 200, wantBody: `"session+tx"`,
			wantLog: "tx,session", wantErr: isNil, wantWritten: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec.log, rec.errs, written = nil, nil, nil
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			w := httptest.NewRecorder()
			e.ServeHTTP(w, httptest.NewRequest(method, tt.target, nil))
			if w.Code != tt.wantStatus || tt.wantBody != "" && !sameJSON(w.Body.Bytes(), tt.wantBody) {
				t.Errorf("answer %d %s", w.Code, w.Body)
			}
			if got := strings.Join(rec.log, ","); got != tt.wantLog {
				t.Errorf("cleanups ran %q, want %q", got, tt.wantLog)
			}
			for i, err := range rec.errs {
				if !tt.wantErr(err) {
					t.Errorf("cleanup %s saw %v", rec.log[i], err)
				}
			}
			if len(written) > 0 && written[0] != tt.wantWritten {
				t.Errorf("answer written before the cleanup: %v, want %v", written[0], tt.wantWritten)
			}
		})
	}
	if !strings.Contains(logs.String(), "cleanup exploded") {
		t.Errorf("the cleanup's panic is not logged: %s", logs.String())
	}
}

func isNil(err error) bool { return err == nil }

// TestCleanupOnce: a yield dependency reached twice in one request sets up
// and cleans up once; Finish runs the cleanups of a Request made outside
// a handler, once.
func TestCleanupOnce(t *testing.T) {
	setups, cleanups := 0, 0
	d := typed.Yield(func(echo.Context) (int, func(error), error) {
		setups++
		return setups, func(error) { cleanups++ }, nil
	})
	both := typed.Depends2(d, d, func(_ echo.Context, a, b int) (string, error) { return fmt.Sprint(a, b), nil })
	e := echo.New()
	echov4.New(e).GET("/", typed.Handle(both, func(_ echo.Context, _ struct{}, s string) (string, error) { return s, nil }))
	w := httptest.NewRecorder()
	e.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if setups != 1 || cleanups != 1 || strings.TrimSpace(w.Body.String()) != `"1 1"` {
		t.Errorf("setups %d, cleanups %d, body %s", setups, cleanups, w.Body)
	}

	r := typed.NewRequest(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	var seen []error
	typed.Cleanup(r, func(err error) { seen = append(seen, err) })
	errDone := errors.New("done")
	typed.Finish(r, errDone)
	typed.Finish(r, nil)
	if len(seen) != 1 || seen[0] != errDone {
		t.Errorf("Finish ran the cleanups with %v", seen)
	}
}
