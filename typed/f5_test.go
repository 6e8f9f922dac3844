package typed_test

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Security review F5: with no body limit (MaxBodyBytes < 0), a request that
// declares a 1 TiB Content-Length but sends 12 bytes must not make the
// server size a buffer from the declared length (that killed the process
// with "out of memory"): the truncated body is a 400, and the server keeps
// serving.
func TestSecurityF5HugeDeclaredContentLength(t *testing.T) {
	e := echo.New()
	echov4.NewWithOptions(e, &typed.Options{MaxBodyBytes: -1}).POST("/items", typed.Plain(
		func(_ echo.Context, in struct {
			Name string `json:"name"`
		}) (string, error) {
			return in.Name, nil
		}))
	srv := httptest.NewServer(e)
	defer srv.Close()
	for _, declared := range []string{"1099511627776", "9223372036854775807"} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
		_, err = conn.Write([]byte("POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
			"Content-Length: " + declared + "\r\n\r\n" + `{"name":"x"}`))
		if err != nil {
			t.Fatal(err)
		}
		_ = conn.(*net.TCPConn).CloseWrite()
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("Content-Length %s: no answer: %v", declared, err)
		}
		res.Body.Close()
		conn.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("Content-Length %s: status %d, want 400", declared, res.StatusCode)
		}
	}
	res, err := http.Post(srv.URL+"/items", "application/json", strings.NewReader(`{"name":"ok"}`))
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("server no longer serving: %v %v", err, res)
	}
	res.Body.Close()
}
