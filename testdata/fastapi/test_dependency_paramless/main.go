// Command test_dependency_paramless is the app of FastAPI's
// tests/test_dependency_paramless.py (fastapi/fastapi 0.141.1) in Go: a
// Security dependency whose value no handler takes (dependencies=[…]) still
// gets the scopes it is declared with.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
//
//	def process_auth(credentials: Annotated[str | None, Security(oauth2_scheme)],
//	                 security_scopes: SecurityScopes):
//	    if "a" not in security_scopes.scopes or "b" not in security_scopes.scopes:
//	        raise HTTPException(detail="a or b not in scopes", status_code=401)
//	    return {"token": credentials, "scopes": security_scopes.scopes}
//
//	@app.get("/get-credentials")
//	def get_credentials(credentials: Annotated[dict, Security(process_auth, scopes=["a", "b"])]):
//	    return credentials
//
//	@app.get("/parameterless-with-scopes", dependencies=[Security(process_auth, scopes=["a", "b"])])
//	def get_parameterless_with_scopes():
//	    return {"status": "ok"}
//
//	@app.get("/parameterless-without-scopes", dependencies=[Security(process_auth)])
//	def get_parameterless_without_scopes():
//	    return {"status": "ok"}
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

// differs from FastAPI: its scheme declares no scopes (tokenUrl="token"
// only) and its document lists the routes' a and b anyway; openapi.Mount
// refuses a scope that the scheme's flows do not declare, so the twin
// declares them, reported.
var oauth2Scheme = &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"a": "", "b": ""}}

type credentials struct {
	Token  string   `json:"token"`
	Scopes []string `json:"scopes"`
}

// processAuth only checks that the route asks for a and b, as FastAPI's
// test does (it checks no token's scopes).
var processAuth = typed.Depends2(oauth2Scheme, security.Scopes(),
	func(_ echo.Context, creds string, securityScopes security.SecurityScopes) (credentials, error) {
		if !slices.Contains(securityScopes.Scopes, "a") || !slices.Contains(securityScopes.Scopes, "b") {
			return credentials{}, typed.NewHTTPError(http.StatusUnauthorized, "a or b not in scopes")
		}
		return credentials{creds, slices.Clone(securityScopes.Scopes)}, nil
	})

func getCredentials(_ echo.Context, _ struct{}, creds credentials) (credentials, error) {
	return creds, nil
}

func getParameterlessWithScopes(echo.Context, struct{}) (map[string]string, error) {
	return map[string]string{"status": "ok"}, nil
}

func getParameterlessWithoutScopes(echo.Context, struct{}) (map[string]string, error) {
	return map[string]string{"status": "ok"}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/get-credentials", typed.Handle(security.Security(processAuth, "a", "b"), getCredentials))
	api.Register(typed.Operation{Method: http.MethodGet, Path: "/parameterless-with-scopes",
		Dependencies: []typed.Guard{typed.Use(security.Security(processAuth, "a", "b"))}}, typed.Plain(getParameterlessWithScopes))
	api.Register(typed.Operation{Method: http.MethodGet, Path: "/parameterless-without-scopes",
		Dependencies: []typed.Guard{typed.Use(security.Security(processAuth))}}, typed.Plain(getParameterlessWithoutScopes))
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
