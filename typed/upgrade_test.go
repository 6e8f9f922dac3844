package typed_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
	"golang.org/x/net/websocket"
)

type chatQuery struct {
	Room string `query:"room" validate:"min=1"`
}

// chat echoes messages back, prefixed with the room and the user that the
// dependencies resolved before the upgrade.
func chat(c echo.Context, q chatQuery, token string) error {
	websocket.Handler(func(ws *websocket.Conn) {
		defer ws.Close()
		for {
			var msg string
			if err := websocket.Message.Receive(ws, &msg); err != nil {
				return
			}
			if err := websocket.Message.Send(ws, q.Room+"/"+token+": "+msg); err != nil {
				return
			}
		}
	}).ServeHTTP(c.Response(), c.Request())
	return nil
}

// TestUpgradeWebSocket: a real WebSocket client gets through only with the
// credential; without it, or with a bad query, the answer is a plain HTTP
// 401/422 before any upgrade. The route is not in the OpenAPI operations'
// visible set.
func TestUpgradeWebSocket(t *testing.T) {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/ws", typed.Upgrade(&tokenScheme{}, chat))
	srv := httptest.NewServer(e)
	defer srv.Close()
	wsURL := "ws" + strings.TrimPrefix(srv.URL, "http")

	cfg, err := websocket.NewConfig(wsURL+"/ws?room=lobby", srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Header = http.Header{"X-Token": {"ann"}}
	ws, err := websocket.DialConfig(cfg)
	if err != nil {
		t.Fatalf("dial with a token: %v", err)
	}
	for _, msg := range []string{"hello", "again"} {
		if err := websocket.Message.Send(ws, msg); err != nil {
			t.Fatal(err)
		}
		var got string
		if err := websocket.Message.Receive(ws, &got); err != nil {
			t.Fatal(err)
		}
		if got != "lobby/ann: "+msg {
			t.Errorf("got %q", got)
		}
	}
	ws.Close()

	// Failures are HTTP answers to the upgrade request.
	for _, tt := range []struct {
		name, target, token string
		status              int
		body                string
	}{
		{"no credential", "/ws?room=lobby", "", 401, `{"detail":"Not authenticated"}`},
		{"bad query", "/ws?room=", "ann", 422, `{"detail":[{"type":"string_too_short","loc":["query","room"],"msg":"String should have at least 1 character","input":"","ctx":{"min_length":1}}]}`},
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+tt.target, nil)
		req.Header.Set("Connection", "Upgrade")
		req.Header.Set("Upgrade", "websocket")
		req.Header.Set("Sec-WebSocket-Version", "13")
		req.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
		if tt.token != "" {
			req.Header.Set("X-Token", tt.token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || !sameJSON(body, tt.body) {
			t.Errorf("%s: %d %s, want %d %s", tt.name, res.StatusCode, body, tt.status, tt.body)
		}
	}
	if ops := api.Operations(); len(ops) != 1 || !ops[0].Hidden || len(ops[0].Security) != 1 {
		t.Errorf("operation %+v", ops[0])
	}
}
