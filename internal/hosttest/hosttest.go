// Package hosttest is the conformance table that every host adapter
// (typed/echov4, typed/echov5) runs: the same application, built with each
// adapter's own types, must answer the same requests byte for byte, with
// Echo's default error handler, with an application's own error handler,
// under a middleware, and with the shipped FastAPI-shape handler.
//
// The application an adapter test builds, on routes relative to "/":
//
//	GET  /secure          security.HTTPBearer; answers the token
//	POST /items           JSON body struct{ Name string `json:"name" validate:"required"` }
//	POST /upload          the same body type, on an API with MaxBodyBytes 16
//	GET  /boom            returns errors.New("db down")
//	GET  /panic           panics
//	GET  /users/:name     answers the bound path parameter
//	GET  /wrapped         returns fmt.Errorf("auth: %w", 401 HTTPError with WWW-Authenticate: Custom)
//
// and, for Redirects, with RedirectSlashes on:
//
//	GET, POST /slash/     answer "slash"
//	GET /noslash          answers "noslash"
//	GET /v1/things/       on a group "/v1"
package hosttest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// Call is one request and the answer it must get.
type Call struct {
	Name   string
	Method string // GET when empty
	Target string
	Header map[string]string
	Body   string // sent as application/json when not empty

	WantStatus int
	WantBody   string            // byte for byte; "" skips, "-" wants none
	WantHeader map[string]string // "" value: must be absent
}

// Serve runs every call against h through a real HTTP server.
func Serve(t *testing.T, h http.Handler, calls []Call) {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, c := range calls {
		t.Run(c.Name, func(t *testing.T) {
			method := c.Method
			if method == "" {
				method = http.MethodGet
			}
			var body io.Reader
			if c.Body != "" {
				body = strings.NewReader(c.Body)
			}
			req, err := http.NewRequest(method, srv.URL+c.Target, body)
			if err != nil {
				t.Fatal(err)
			}
			if c.Body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			for k, v := range c.Header {
				if k == "Host" {
					req.Host = v
					continue
				}
				req.Header.Set(k, v)
			}
			res, err := noRedirects.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != c.WantStatus {
				t.Errorf("status %d, want %d; body %s", res.StatusCode, c.WantStatus, got)
			}
			if c.WantBody == "-" && len(got) != 0 {
				t.Errorf("body %q, want none", got)
			}
			if c.WantBody != "" && c.WantBody != "-" && string(got) != c.WantBody {
				t.Errorf("body\n got %q\nwant %q", got, c.WantBody)
			}
			for k, v := range c.WantHeader {
				if g := res.Header.Get(k); g != v {
					t.Errorf("header %s = %q, want %q", k, g, v)
				}
			}
		})
	}
}

// noRedirects is a client that reports redirects instead of following
// them (the tests never leave the loopback server).
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

const (
	jsonType    = "application/json"
	problemType = "application/problem+json"
	body401     = `{"detail":"Not authenticated"}` + "\n"
	body422     = `{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":{}}]}` + "\n"
	body413     = `{"detail":"Request body too large"}` + "\n"
	body500     = `{"detail":"Internal Server Error"}` + "\n"
)

// Typed are the answers of typed routes, whatever the error handler: the
// typed errors encode themselves.
var Typed = []Call{
	{Name: "200", Target: "/secure", Header: map[string]string{"Authorization": "Bearer tok"},
		WantStatus: 200, WantBody: `"tok"` + "\n", WantHeader: map[string]string{"Content-Type": jsonType}},
	{Name: "401 with its challenge", Target: "/secure",
		WantStatus: 401, WantBody: body401, WantHeader: map[string]string{"WWW-Authenticate": "Bearer", "Content-Type": jsonType}},
	{Name: "422", Method: http.MethodPost, Target: "/items", Body: `{}`,
		WantStatus: 422, WantBody: body422, WantHeader: map[string]string{"Content-Type": jsonType}},
	{Name: "413", Method: http.MethodPost, Target: "/upload", Body: `{"name":"` + strings.Repeat("x", 64) + `"}`,
		WantStatus: 413, WantBody: body413},
	{Name: "panic is a 500", Target: "/panic", WantStatus: 500, WantBody: body500},
	{Name: "wrapped HTTPError keeps its header", Target: "/wrapped",
		WantStatus: 401, WantBody: `{"detail":"custom"}` + "\n", WantHeader: map[string]string{"WWW-Authenticate": "Custom"}},
}

// PathDecoding: a path parameter is percent-decoded exactly once, as
// Starlette's are, whether the router matched on the decoded path or (when
// the request has an escaped slash) on the raw one (security review F3);
// and, as in Starlette, a parameter is one segment of the decoded path.
var PathDecoding = []Call{
	{Name: "path parameter decoded once", Target: "/users/%2561dmin", WantStatus: 200, WantBody: `"%61dmin"` + "\n"},
	{Name: "path traversal stays encoded", Target: "/users/..%252F..%252Fetc", WantStatus: 200, WantBody: `"..%2F..%2Fetc"` + "\n"},
	{Name: "plain escape decoded", Target: "/users/j%C3%A9", WantStatus: 200, WantBody: `"jé"` + "\n"},
	{Name: "encoded slash: two segments, no match (Starlette's [^/]+)", Target: "/users/a%2Fb", WantStatus: 404},
	{Name: "encoded slash and a double escape", Target: "/users/a%2F%2561", WantStatus: 404},
	{Name: "a parameter never takes two segments", Target: "/users/a/b", WantStatus: 404},
}

