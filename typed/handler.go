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
	// What Status, Responses and BodyLimit set, under the operation's own.
	status    int
	responses Responses
	maxBody   int64
}

// Handle returns a Handler that resolves dep, then binds and validates Req
// from the request (see [Bind]), then calls fn with the host's context and
// both. A failure of either returns its error (401, 422, …) and fn never
// runs. fn's result is sent as JSON with the operation's success status.
// Resp is FastAPI's response_model: only its fields are sent and
// documented, so a handler that receives a UserIn and returns a UserOut
// built from it never sends the password UserOut does not have. It is
// encoded as encoding/json does, except that a nil slice or map is sent
// as [] or {} (only a pointer is null) and a NaN or infinite float as
// null, as FastAPI sends them and OpenAPI documents them.
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
		newReq := newRequest
		if rt.chain {
			newReq = newChainRequest
		}
		r := newReq(c, w, rt.host.Request(c), rt, rt.scopes, rt.cfg)
		// Deferred first, so run last: the cleanups see the error as the
		// host will get it, a recovered panic's 500 included.
		defer finish(r, &err)
		defer rt.recoverPanic(r, c, &err)
		if !rt.matches(c) {
			return rt.fail(r, errNotFound())
		}
		// As FastAPI: guards, then the dependency, then the request's own
		// parameters; validation errors gather into one 422, any other
		// error answers at once.
		var invalid errorSet
		for _, g := range rt.guards {
			if err := invalid.add(g.check(r)); err != nil {
				return rt.fail(r, err)
			}
		}
		d, err := Resolve(r, dep)
		if err := invalid.add(err); err != nil {
			return rt.fail(r, err)
		}
		var req Req
		if !b.empty {
			if err := invalid.add(b.bind(r, reflect.ValueOf(&req).Elem())); err != nil {
				return rt.fail(r, err)
			}
		}
		if err := invalid.err(); err != nil {
			return rt.fail(r, err)
		}
		resp, err := fn(c, req, d)
		if err != nil {
			if rt.host.Committed(c) {
				return err // an upgraded connection: too late to answer
			}
			return rt.fail(r, err)
		}
		if raw || rt.host.Committed(c) {
			return nil // Upgrade, or fn answered itself
		}
		return rt.respond(r, resp)
	}
	return h
}

// Status returns a copy of h whose routes answer status on success
// (FastAPI's status_code=…), for registrations that set none, such as the
// method shortcuts: api.POST("/items/", typed.Plain(createItem).Status(201)).
// 204 and 304 are answered without a body. A result that is a
// [StatusCoder] still picks its own status per request.
func (h *Handler[C]) Status(code int) *Handler[C] {
	v := *h
	v.status = code
	return &v
}

// Responses returns a copy of h whose routes also document rs (FastAPI's
// responses={…} on a path operation), over the API's and under the
// operation's own (see [Responses]).
func (h *Handler[C]) Responses(rs Responses) *Handler[C] {
	v := *h
	v.responses = v.responses.merge(rs)
	return &v
}

// BodyLimit returns a copy of h whose routes accept request bodies of at
// most n bytes (negative: no limit) instead of the API's
// [Options].MaxBodyBytes, unless the operation sets its own MaxBodyBytes.
// A larger body, or an uploaded file that makes it larger, is answered
// 413.
func (h *Handler[C]) BodyLimit(n int64) *Handler[C] {
	v := *h
	v.maxBody = n
	return &v
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
// security, the success status and responses (the API's apiResponses,
// h's, then op's), and FastAPI's default summary.
func (h *Handler[C]) operation(op Operation, guards []Guard, apiResponses Responses) *Operation {
	rec := op
	rec.Tags = append([]string(nil), op.Tags...)
	rec.Request, rec.Response = h.req, h.resp
	rec.Security = nil
	rec.Params = nil
	rec.Body = nil
	rec.Hidden = op.Hidden || h.raw
	rec.Dependencies = guards
	if rec.Status == 0 {
		rec.Status = h.status
	}
	if rec.MaxBodyBytes == 0 {
		rec.MaxBodyBytes = h.maxBody
	}
	rec.Responses = apiResponses.merge(h.responses).merge(op.Responses)
	success, status := successOf(h.resp, Response{})
	if rec.Status == 0 {
		rec.Status = status
	}
	if rec.Status == 0 {
		rec.Status = http.StatusOK
	}
	if declared, ok := rec.Responses[rec.Status]; ok {
		success, _ = successOf(h.resp, declared)
	}
	if h.raw {
		success = Response{}
	}
	rec.Success = success
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
	if strings.HasPrefix(name, "func") || strings.Trim(name, "0123456789") == "" {
		return "" // a closure: func1, or 1 for one nested in another
	}
	return snakeCase(name)
}

// noBody reports whether status forbids a response body.
func noBody(status int) bool {
	return status < 200 || status == http.StatusNoContent || status == http.StatusNotModified
}
