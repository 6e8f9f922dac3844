// Command response-model is FastAPI's "Response Model - Return Type"
// tutorial (docs_src/response_model/tutorial003_py310.py) in Go: the
// handler receives a user with a password and answers with an output
// model that has none.
// https://fastapi.tiangolo.com/tutorial/response-model/#add-an-output-model
//
//	class UserIn(BaseModel):
//	    username: str
//	    password: str
//	    email: EmailStr
//	    full_name: str | None = None
//
//	class UserOut(BaseModel):
//	    username: str
//	    email: EmailStr
//	    full_name: str | None = None
//
//	@app.post("/user/", response_model=UserOut)
//	async def create_user(user: UserIn) -> Any:
//	    return user
//
// FastAPI's response_model is the handler's result type: what the handler
// returns is what is sent, and what OpenAPI documents. FastAPI filters the
// returned UserIn through UserOut; in Go the handler builds the UserOut
// from the UserIn (here with the embedded struct), so a field UserOut does
// not have, the password, cannot be sent.
//
// One departure, as the spec asks: email is a plain string, not an
// EmailStr (which needs the email-validator package).
//
// Try it with `go run ./examples/response-model`:
//
//	curl -X POST 127.0.0.1:8000/user/ -H 'Content-Type: application/json' \
//	    -d '{"username": "foo", "password": "fighter", "email": "foo@example.com"}'
package main

import (
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// UserOut is a user as the API shows it.
type UserOut struct {
	Username string  `json:"username"`
	Email    string  `json:"email"`
	FullName *string `json:"full_name"`
}

// UserIn is a user as it is created: UserOut's fields and a password.
type UserIn struct {
	UserOut
	Password string `json:"password"`
}

func createUser(_ echo.Context, user UserIn) (UserOut, error) {
	return user.UserOut, nil
}

func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e)
	app := echov4.New(e)
	app.POST("/user/", typed.Plain(createUser))
	if err := openapi.Mount(app, openapi.Config{Title: "FastAPI", Version: "0.1.0"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
