// Package slashtest checks, over real HTTP, the examples' trailing-slash
// redirects: every example turns on echov4.RedirectSlashes (echov5's in
// scopes-echo5), so that it answers as FastAPI (Starlette's
// redirect_slashes) does. A path that matches no route while the same path
// with its trailing slash added or removed does is answered 307 with an
// empty body and Location set to that path's absolute URL,
// http://<Host><path>[?query as sent], before any dependency runs;
// anything else that matches no route is still 404 {"detail":"Not Found"}.
//
// The tables of package exampletest cannot express this: their client
// follows redirects. This one never does.
package slashtest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/internal/exampletest"
)

// Case is one request that matches no route.
type Case struct {
	Name   string
	Method string // GET when empty
	Path   string // as sent, with its query
	// Host is the Host header to send; empty sends the test server's
	// address (127.0.0.1:port), as curl and browsers do.
	Host   string
	Header map[string][]string
	// Form, when not empty, is sent as an
	// application/x-www-form-urlencoded body (already encoded).
	Form string
	// To is the path and query that Location must name, on
	// http://<Host>; empty means no redirect: 404 {"detail":"Not Found"}.
	To string
}

// Run sends every case to a real HTTP server around h, without following
// redirects. A redirect must be 307 with Location exactly
// "http://" + host + To, an empty body (Content-Length: 0), no
// Content-Type and no WWW-Authenticate (no dependency ran); the same
// request sent to To must then reach a route (neither a 404 nor another
// redirect). A case without To must be Echo's 404, answered as Starlette
// does, with no Location.
func Run(t *testing.T, h http.Handler, cases []Case) {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			res, body := do(t, srv, c, c.Path)
			if c.To == "" {
				if res.StatusCode != http.StatusNotFound || !exampletest.SameJSON(body, []byte(`{"detail":"Not Found"}`)) {
					t.Errorf("%d %s, want 404 {\"detail\":\"Not Found\"}", res.StatusCode, body)
				}
				if loc := res.Header.Values("Location"); len(loc) != 0 {
					t.Errorf("Location %q, want none", loc)
				}
				return
			}
			host := c.Host
			if host == "" {
				host = strings.TrimPrefix(srv.URL, "http://")
			}
			if res.StatusCode != http.StatusTemporaryRedirect {
				t.Errorf("status %d, want 307 (body %s)", res.StatusCode, body)
			}
			if got, want := res.Header.Values("Location"), "http://"+host+c.To; len(got) != 1 || got[0] != want {
				t.Errorf("Location %q, want %q", got, want)
			}
			if len(body) != 0 {
				t.Errorf("body %q, want none", body)
			}
			if got := res.Header.Values("Content-Length"); len(got) != 1 || got[0] != "0" {
				t.Errorf("Content-Length %q, want 0", got)
			}
			for _, k := range []string{"Content-Type", "WWW-Authenticate"} {
				if got := res.Header.Values(k); len(got) != 0 {
					t.Errorf("%s %q, want none", k, got)
				}
			}
			// The redirect leads to a route.
			if res, body := do(t, srv, c, c.To); res.StatusCode == http.StatusNotFound || res.StatusCode == http.StatusTemporaryRedirect {
				t.Errorf("%s %s: %d %s, want an answer of the route", c.Method, c.To, res.StatusCode, body)
			}
		})
	}
}

// do sends c to srv at target and returns the response and its body.
func do(t *testing.T, srv *httptest.Server, c Case, target string) (*http.Response, []byte) {
	t.Helper()
	method := c.Method
	if method == "" {
		method = http.MethodGet
	}
	var form io.Reader
	if c.Form != "" {
		form = strings.NewReader(c.Form)
	}
	req, err := http.NewRequest(method, srv.URL+target, form)
	if err != nil {
		t.Fatal(err)
	}
	if c.Form != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c.Host != "" {
		req.Host = c.Host
	}
	for k, vs := range c.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	res, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// noRedirects reports redirects instead of following them.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
