package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestItems(t *testing.T) {
	srv := httptest.NewServer(newApp())
	defer srv.Close()
	tests := []struct {
		name      string
		headers   map[string]string
		status    int
		challenge string
		body      string
	}{
		{"key", map[string]string{"x-key": "secret"}, 200, "", `{"key":"secret"}`},
		{"case-insensitive name", map[string]string{"X-KEY": "secret"}, 200, "", `{"key":"secret"}`},
		{"spaces kept", map[string]string{"x-key": " a b "}, 200, "", `{"key":"a b"}`},
		{"missing", nil, 401, "APIKey", `{"detail":"Not authenticated"}`},
		{"empty", map[string]string{"x-key": ""}, 401, "APIKey", `{"detail":"Not authenticated"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/items/", nil)
			for k, v := range tt.headers {
				req.Header[k] = []string{v}
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status || res.Header.Get("WWW-Authenticate") != tt.challenge || strings.TrimSpace(string(body)) != tt.body {
				t.Errorf("got %d %q %s, want %d %q %s", res.StatusCode, res.Header.Get("WWW-Authenticate"), body, tt.status, tt.challenge, tt.body)
			}
		})
	}
}

func TestDocs(t *testing.T) {
	srv := httptest.NewServer(newApp())
	defer srv.Close()
	for _, path := range []string{"/openapi.json", "/docs", "/redoc"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
	}
}
