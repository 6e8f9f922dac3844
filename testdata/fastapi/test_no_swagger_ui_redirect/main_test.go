package main

import (
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// get fetches path from srv (following redirects, as FastAPI's test client).
func get(t *testing.T, srv *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, string(body)
}

// isHTMLUTF8 reports whether a Content-Type is text/html; charset=utf-8,
// parameters compared as RFC 9110 says (the charset value case-insensitively).
func isHTMLUTF8(ct string) bool {
	mt, params, err := mime.ParseMediaType(ct)
	return err == nil && mt == "text/html" && strings.EqualFold(params["charset"], "utf-8")
}

func TestSwaggerUI(t *testing.T) {
	srv := httptest.NewServer(newApp())
	defer srv.Close()

	t.Run("test_swagger_ui", func(t *testing.T) {
		status, h, body := get(t, srv, "/docs")
		if status != http.StatusOK {
			t.Fatalf("status %d, want 200", status)
		}
		// differs from FastAPI: Content-Type is "text/html; charset=UTF-8",
		// FastAPI's (Starlette's) "text/html; charset=utf-8", reported; the
		// same media type and charset:
		if ct := h.Get("Content-Type"); !isHTMLUTF8(ct) {
			t.Errorf("Content-Type %q, want text/html; charset=utf-8", ct)
		}
		// Deliberate: "swagger-ui-dist" (FastAPI's CDN) is not in the page,
		// whose assets are served below /docs, offline.
		if !strings.Contains(body, `<script src="/docs/swagger-ui-bundle.js">`) {
			t.Errorf("the page does not load /docs/swagger-ui-bundle.js:\n%s", body)
		}
		if strings.Contains(body, "oauth2RedirectUrl") {
			t.Errorf("oauth2RedirectUrl in the page:\n%s", body)
		}
	})

	t.Run("test_swagger_ui_no_oauth2_redirect", func(t *testing.T) {
		if status, _, _ := get(t, srv, "/docs/oauth2-redirect"); status != http.StatusNotFound {
			t.Errorf("status %d, want 404", status)
		}
	})
}

func TestResponse(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_response", Path: "/items/", Status: 200, JSON: `{"id":"foo"}`},
		NotFound,
	})
}
