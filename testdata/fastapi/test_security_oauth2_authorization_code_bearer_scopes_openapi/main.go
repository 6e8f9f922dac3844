// Command test_security_oauth2_authorization_code_bearer_scopes_openapi is
// the app of FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_scopes_openapi.py
// (fastapi/fastapi 0.141.1, FastAPI issue 14454) in Go: one scheme reached
// from the app, a router, a route's dependencies and a parameter, with
// different scopes; the documentation merges them into one requirement.
//
//	oauth2_scheme = OAuth2AuthorizationCodeBearer(authorizationUrl="authorize",
//	    tokenUrl="token", auto_error=True,
//	    scopes={"read": "Read access", "write": "Write access"})
//
//	async def get_token(token: Annotated[str, Depends(oauth2_scheme)]) -> str:
//	    return token
//
//	app = FastAPI(dependencies=[Depends(get_token)])
//
//	@app.get("/")
//	async def root(): return {"message": "Hello World"}
//
//	@app.get("/with-oauth2-scheme",
//	         dependencies=[Security(oauth2_scheme, scopes=["read", "write"])])
//	async def read_with_oauth2_scheme(): return {"message": "Admin Access"}
//
//	@app.get("/with-get-token",
//	         dependencies=[Security(get_token, scopes=["read", "write"])])
//	async def read_with_get_token(): return {"message": "Admin Access"}
//
//	router = APIRouter(dependencies=[Security(oauth2_scheme, scopes=["read"])])
//
//	@router.get("/items/")
//	async def read_items(token: str | None = Depends(oauth2_scheme)):
//	    return {"token": token}
//
//	@router.post("/items/")
//	async def create_item(token: str | None = Security(oauth2_scheme, scopes=["read", "write"])):
//	    return {"token": token}
//
//	app.include_router(router)
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
	AuthorizationURL: "authorize",
	TokenURL:         "token",
	Scopes:           map[string]string{"read": "Read access", "write": "Write access"},
}

// getToken hands the token over.
var getToken = typed.Depends(oauth2Scheme, func(_ echo.Context, token string) (string, error) { return token, nil })

type message struct {
	Message string `json:"message"`
}

func root(echo.Context, struct{}) (message, error) { return message{"Hello World"}, nil }

func readWithOauth2Scheme(echo.Context, struct{}) (message, error) {
	return message{"Admin Access"}, nil
}

func readWithGetToken(echo.Context, struct{}) (message, error) { return message{"Admin Access"}, nil }

func readItems(_ echo.Context, _ struct{}, token string) (map[string]string, error) {
	return map[string]string{"token": token}, nil
}

func createItem(_ echo.Context, _ struct{}, token string) (map[string]string, error) {
	return map[string]string{"token": token}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e).With(typed.Use(getToken)) // FastAPI(dependencies=[Depends(get_token)])
	app.Register(typed.Operation{Method: http.MethodGet, Path: "/"}, typed.Plain(root))
	app.Register(typed.Operation{Method: http.MethodGet, Path: "/with-oauth2-scheme",
		Dependencies: []typed.Guard{typed.Use(security.Security(oauth2Scheme, "read", "write"))}}, typed.Plain(readWithOauth2Scheme))
	app.Register(typed.Operation{Method: http.MethodGet, Path: "/with-get-token",
		Dependencies: []typed.Guard{typed.Use(security.Security(getToken, "read", "write"))}}, typed.Plain(readWithGetToken))

	router := app.With(typed.Use(security.Security(oauth2Scheme, "read"))) // APIRouter(dependencies=[…]), included
	router.GET("/items/", typed.Handle(oauth2Scheme, readItems))
	router.POST("/items/", typed.Handle(security.Security(oauth2Scheme, "read", "write"), createItem))
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
