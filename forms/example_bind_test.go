package forms_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// SignUp is a form of the application's own.
type SignUp struct {
	Email    string  `form:"email" validate:"email"`
	Password string  `form:"password" format:"password" validate:"min=8"`
	Age      int     `form:"age" validate:"gte=18"`
	Referrer *string `form:"referrer"`
}

// Any struct with form tags binds and validates like the password form,
// FastAPI's `Annotated[Model, Form()]`.
func ExampleBind() {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/signup", typed.Handle[struct{}, string](forms.Bind[SignUp](nil),
		func(c echo.Context, _ struct{}, s SignUp) (string, error) {
			return "welcome " + s.Email, nil
		}))

	for _, body := range []string{
		"email=jane%40example.com&password=correct-horse&age=30",
		"email=jane%40example.com&password=short&age=x",
	} {
		req := httptest.NewRequest(http.MethodPost, "/signup", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200 "welcome jane@example.com"
	// 422 {"detail":[{"type":"string_too_short","loc":["body","password"],"msg":"String should have at least 8 characters","ctx":{"min_length":8}},{"type":"int_parsing","loc":["body","age"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}
}
