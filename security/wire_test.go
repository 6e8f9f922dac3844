package security_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// TestOnTheWire sends raw requests to a real net/http server, to check the
// parts of the contract the server takes part in: obs-text header bytes
// read as Latin-1, duplicate headers, and whitespace around values.
func TestOnTheWire(t *testing.T) {
	t.Parallel()
	e := echo.New()
	api := echov4.New(e)
	api.GET("/key", typed.Handle[struct{}, string](&security.APIKeyHeader{Name: "x-key"},
		func(c echo.Context, _ struct{}, v string) (string, error) { return v, nil }))
	api.GET("/bearer", typed.Handle[struct{}, security.HTTPAuthorizationCredentials](&security.HTTPBearer{},
		func(c echo.Context, _ struct{}, v security.HTTPAuthorizationCredentials) (security.HTTPAuthorizationCredentials, error) {
			return v, nil
		}))
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)

	tests := []struct {
		name       string
		whenPath   string
		whenLines  []string // header lines, sent as raw bytes
		wantStatus int
		wantBody   string
	}{
		{name: "utf-8 read as latin-1", whenPath: "/key", whenLines: []string{"x-key: \xc3\xb6"}, wantStatus: 200, wantBody: `"Ã¶"`},
		{name: "latin-1 byte", whenPath: "/key", whenLines: []string{"X-KEY: caf\xe9"}, wantStatus: 200, wantBody: `"café"`},
		{name: "spaces and tabs around", whenPath: "/key", whenLines: []string{"x-key: \t k \t "}, wantStatus: 200, wantBody: `"k"`},
		{name: "first of duplicates", whenPath: "/key", whenLines: []string{"x-key: one", "X-Key: two"}, wantStatus: 200, wantBody: `"one"`},
		{name: "empty first of duplicates", whenPath: "/key", whenLines: []string{"x-key:", "x-key: two"}, wantStatus: 401, wantBody: notAuthenticatedBody},
		{name: "bearer tab", whenPath: "/bearer", whenLines: []string{"Authorization: Bearer\ttok"}, wantStatus: 401, wantBody: notAuthenticatedBody},
		{name: "bearer space tab", whenPath: "/bearer", whenLines: []string{"Authorization: Bearer \ttok"}, wantStatus: 200, wantBody: `{"scheme":"Bearer","credentials":"tok"}`},
		{name: "bearer latin-1", whenPath: "/bearer", whenLines: []string{"Authorization: Bearer \xf6"}, wantStatus: 200, wantBody: `{"scheme":"Bearer","credentials":"ö"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			raw := "GET " + tt.whenPath + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + strings.Join(tt.whenLines, "\r\n") + "\r\n\r\n"
			if _, err := io.WriteString(conn, raw); err != nil {
				t.Fatal(err)
			}
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %s", res.StatusCode, tt.wantStatus, body)
			}
			wantJSON(t, string(body), tt.wantBody)
		})
	}
}
