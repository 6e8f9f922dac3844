// Command test_security_api_key_cookie_description is the app of FastAPI's
// tests/test_security_api_key_cookie_description.py in Go:
// https://github.com/fastapi/fastapi/blob/0.141.1/tests/test_security_api_key_cookie_description.py
//
//	api_key = APIKeyCookie(name="key", description="An API Cookie Key")
//
//	def get_current_user(oauth_header: str = Security(api_key)):
//	    user = User(username=oauth_header)
//	    return user
//
//	@app.get("/users/me")
//	def read_current_user(current_user: User = Depends(get_current_user)):
//	    return current_user
//
// Run it with `go run ./testdata/fastapi/test_security_api_key_cookie_description -addr 127.0.0.1:8000`.
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

var apiKey = &security.APIKeyCookie{Name: "key", Description: "An API Cookie Key"}

// User is FastAPI's pydantic model.
type User struct {
	Username string `json:"username"`
}

var getCurrentUser = typed.Depends(security.Security(apiKey), func(_ echo.Context, oauthHeader string) (User, error) {
	return User{Username: oauthHeader}, nil
})

func readCurrentUser(_ echo.Context, _ struct{}, currentUser User) (User, error) {
	return currentUser, nil
}

// newApp builds the app: FastAPI() with its default title, version and docs.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(getCurrentUser, readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "host:port to listen on")
	flag.Parse()
	srv := &http.Server{Addr: *addr, Handler: newApp(),
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
	log.Printf("listening on http://%s (docs: http://%s/docs)", *addr, *addr)
	log.Fatal(srv.ListenAndServe())
}
