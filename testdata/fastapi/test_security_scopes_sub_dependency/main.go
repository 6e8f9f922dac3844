// Command test_security_scopes_sub_dependency is the app of FastAPI's
// tests/test_security_scopes_sub_dependency.py (fastapi/fastapi 0.141.1) in
// Go: a dependency that reads SecurityScopes runs once per set of scopes it
// is reached with, and so does every dependency above it; a plain
// sub-dependency runs once per request. GET /calls answers the test's call
// counts.
//
//	def get_db_session():
//	    call_counts["get_db_session"] += 1
//	    return f"db_session_{call_counts['get_db_session']}"
//
//	def get_current_user(security_scopes: SecurityScopes,
//	                     db_session: Annotated[str, Depends(get_db_session)]):
//	    call_counts["get_current_user"] += 1
//	    return {"user": f"user_{call_counts['get_current_user']}",
//	            "scopes": security_scopes.scopes, "db_session": db_session}
//
//	def get_user_me(current_user: Annotated[dict, Security(get_current_user, scopes=["me"])]):
//	    call_counts["get_user_me"] += 1
//	    return {"user_me": f"user_me_{call_counts['get_user_me']}", "current_user": current_user}
//
//	def get_user_items(user_me: Annotated[dict, Depends(get_user_me)]):
//	    call_counts["get_user_items"] += 1
//	    return {"user_items": f"user_items_{call_counts['get_user_items']}", "user_me": user_me}
//
//	@app.get("/")
//	def path_operation(user_me: Annotated[dict, Depends(get_user_me)],
//	                   user_items: Annotated[dict, Security(get_user_items, scopes=["items"])]):
//	    return {"user_me": user_me, "user_items": user_items}
package main

import (
	"flag"
	"fmt"
	"log"
	"maps"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// counts are the test's call_counts.
type counts struct {
	mu sync.Mutex
	n  map[string]int
}

// inc counts a call of name and returns the count so far.
func (c *counts) inc(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[name]++
	return c.n[name]
}

type (
	currentUser struct {
		User      string   `json:"user"`
		Scopes    []string `json:"scopes"`
		DBSession string   `json:"db_session"`
	}
	userMe struct {
		UserMe      string      `json:"user_me"`
		CurrentUser currentUser `json:"current_user"`
	}
	userItems struct {
		UserItems string `json:"user_items"`
		UserMe    userMe `json:"user_me"`
	}
	answer struct {
		UserMe    userMe    `json:"user_me"`
		UserItems userItems `json:"user_items"`
	}
)

// pathOperation answers with both dependencies.
func pathOperation(_ echo.Context, _ struct{}, a answer) (answer, error) { return a, nil }

// newApp builds the application, with call counts of its own.
func newApp() *echo.Echo {
	calls := &counts{n: map[string]int{"get_db_session": 0, "get_current_user": 0, "get_user_me": 0, "get_user_items": 0}}
	getDBSession := typed.Func(func(echo.Context) (string, error) {
		return fmt.Sprintf("db_session_%d", calls.inc("get_db_session")), nil
	})
	getCurrentUser := typed.Depends2(security.Scopes(), getDBSession,
		func(_ echo.Context, s security.SecurityScopes, dbSession string) (currentUser, error) {
			return currentUser{fmt.Sprintf("user_%d", calls.inc("get_current_user")), slices.Clone(s.Scopes), dbSession}, nil
		})
	getUserMe := typed.Depends(security.Security(getCurrentUser, "me"), func(_ echo.Context, u currentUser) (userMe, error) {
		return userMe{fmt.Sprintf("user_me_%d", calls.inc("get_user_me")), u}, nil
	})
	getUserItems := typed.Depends(getUserMe, func(_ echo.Context, me userMe) (userItems, error) {
		return userItems{fmt.Sprintf("user_items_%d", calls.inc("get_user_items")), me}, nil
	})
	params := typed.Depends2(getUserMe, security.Security(getUserItems, "items"), func(_ echo.Context, me userMe, items userItems) (answer, error) {
		return answer{me, items}, nil
	})

	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/", typed.Handle(params, pathOperation))
	e.GET("/calls", func(c echo.Context) error { // the test's call_counts, not documented
		calls.mu.Lock()
		defer calls.mu.Unlock()
		return c.JSON(http.StatusOK, maps.Clone(calls.n))
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