// Redirects are Starlette's redirect_slashes answers: 307, no body, an
// absolute Location with the query as sent, before any handler runs.
var Redirects = []Call{
	{Name: "slash added", Target: "/slash", Header: map[string]string{"Host": "api.test"}, WantStatus: 307, WantBody: "-",
		WantHeader: map[string]string{"Location": "http://api.test/slash/"}},
	{Name: "query kept as sent", Target: "/slash?q=a%20b&x=1", Header: map[string]string{"Host": "api.test"}, WantStatus: 307,
		WantHeader: map[string]string{"Location": "http://api.test/slash/?q=a%20b&x=1"}},
	{Name: "POST redirected with 307", Method: http.MethodPost, Target: "/slash", Header: map[string]string{"Host": "api.test"},
		WantStatus: 307, WantHeader: map[string]string{"Location": "http://api.test/slash/"}},
	{Name: "another method: redirected, then 405", Method: http.MethodDelete, Target: "/slash", Header: map[string]string{"Host": "api.test"},
		WantStatus: 307, WantHeader: map[string]string{"Location": "http://api.test/slash/"}},
	{Name: "slash removed", Target: "/noslash/", Header: map[string]string{"Host": "api.test"}, WantStatus: 307,
		WantHeader: map[string]string{"Location": "http://api.test/noslash"}},
	{Name: "every trailing slash removed", Target: "/noslash//", Header: map[string]string{"Host": "api.test"}, WantStatus: 307,
		WantHeader: map[string]string{"Location": "http://api.test/noslash"}},
	{Name: "group prefix", Target: "/v1/things", Header: map[string]string{"Host": "api.test"}, WantStatus: 307,
		WantHeader: map[string]string{"Location": "http://api.test/v1/things/"}},
	{Name: "path parameters", Target: "/users/ann/", Header: map[string]string{"Host": "api.test"}, WantStatus: 307,
		WantHeader: map[string]string{"Location": "http://api.test/users/ann"}},
	{Name: "escaped path re-quoted", Target: "/users/a%20b/", Header: map[string]string{"Host": "api.test"}, WantStatus: 307,
		WantHeader: map[string]string{"Location": "http://api.test/users/a%20b"}},
	{Name: "the route itself", Target: "/slash/", WantStatus: 200, WantBody: `"slash"` + "\n"},
	{Name: "no twin: 404", Target: "/nowhere", WantStatus: 404, WantHeader: map[string]string{"Location": ""}},
	{Name: "no twin with a slash: 404", Target: "/nowhere/", WantStatus: 404, WantHeader: map[string]string{"Location": ""}},
	{Name: "root never redirected", Target: "/", WantStatus: 404, WantHeader: map[string]string{"Location": ""}},
	{Name: "a typed 404 of a real route is not redirected", Target: "/missing-item", WantStatus: 404,
		WantBody: `{"detail":"Item not found"}` + "\n", WantHeader: map[string]string{"Location": ""}},
}

// EchoDefault are the answers of Echo's own errors and of a plain error
// under Echo's default error handler (its {"message": …} shape).
var EchoDefault = []Call{
	{Name: "plain error", Target: "/boom", WantStatus: 500, WantBody: `{"message":"Internal Server Error"}` + "\n"},
	{Name: "404", Target: "/nowhere", WantStatus: 404, WantBody: `{"message":"Not Found"}` + "\n"},
}

// FastAPI are the answers of the shipped FastAPI-shape error handler to
// Echo's own errors and a plain error.
var FastAPI = []Call{
	{Name: "plain error", Target: "/boom", WantStatus: 500, WantBody: body500, WantHeader: map[string]string{"Content-Type": jsonType}},
	{Name: "404", Target: "/nowhere", WantStatus: 404, WantBody: `{"detail":"Not Found"}` + "\n"},
	{Name: "405 with Allow", Method: http.MethodDelete, Target: "/secure", WantStatus: 405,
		WantBody: `{"detail":"Method Not Allowed"}` + "\n", WantHeader: map[string]string{"Allow": "OPTIONS, GET"}},
	{Name: "404 HEAD", Method: http.MethodHead, Target: "/nowhere", WantStatus: 404},
}

