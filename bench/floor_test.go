package bench

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
	"testing"

	"github.com/labstack/echo/v4"
)

// BenchmarkFloor measures what an answer costs on the same Echo and
// requests when it is written in the cheapest ways the library could write
// it, as references for the ratios (none is an implementation of a path):
//
//   - 401/direct: a prepared 401 written straight to the response (shared
//     header slices, WriteHeader, Write), as typed answered before errors
//     went through Echo's error handler;
//   - 401/errorhandler: the same prepared body returned as an
//     *echo.HTTPError for Echo's default error handler, the way typed and
//     raw answer now: the floor of a 401 on Echo v4;
//   - OK/direct: {"key": …} encoded into a pooled buffer and written with
//     shared header slices, instead of c.JSON.
//
// Compare them with APIKeyHeader's raw benchmarks of the same round.
func BenchmarkFloor(b *testing.B) {
	for _, c := range []struct {
		name string
		h    http.Handler
		req  *request
	}{
		{"401/direct", floor401Direct(), get("/items/")},
		{"401/errorhandler", floor401ErrorHandler(), get("/items/")},
		{"OK/direct", floorOKDirect(), get("/items/", "X-API-Key", apiKey)},
	} {
		b.Run(c.name, func(b *testing.B) {
			w := newWriter()
			serve(c.h, w, c.req)
			b.ReportAllocs()
			for b.Loop() {
				w.reset()
				c.h.ServeHTTP(w, c.req.req)
			}
		})
	}
}

var (
	jsonContentType  = []string{echo.MIMEApplicationJSON}
	apiKeyChallenges = []string{apiKeyChallenge}
	notAuthBody      = []byte(`{"detail":"Not authenticated"}` + "\n")
)

func floor401Direct() http.Handler {
	e := newEcho()
	e.GET("/items/", func(c echo.Context) error {
		h := c.Response().Header()
		h["Www-Authenticate"] = apiKeyChallenges // canonical key
		h[echo.HeaderContentType] = jsonContentType
		c.Response().WriteHeader(http.StatusUnauthorized)
		_, err := c.Response().Write(notAuthBody)
		return err
	})
	return e
}

func floor401ErrorHandler() http.Handler {
	e := newEcho()
	he := &echo.HTTPError{Code: http.StatusUnauthorized, Message: json.RawMessage(bytes.TrimSpace(notAuthBody))}
	e.GET("/items/", func(c echo.Context) error {
		c.Response().Header()["Www-Authenticate"] = apiKeyChallenges
		return he
	})
	return e
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func floorOKDirect() http.Handler {
	e := newEcho()
	e.GET("/items/", func(c echo.Context) error {
		k := c.Request().Header.Get("X-Api-Key")
		buf := bufPool.Get().(*bytes.Buffer)
		defer bufPool.Put(buf)
		buf.Reset()
		if err := json.NewEncoder(buf).Encode(keyBody{Key: k}); err != nil {
			return err
		}
		c.Response().Header()[echo.HeaderContentType] = jsonContentType
		c.Response().WriteHeader(http.StatusOK)
		_, err := c.Response().Write(buf.Bytes())
		return err
	})
	return e
}

// TestFloorAnswers checks that the references answer as the paths do.
func TestFloorAnswers(t *testing.T) {
	w := newWriter()
	want := serve(apiKeyHeaderPath().impls[0].h, w, get("/items/"))
	for _, h := range []http.Handler{floor401Direct(), floor401ErrorHandler()} {
		if got := serve(h, w, get("/items/")); !got.same(want) {
			t.Errorf("%v, want %v", got, want)
		}
	}
	want = serve(apiKeyHeaderPath().impls[0].h, w, get("/items/", "X-API-Key", apiKey))
	if got := serve(floorOKDirect(), w, get("/items/", "X-API-Key", apiKey)); !got.same(want) {
		t.Errorf("%v, want %v", got, want)
	}
}
