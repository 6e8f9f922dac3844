// Command test_security_oauth2_optional is the app of FastAPI's
// tests/test_security_oauth2_optional.py (fastapi/fastapi 0.141.1) in Go:
// the base OAuth2 class with auto_error=False, a dependency that makes the
// raw Authorization header a user (or none), and a login that returns the
// strict password form whole.
//
//	reusable_oauth2 = OAuth2(flows={"password": {"tokenUrl": "token",
//	    "scopes": {"read:users": "Read the users", "write:users": "Create users"}}},
//	    auto_error=False)
//
//	def get_current_user(oauth_header: str | None = Security(reusable_oauth2)):
//	    if oauth_header is None:
//	        return None
//	    return User(username=oauth_header)
//
//	@app.post("/login")
//	def login(form_data: OAuth2PasswordRequestFormStrict = Depends()):
//	    return form_data
//
//	@app.get("/users/me")
//	def read_users_me(current_user: User | None = Depends(get_current_user)):
//	    if current_user is None:
//	        return {"msg": "Create an account first"}
//	    return current_user
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// reusableOAuth2 documents the password flow; at run time it hands over the
// raw Authorization header, or nil without one (auto_error=False).
var reusableOAuth2 = security.Optional(&security.OAuth2{Flows: security.OAuthFlows{
	Password: &security.OAuthFlow{TokenURL: "token", Scopes: map[string]string{
		"read:users":  "Read the users",
		"write:users": "Create users",
	}},
}})

// User is the current user.
type User struct {
	Username string `json:"username"`
}

// getCurrentUser makes the raw header the username, or gives no user.
var getCurrentUser = typed.Depends(reusableOAuth2, func(_ echo.Context, oauthHeader *string) (*User, error) {
	if oauthHeader == nil {
		return nil, nil
	}
	return &User{Username: *oauthHeader}, nil
})

// login returns the form whole: null for an absent client_id or client_secret.
func login(_ echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestFormStrict) (forms.OAuth2PasswordRequestFormStrict, error) {
	return formData, nil
}

// readUsersMe answers with the current user, or asks to sign up.
func readUsersMe(_ echo.Context, _ struct{}, currentUser *User) (any, error) {
	if currentUser == nil {
		return map[string]string{"msg": "Create an account first"}, nil
	}
	return currentUser, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	api := echov4.New(e)
	api.POST("/login", typed.Handle(forms.PasswordStrict(nil), login))
	api.GET("/users/me", typed.Handle(getCurrentUser, readUsersMe))
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
