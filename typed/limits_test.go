package typed_test

import (
	"bufio"
	"fmt"
	"io"
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

type limitsForm struct {
	User string `form:"user"`
}

type nested struct {
	Data any `json:"data"`
}

// TestHostileBodies: oversized, truncated, deeply nested, invalid UTF-8
// and field-flooded bodies get a 4xx with a {"detail": …} body, never a
// panic or a hang.
func TestHostileBodies(t *testing.T) {
	e := echo.New()
	api := echov4.New(e) // the default 1 MiB limit
	api.POST("/form", typed.Handle(typed.None, echoReq[limitsForm]))
	api.POST("/json", typed.Handle(typed.None, echoReq[nested]))
	api.POST("/item", typed.Handle(typed.None, echoReq[newItem]))

	const form = "application/x-www-form-urlencoded"
	flood := strings.Repeat("x=1&", 50000) + "user=ann"
	deep := strings.Repeat(`{"data":`, 20000) + "1" + strings.Repeat("}", 20000)
	serve(t, e, []call{
		{name: "2 MiB form", method: "POST", target: "/form", contentType: form, body: "user=" + strings.Repeat("a", 2<<20),
			wantStatus: 413, wantBody: `{"detail":"Request body too large"}`},
		{name: "50000 fields", method: "POST", target: "/form", contentType: form, body: flood,
			wantStatus: 200, wantBody: `{"User":"ann"}`},
		// Python's json.loads fails past its recursion limit, and on text
		// that is not UTF-8, with errors FastAPI answers 400.
		{name: "deeply nested JSON", method: "POST", target: "/json", contentType: "application/json", body: deep,
			wantStatus: 400, wantBody: `{"detail":"There was an error parsing the body"}`},
		{name: "invalid UTF-8 in a form", method: "POST", target: "/form", contentType: form, body: "user=%ff%fe",
			wantStatus: 200, wantBody: `{"User":"\ufffd\ufffd"}`},
		{name: "invalid UTF-8 in JSON", method: "POST", target: "/item", contentType: "application/json", body: "{\"name\":\"\xff\",\"price\":1,\"password\":\"longenough\"}",
			wantStatus: 400, wantBody: `{"detail":"There was an error parsing the body"}`},
	})
}

// TestTruncatedBody: a body shorter than its Content-Length is a 400 once
// the client gives up, not a hang.
func TestTruncatedBody(t *testing.T) {
	e := echo.New()
	echov4.New(e).POST("/item", typed.Handle(typed.None, echoReq[newItem]))
	srv := httptest.NewServer(e)
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /item HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":")
	conn.(*net.TCPConn).CloseWrite()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a truncated body: %v", err)
	}
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusBadRequest || !sameJSON(body, `{"detail":"There was an error reading the body"}`) {
		t.Errorf("got %d %s", res.StatusCode, body)
	}
}
