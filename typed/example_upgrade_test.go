package typed_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
	"golang.org/x/net/websocket"
)

// Upgrade resolves the dependencies and binds the request before the
// WebSocket handshake: without its credential a client gets a plain 401.
func ExampleUpgrade() {
	e := echo.New()
	echov4.New(e).GET("/ws", typed.Upgrade(&tokenScheme{}, func(c echo.Context, q chatQuery, token string) error {
		websocket.Handler(func(ws *websocket.Conn) {
			defer ws.Close()
			_ = websocket.Message.Send(ws, "hello "+token+" in "+q.Room)
		}).ServeHTTP(c.Response(), c.Request())
		return nil
	}))
	srv := httptest.NewServer(e)
	defer srv.Close()

	res, _ := http.Get(srv.URL + "/ws?room=lobby")
	res.Body.Close()
	fmt.Println("no token:", res.StatusCode)

	cfg, _ := websocket.NewConfig("ws"+strings.TrimPrefix(srv.URL, "http")+"/ws?room=lobby", srv.URL)
	cfg.Header = http.Header{"X-Token": {"ann"}}
	ws, err := websocket.DialConfig(cfg)
	if err != nil {
		panic(err)
	}
	defer ws.Close()
	var msg string
	_ = websocket.Message.Receive(ws, &msg)
	fmt.Println(msg)
	// Output:
	// no token: 401
	// hello ann in lobby
}
