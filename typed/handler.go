package typed

import (
	"net/http"
	"reflect"
	"runtime"
	"strings"

	"github.com/labstack/echo/v4"
)

// Handler is a typed handler with its documentation, ready to register with
// [API.Register] or one of the method shortcuts. Make one with [Handle] or
// [Plain]; it may be registered more than once.
type Handler struct {
	name     string // FastAPI-style route name, e.g. "read_items"
	req      reflect.Type
	resp     reflect.Type
	describe func(*Doc)
	build    func(cfg *config, status int) echo.HandlerFunc
	raw      bool // fn writes its own response (Upgrade)
}

// Handle returns a Handler that resolves dep, then binds and validates Req
// from the request (see [Bind]), then calls fn with both. A failure of
// either answers the request (401, 422, or the error's own status) and fn
// never runs. fn's result is sent as JSON with the operation's status. An
// [*HTTPError] or [*RequestValidationError] (from dep, binding or fn) is
// written directly with its status, headers and body; any other error goes
// to Echo's HTTPErrorHandler (as do all errors with [Options].EchoErrors).
// A panic in dep or fn is logged and answered 500
// {"detail":"Internal Server Error"}.
//
// D is usually inferred from dep: typed.Handle[Q, R](oauth2, fn). All
// reflection on Req happens here, once.
func Handle[Req, Resp, D any](dep Dep[D], fn func(c echo.Context, req Req, dep D) (Resp, error)) *Handler {
	if dep == nil || fn == nil {
		panic("typed: Handle requires a dependency and a function")
	}
	return newHandler(dep, fn, false)
}

// newHandler is Handle; raw handlers (Upgrade) write their own response.
func newHandler[Req, Resp, D any](dep Dep[D], fn func(c echo.Context, req Req, dep D) (Resp, error), raw bool) *Handler {
	b := newBinder(reflect.TypeFor[Req]())
	h := &Handler{
		name: funcName(fn),
		req:  reflect.TypeFor[Req](),
		resp: reflect.TypeFor[Resp](),
		raw:  raw,
		describe: func(d *Doc) {
			dep.Describe(d)
			b.describe(d)
		},
	}
	h.build = func(cfg *config, status int) echo.HandlerFunc {
		noContent := status == http.StatusNoContent || status == http.StatusNotModified
		return func(c echo.Context) (err error) {
			r := newRequest(c, cfg)
			defer r.release()
			defer recoverPanic(c, cfg, &err)
			d, err := Resolve(r, dep)
			if err != nil {
				return cfg.fail(c, err)
			}
			var req Req
			if !b.empty {
				if err := b.bind(r, reflect.ValueOf(&req).Elem()); err != nil {
					return cfg.fail(c, err)
				}
			}
			resp, err := fn(c, req, d)
			if err != nil {
				if c.Response().Committed {
					return err // an upgraded connection: too late to answer
				}
				return cfg.fail(c, err)
			}
			if raw || c.Response().Committed {
				return nil // Upgrade, or fn answered itself
			}
			if noContent {
				return c.NoContent(status)
			}
			return writeJSON(c, status, resp)
		}
	}
	return h
}

// Upgrade returns a Handler for a route that writes its own response, such
// as a WebSocket endpoint (FastAPI's @app.websocket): dep is resolved and
// Req bound and validated exactly as in [Handle], and only when both
// succeed does fn run, with the connection still untouched, so it can
// upgrade it with any WebSocket library. A failure is an ordinary HTTP
// answer (401, 422, …) before any upgrade. The operation is recorded as
// Hidden: OpenAPI cannot describe it.
func Upgrade[Req, D any](dep Dep[D], fn func(c echo.Context, req Req, dep D) error) *Handler {
	if fn == nil {
		panic("typed: Upgrade requires a function")
	}
	if dep == nil {
		panic("typed: Upgrade requires a dependency (typed.None for none)")
	}
	h := newHandler(dep, func(c echo.Context, req Req, d D) (struct{}, error) {
		return struct{}{}, fn(c, req, d)
	}, true)
	h.name = funcName(fn)
	return h
}

// Plain returns a Handler with no dependency: Handle with [None].
func Plain[Req, Resp any](fn func(c echo.Context, req Req) (Resp, error)) *Handler {
	if fn == nil {
		panic("typed: Plain requires a function")
	}
	h := Handle(None, func(c echo.Context, req Req, _ struct{}) (Resp, error) { return fn(c, req) })
	h.name = funcName(fn)
	return h
}

// operation completes op with what h knows: types, parameters, body,
// security, and FastAPI's default summary.
func (h *Handler) operation(op Operation) *Operation {
	rec := op
	rec.Tags = append([]string(nil), op.Tags...)
	rec.Request, rec.Response = h.req, h.resp
	rec.Security = nil
	rec.Params = nil
	rec.Body = nil
	rec.Hidden = op.Hidden || h.raw
	h.describe(newDoc(&rec))
	if rec.Summary == "" && h.name != "" {
		rec.Summary = titleWords(h.name)
	}
	return &rec
}

// funcName returns fn's name in snake case ("readItems" → "read_items"),
// or "" for a closure.
func funcName(fn any) string {
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return ""
	}
	name := f.Name()
	name = name[strings.LastIndexByte(name, '.')+1:]
	name = strings.TrimSuffix(name, "-fm")
	if strings.HasPrefix(name, "func") || name == "" {
		return ""
	}
	return snakeCase(name)
}