// Problem are the answers of the shipped handler with ProblemDetails, on
// an API with ProblemDetails.
var Problem = []Call{
	{Name: "401", Target: "/secure", WantStatus: 401,
		WantBody:   `{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Not authenticated"}` + "\n",
		WantHeader: map[string]string{"WWW-Authenticate": "Bearer", "Content-Type": problemType}},
	{Name: "422", Method: http.MethodPost, Target: "/items", Body: `{}`, WantStatus: 422,
		WantBody:   `{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"The request is not valid; see errors.","errors":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":{}}]}` + "\n",
		WantHeader: map[string]string{"Content-Type": problemType}},
	{Name: "404", Target: "/nowhere", WantStatus: 404,
		WantBody:   `{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}` + "\n",
		WantHeader: map[string]string{"Content-Type": problemType}},
	{Name: "plain error", Target: "/boom", WantStatus: 500,
		WantBody:   `{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}` + "\n",
		WantHeader: map[string]string{"Content-Type": problemType}},
}

// Seen is what an application's own error handler or a middleware
// observed of one typed error.
type Seen struct {
	Status    int    // the typed error's status (errors.As)
	Challenge string // WWW-Authenticate on the response when the error arrived
}

// WantSeen is what the error handler and the middleware must observe for
// the typed calls 401, 422 and 413, by target.
var WantSeen = map[string]Seen{
	"/secure": {Status: 401, Challenge: "Bearer"},
	"/items":  {Status: 422},
	"/upload": {Status: 413},
}

// CheckSeen compares what was observed, by request target, with WantSeen.
func CheckSeen(t *testing.T, who string, seen map[string]Seen) {
	t.Helper()
	for target, want := range WantSeen {
		if got, ok := seen[target]; !ok || got != want {
			t.Errorf("%s saw %s as %+v (observed: %v), want %+v", who, target, got, ok, want)
		}
	}
}

// Overridden are the answers of the override application: routes /any,
// /all, /all2, /optional, /require, /security and /depends, each reaching
// one overridable HTTPBearer inside a combinator (AnyOf, AllOf, AllOf2,
// Optional, RequireScopes under Security, Security, a Depends chain) and
// answering the credentials it got. With the bearer overridden by a fixed
// value, every route answers that value without any Authorization header.
var Overridden = func() []Call {
	var calls []Call
	for _, p := range []string{"/any", "/all", "/all2", "/optional", "/require", "/security", "/depends"} {
		calls = append(calls, Call{Name: "override reached in " + p, Target: p, WantStatus: 200, WantBody: `"overridden"` + "\n"})
	}
	return calls
}()

// NotOverridden: the same routes without the override need a credential.
var NotOverridden = func() []Call {
	var calls []Call
	for _, p := range []string{"/any", "/all", "/all2", "/require", "/security", "/depends"} {
		calls = append(calls, Call{Name: "no override on " + p, Target: p, WantStatus: 401})
	}
	return append(calls, Call{Name: "no override on /optional", Target: "/optional", WantStatus: 200, WantBody: `"none"` + "\n"})
}()

// PathSeeds are the seeds of each adapter's FuzzPathParam.
var PathSeeds = []string{"plain", "%2561dmin", "..%252F..%252Fetc", "j%C3%A9", "a%2Fb", "a%2F%2561", "%FF", "a+b", "%20", "~!$&'()*,;=:@"}

// CheckPathParam requests /users/<seg> from h, which serves hosttest's
// application, and checks that the bound parameter is seg percent-decoded
// exactly once (Starlette's path parameter), whatever path the router
// matched on. Segments that are not one valid path segment are skipped.
func CheckPathParam(t *testing.T, h http.Handler, seg string) {
	u, err := url.Parse("/users/" + seg)
	if err != nil || seg == "" || strings.ContainsAny(seg, "/?#\\") || u.RawQuery != "" || u.Fragment != "" || u.Path == "" {
		return
	}
	for i := 0; i < len(seg); i++ {
		if seg[i] <= ' ' || seg[i] >= 0x7f {
			return // not in a request target: clients escape it
		}
	}
	want, err := url.PathUnescape(seg)
	if err != nil {
		return
	}
	if want == "." || want == ".." || strings.HasPrefix(want, "./") || strings.HasPrefix(want, "../") ||
		strings.HasSuffix(want, "/.") || strings.HasSuffix(want, "/..") || strings.Contains(want, "/./") ||
		strings.Contains(want, "/../") || strings.Contains(want, "//") || strings.HasSuffix(want, "/") {
		return // a dot or empty segment: routers may clean or refuse it
	}
	req := httptest.NewRequest(http.MethodGet, "/users/"+seg, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if strings.Contains(want, "/") {
		if rec.Code != http.StatusNotFound {
			t.Fatalf("/users/%s (two segments once decoded): status %d, want 404", seg, rec.Code)
		}
		return
	}
	if rec.Code != http.StatusOK {
		t.Fatalf("/users/%s: status %d: %s", seg, rec.Code, rec.Body)
	}
	var got string
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("/users/%s: body %q", seg, rec.Body)
	}
	wantJSON, _ := json.Marshal(want) // invalid UTF-8 is sent as U+FFFD
	var wantText string
	_ = json.Unmarshal(wantJSON, &wantText)
	if got != wantText {
		t.Fatalf("/users/%s bound %q, want %q (decoded once)", seg, got, wantText)
	}
}
