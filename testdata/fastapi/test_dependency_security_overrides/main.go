// Command test_dependency_security_overrides is the app of FastAPI's
// tests/test_dependency_security_overrides.py (fastapi/fastapi 0.141.1) in
// Go: overriding a Security dependency keeps the scopes it is reached with.
//
//	def get_user(required_scopes: SecurityScopes):
//	    return "john", required_scopes.scopes
//
//	def get_user_override(required_scopes: SecurityScopes):
//	    return "alice", required_scopes.scopes
//
//	def get_data():
//	    return [1, 2, 3]
//
//	def get_data_override():
//	    return [3, 4, 5]
//
//	@app.get("/user")
//	def read_user(user_data: tuple[str, list[str]] = Security(get_user, scopes=["foo", "bar"]),
//	              data: list[int] = Depends(get_data)):
//	    return {"user": user_data[0], "scopes": user_data[1], "data": data}
//
// The test sets app.dependency_overrides; here typed.Override does, and,
// for a client over HTTP, so do PUT /dependency_overrides/get_user and
// /get_data (DELETE /dependency_overrides clears them: app.dependency_overrides
// = {}). Those routes are not documented.
package main

import (
	"flag"
	"log"
	"net/http"
	"slices"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// userData is get_user's (name, scopes) tuple.
type userData struct {
	name   string
	scopes []string
}

var (
	getUser = typed.Depends(security.Scopes(), func(_ echo.Context, requiredScopes security.SecurityScopes) (userData, error) {
		return userData{"john", slices.Clone(requiredScopes.Scopes)}, nil
	})
	getUserOverride = typed.Depends(security.Scopes(), func(_ echo.Context, requiredScopes security.SecurityScopes) (userData, error) {
		return userData{"alice", slices.Clone(requiredScopes.Scopes)}, nil
	})
	getData         = typed.Func(func(echo.Context) ([]int, error) { return []int{1, 2, 3}, nil })
	getDataOverride = typed.Func(func(echo.Context) ([]int, error) { return []int{3, 4, 5}, nil })
)

// params are read_user's parameters.
type params struct {
	userData userData
	data     []int
}

var readUserParams = typed.Depends2(security.Security(getUser, "foo", "bar"), getData,
	func(_ echo.Context, u userData, data []int) (params, error) { return params{u, data}, nil })

type user struct {
	User   string   `json:"user"`
	Scopes []string `json:"scopes"`
	Data   []int    `json:"data"`
}

func readUser(_ echo.Context, _ struct{}, p params) (user, error) {
	return user{p.userData.name, p.userData.scopes, p.data}, nil
}

// newApp builds the application; overrides of the returned API apply to it.
func newApp() (*echo.Echo, *echov4.API) {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/user", typed.Handle(readUserParams, readUser))
	e.PUT("/dependency_overrides/get_user", func(c echo.Context) error {
		typed.Override(api, getUser, getUserOverride)
		return c.NoContent(http.StatusNoContent)
	})
	e.PUT("/dependency_overrides/get_data", func(c echo.Context) error {
		typed.Override(api, getData, getDataOverride)
		return c.NoContent(http.StatusNoContent)
	})
	e.DELETE("/dependency_overrides", func(c echo.Context) error {
		api.ClearOverrides()
		return c.NoContent(http.StatusNoContent)
	})
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e, api
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "host:port to listen on")
	flag.Parse()
	e, _ := newApp()
	srv := &http.Server{Addr: *addr, Handler: e, ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout: 15 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
	log.Fatal(srv.ListenAndServe())
}
