// Command http-basic-compare is FastAPI's HTTP Basic tutorial in Go: the
// credentials are compared in constant time with the expected ones, so the
// answer's timing tells nothing about how much of a guess was right.
//
//	security = HTTPBasic()
//
//	def get_current_username(credentials: HTTPBasicCredentials = Depends(security)):
//	    is_correct_username = secrets.compare_digest(credentials.username.encode("utf8"), b"stanleyjobson")
//	    is_correct_password = secrets.compare_digest(credentials.password.encode("utf8"), b"swordfish")
//	    if not (is_correct_username and is_correct_password):
//	        raise HTTPException(status_code=401, detail="Incorrect username or password",
//	                            headers={"WWW-Authenticate": "Basic"})
//	    return credentials.username
//
//	@app.get("/users/me")
//	def read_current_user(username: str = Depends(get_current_username)):
//	    return {"username": username}
//
// Run it with `go run ./examples/http-basic-compare`, then
// `curl -u stanleyjobson:swordfish http://127.0.0.1:8000/users/me`.
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// basic reads HTTP Basic credentials.
var basic = &security.HTTPBasic{}

// incorrect answers every failed check: an HTTPError is a plain value, so
// one package variable serves every request.
var incorrect = typed.NewHTTPError(http.StatusUnauthorized, "Incorrect username or password",
	"WWW-Authenticate", "Basic")

// getCurrentUsername checks both parts, always both, in constant time.
var getCurrentUsername = typed.Depends(basic, func(_ echo.Context, credentials security.HTTPBasicCredentials) (string, error) {
	isCorrectUsername := security.ConstantTimeEqual(credentials.Username, "stanleyjobson")
	isCorrectPassword := security.ConstantTimeEqual(credentials.Password, "swordfish")
	if !(isCorrectUsername && isCorrectPassword) {
		return "", incorrect
	}
	return credentials.Username, nil
})

// readCurrentUser answers with the username that getCurrentUsername
// accepted.
func readCurrentUser(_ echo.Context, _ struct{}, username string) (map[string]string, error) {
	return map[string]string{"username": username}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(getCurrentUsername, readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "http-basic-compare"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
