package typed

import (
	"net/http"
	"reflect"
	"runtime"
	"strings"
)

// Handler is a typed handler with its documentation, ready to register with
// an adapter's Register or one of its method shortcuts. C is the host
// framework's context type (echo.Context on Echo v4, *echo.Context on v5),
// so a handler can only be registered on the adapter of its own host. Make
// one with [Handle], [Plain] or [Upgrade]; it may be registered more than
// once.
type Handler[C any] struct {
	name     string // FastAPI-style route name, e.g. "read_items"
	req      reflect.Type
	resp     reflect.Type
	describe func(*Doc)
	serve    func(rt *route[C], c C) error
	raw      bool // fn writes its own response (Upgrade)
}

// Handle returns a Handler that resolves dep, then binds and validates Req
// from the request (see [Bind]), then calls fn with the host's context and
// both. A failure of either returns its error (401, 422, …) and fn never
// runs. fn's result is sent as JSON with the operation's success status.
//
// Every error, whether from dep, binding or fn, goes back to the host
// framework, whose error handler answers it, as Echo's own middleware
// does: an [*HTTPError] first has its headers (WWW-Authenticate, say) set on
// the response; it and a [*RequestValidationError] encode as FastAPI's
// {"detail": …} bodies (or RFC 9457 problems, see [Options]). A panic in
// dep or fn is logged and returned as a 500 HTTPError.
//
// D and C are inferred: typed.Handle[Q, R](oauth2, fn). All reflection on
// Req happens here, once.
func Handle[Req, Resp, D, C any](dep Dep[D], fn func(c C, req Req, dep D) (Resp, error)) *Handler[C] {
	if dep == nil || fn == nil {
		panic("typed: Handle requires a dependency and a function")
	}
	return newHandler(dep, fn, false)
}

// newHandler is Handle; raw handlers (Upgrade) write their own response.
func newHandler[Req, Resp, D, C any](dep Dep[D], fn func(c C, req Req, dep D) (Resp, error), raw bool) *Handler[C] {
	b := newBinder(reflect.TypeFor[Req]())
	h := &Handler[C]{
		name: funcName(fn),
		req:  reflect.TypeFor[Req](),
		resp: reflect.TypeFor[Resp](),
		raw:  raw,
		describe: func(d *Doc) {
			dep.Describe(d)
			b.describe(d)
		},
	}
	h.serve = func(rt *route[C], c C) (err error) {
		w := rt.host.Response(c)
		r := newRequest(c, w, rt.host.Request(c), rt, rt.cfg)
		defer recoverPanic(r, rt.path, func() bool { return rt.host.Committed(c) }, &err)
		if !rt.matches(c) {
			return rt.cfg.fail(w, errNotFound())
		}
		// As FastAPI: guards, then the dependency, then the request's own
		// parameters; validation errors gather into one 422, any other
		// error answers at once.
		var invalid errorSet
		for _, g := range rt.guards {
			if err := invalid.add(g.check(r)); err != nil {
				return rt.cfg.fail(w, err)
			}
		}
		d, err := Resolve(r, dep)
		if err := invalid.add(err); err != nil {
			return rt.cfg.fail(w, err)
		}
		var req Req
		if !b.empty {
			if err := invalid.add(b.bind(r, reflect.ValueOf(&req).Elem())); err != nil {
				return rt.cfg.fail(w, err)
			}
		}
		if err := invalid.err(); err != nil {
			return rt.cfg.fail(w, err)
		}
		resp, err := fn(c, req, d)
		if err != nil {
			if rt.host.Committed(c) {
				return err // an upgraded connection: too late to answer
			}
			return rt.cfg.fail(w, err)
		}
		if raw || rt.host.Committed(c) {
			return nil // Upgrade, or fn answered itself
		}
		if rt.noContent {
			w.WriteHeader(rt.status)
			return nil
		}
		return writeJSON(w, rt.status, resp)
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
func Upgrade[Req, D, C any](dep Dep[D], fn func(c C, req Req, dep D) error) *Handler[C] {
	if fn == nil {
		panic("typed: Upgrade requires a function")
	}
	if dep == nil {
		panic("typed: Upgrade requires a dependency (typed.None for none)")
	}
	h := newHandler(dep, func(c C, req Req, d D) (struct{}, error) {
		return struct{}{}, fn(c, req, d)
	}, true)
	h.name = funcName(fn)
	return h
}

// Plain returns a Handler with no dependency: Handle with [None].
func Plain[Req, Resp, C any](fn func(c C, req Req) (Resp, error)) *Handler[C] {
	if fn == nil {
		panic("typed: Plain requires a function")
	}
	h := Handle(None, func(c C, req Req, _ struct{}) (Resp, error) { return fn(c, req) })
	h.name = funcName(fn)
	return h
}

// operation completes op with what h knows: types, parameters, body,
// security, and FastAPI's default summary.
func (h *Handler[C]) operation(op Operation, guards []Guard) *Operation {
	rec := op
	rec.Tags = append([]string(nil), op.Tags...)
	rec.Request, rec.Response = h.req, h.resp
	rec.Security = nil
	rec.Params = nil
	rec.Body = nil
	rec.Hidden = op.Hidden || h.raw
	rec.Dependencies = guards
	doc := newDoc(&rec)
	doc.host = reflect.TypeFor[C]()
	for _, g := range guards {
		g.Describe(doc)
	}
	h.describe(doc)
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

// noBody reports whether status forbids a response body.
func noBody(status int) bool {
	return status == http.StatusNoContent || status == http.StatusNotModified
}
