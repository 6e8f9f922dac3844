// Command test_security_oauth2_authorization_code_bearer_scopes_openapi_simple
// is the app of FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_scopes_openapi_simple.py
// (fastapi/fastapi 0.141.1, FastAPI issue 14454) in Go: an app-level
// dependency on the token, and a route that requires it again with scopes.
//
//	oauth2_scheme = OAuth2AuthorizationCodeBearer(
//	    authorizationUrl="api/oauth/authorize", tokenUrl="/api/oauth/token",
//	    scopes={"read": "Read access", "write": "Write access"})
//
//	async def get_token(token: Annotated[str, Depends(oauth2_scheme)]) -> str:
//	    return token
//
//	app = FastAPI(dependencies=[Depends(get_token)])
//
//	@app.get("/admin", dependencies=[Security(get_token, scopes=["read", "write"])])
//	async def read_admin():
//	    return {"message": "Admin Access"}
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

var oauth2Scheme = &security.OAuth2AuthorizationCodeBearer{
	AuthorizationURL: "api/oauth/authorize",
	TokenURL:         "/api/oauth/token",
	Scopes:           map[string]string{"read": "Read access", "write": "Write access"},
}

// getToken hands the token over.
var getToken = typed.Depends(oauth2Scheme, func(_ echo.Context, token string) (string, error) { return token, nil })

func readAdmin(echo.Context, struct{}) (map[string]string, error) {
	return map[string]string{"message": "Admin Access"}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e).With(typed.Use(getToken)) // FastAPI(dependencies=[Depends(get_token)])
	app.Register(typed.Operation{Method: http.MethodGet, Path: "/admin",
		Dependencies: []typed.Guard{typed.Use(security.Security(getToken, "read", "write"))}}, typed.Plain(readAdmin))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
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
