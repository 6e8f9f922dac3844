// Command test_security_scopes_dont_propagate is the app of FastAPI's
// tests/test_security_scopes_dont_propagate.py (fastapi/fastapi 0.141.1,
// FastAPI issue 5623) in Go: sibling Security dependencies keep their own
// SecurityScopes; each sees the scopes above it and its own, not its
// sibling's.
//
//	async def security1(scopes: SecurityScopes):
//	    return scopes.scopes
//
//	async def security2(scopes: SecurityScopes):
//	    return scopes.scopes
//
//	async def dep3(dep1: Annotated[list[str], Security(security1, scopes=["scope1"])],
//	               dep2: Annotated[list[str], Security(security2, scopes=["scope2"])]):
//	    return {"dep1": dep1, "dep2": dep2}
//
//	@app.get("/scopes")
//	def get_scopes(dep3: Annotated[dict[str, Any], Security(dep3, scopes=["scope3"])]):
//	    return dep3
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

// scopesOf returns the scopes its position sees.
func scopesOf(_ echo.Context, scopes security.SecurityScopes) ([]string, error) {
	return slices.Clone(scopes.Scopes), nil
}

var (
	security1 = typed.Depends(security.Scopes(), scopesOf)
	security2 = typed.Depends(security.Scopes(), scopesOf)
	dep3      = typed.Depends2(security.Security(security1, "scope1"), security.Security(security2, "scope2"),
		func(_ echo.Context, dep1, dep2 []string) (map[string][]string, error) {
			return map[string][]string{"dep1": dep1, "dep2": dep2}, nil
		})
)

func getScopes(_ echo.Context, _ struct{}, dep3 map[string][]string) (map[string][]string, error) {
	return dep3, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/scopes", typed.Handle(security.Security(dep3, "scope3"), getScopes))
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
