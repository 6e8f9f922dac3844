package security_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

const notAuthenticatedBody = `{"detail":"Not authenticated"}`

// serve sends a GET for target with headers (added in order, so repeated
// names give repeated headers) and returns the recorded answer.
func serve(e *echo.Echo, target string, headers [][2]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for _, h := range headers {
		req.Header.Add(h[0], h[1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

// newServer registers dep at /req, returning its value as JSON, and
// Optional(dep) at /opt, returning the pointer (null when nil).
func newServer[T any](dep typed.Dep[T]) (*echo.Echo, *echov4.API) {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/req", typed.Handle[struct{}, T](dep, func(c echo.Context, _ struct{}, v T) (T, error) { return v, nil }))
	api.GET("/opt", typed.Handle[struct{}, *T](security.Optional(dep), func(c echo.Context, _ struct{}, v *T) (*T, error) { return v, nil }))
	return e, api
}

// row is one request to a scheme and what it must answer.
type row struct {
	name       string
	whenQuery  string      // appended to the path, e.g. "?api_key=a"
	whenHeader [][2]string // request headers, in order
	// want is the JSON of the resolved credential; "" means the scheme's
	// 401 {"detail":"Not authenticated"} with its challenge.
	want string
	// wantMalformed means the 401 holds under Optional too; otherwise
	// Optional resolves a failing request to nil.
	wantMalformed bool
}

// checkRows runs rows against dep, required (/req) and Optional (/opt).
func checkRows[T any](t *testing.T, dep typed.Dep[T], challenge string, rows []row) {
	t.Helper()
	e, _ := newServer(dep)
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := serve(e, "/req"+tt.whenQuery, tt.whenHeader)
			if tt.want == "" {
				want401(t, rec, notAuthenticatedBody, challenge)
			} else {
				want200(t, rec, tt.want)
			}
			rec = serve(e, "/opt"+tt.whenQuery, tt.whenHeader)
			switch {
			case tt.want != "":
				want200(t, rec, tt.want)
			case tt.wantMalformed:
				want401(t, rec, notAuthenticatedBody, challenge)
			default:
				want200(t, rec, "null")
			}
		})
	}
}

func want200(t *testing.T, rec *httptest.ResponseRecorder, body string) {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200; body %s", rec.Code, rec.Body)
	}
	wantJSON(t, rec.Body.String(), body)
}

func want401(t *testing.T, rec *httptest.ResponseRecorder, body string, challenges ...string) {
	t.Helper()
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401; body %s", rec.Code, rec.Body)
	}
	wantJSON(t, rec.Body.String(), body)
	if got := rec.Header().Values("WWW-Authenticate"); strings.Join(got, "|") != strings.Join(challenges, "|") {
		t.Errorf("WWW-Authenticate = %q, want %q", got, challenges)
	}
}

// wantJSON compares two JSON texts after compacting them.
func wantJSON(t *testing.T, got, want string) {
	t.Helper()
	if compact(t, got) != compact(t, want) {
		t.Errorf("body = %s, want %s", strings.TrimSpace(got), want)
	}
}

func compact(t *testing.T, s string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %q: %v", s, err)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func auth(v string) [][2]string { return [][2]string{{"Authorization", v}} }

// operation registers dep on a fresh API and returns the recorded operation.
func operation[T any](dep typed.Dep[T]) *typed.Operation {
	api := echov4.New(echo.New())
	api.GET("/x", typed.Handle[struct{}, T](dep, func(echo.Context, struct{}, T) (T, error) { var z T; return z, nil }))
	return api.Operations()[0]
}

// requirements renders an operation's security like OpenAPI: one map per
// alternative, "name:scope,scope" entries joined by "+".
func requirements(op *typed.Operation) []string {
	var out []string
	for _, req := range op.Security {
		var parts []string
		for _, ss := range req {
			parts = append(parts, ss.Scheme.SecuritySchemeName()+":"+strings.Join(ss.Scopes, ","))
		}
		out = append(out, strings.Join(parts, "+"))
	}
	return out
}

func httpRequest(headers [][2]string) *http.Request {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	for _, h := range headers {
		req.Header.Add(h[0], h[1])
	}
	return req
}
