// Command test_security_scopes is the app of FastAPI's
// tests/test_security_scopes.py (fastapi/fastapi 0.141.1) in Go: a plain
// dependency reached directly and through a Security dependency with
// scopes runs once per request. GET /calls answers the test's call
// counter, {"count": n}.
//
//	def get_db():
//	    call_counter["count"] += 1
//	    return f"db_{call_counter['count']}"
//
//	def get_user(db: Annotated[str, Depends(get_db)]):
//	    return "user"
//
//	@app.get("/")
//	def endpoint(db: Annotated[str, Depends(get_db)],
//	             user: Annotated[str, Security(get_user, scopes=["read"])]):
//	    return {"db": db}
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"sync"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// deps are the endpoint's parameters.
type deps struct{ db, user string }

// endpoint answers with the db it got.
func endpoint(_ echo.Context, _ struct{}, d deps) (map[string]string, error) {
	return map[string]string{"db": d.db}, nil
}

// newApp builds the application, with a call counter of its own.
func newApp() *echo.Echo {
	var mu sync.Mutex
	count := 0
	getDB := typed.Func(func(echo.Context) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		count++
		return fmt.Sprintf("db_%d", count), nil
	})
	getUser := typed.Depends(getDB, func(echo.Context, string) (string, error) { return "user", nil })
	endpointDeps := typed.Depends2(getDB, security.Security(getUser, "read"), func(_ echo.Context, db, user string) (deps, error) {
		return deps{db, user}, nil
	})

	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/", typed.Handle(endpointDeps, endpoint))
	e.GET("/calls", func(c echo.Context) error { // the test's call_counter, not documented
		mu.Lock()
		defer mu.Unlock()
		return c.JSON(http.StatusOK, map[string]int{"count": count})
	})
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "host:port to listen on")
	flag.Parse()
	srv := &http.Server{Addr: *addr, Handler: newApp(), ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout: 15 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
	log.Fatal(srv.ListenAndServe())
}
