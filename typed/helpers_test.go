package typed_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// call is one request and the answer it must get.
type call struct {
	name        string
	method      string // GET when empty
	target      string
	header      map[string]string
	contentType string
	body        string

	wantStatus int
	wantBody   string            // compared as JSON; "" skips
	wantHeader map[string]string // "" value: must be absent
}

// serve runs every call against h through a real HTTP server.
func serve(t *testing.T, h http.Handler, calls []call) {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			method := c.method
			if method == "" {
				method = http.MethodGet
			}
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			}
			req, err := http.NewRequest(method, srv.URL+c.target, body)
			if err != nil {
				t.Fatal(err)
			}
			if c.contentType != "" {
				req.Header.Set("Content-Type", c.contentType)
			}
			for k, v := range c.header {
				req.Header[k] = []string{v}
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != c.wantStatus {
				t.Errorf("status %d, want %d; body %s", res.StatusCode, c.wantStatus, got)
			}
			if c.wantBody != "" && !sameJSON(got, c.wantBody) {
				t.Errorf("body\n got %s\nwant %s", got, c.wantBody)
			}
			for k, v := range c.wantHeader {
				if g := res.Header.Get(k); g != v {
					t.Errorf("header %s = %q, want %q", k, g, v)
				}
			}
		})
	}
}

func sameJSON(got []byte, want string) bool {
	var a, b any
	if json.Unmarshal(got, &a) != nil || json.Unmarshal([]byte(want), &b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
