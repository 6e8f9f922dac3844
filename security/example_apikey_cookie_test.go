package security_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// An API key in a cookie, parsed as Starlette does (spaces kept, last
// wins); FastAPI's APIKeyCookie(name="session").
func ExampleAPIKeyCookie() {
	e := echo.New()
	api := echov4.New(e)
	session := &security.APIKeyCookie{Name: "session"}
	api.GET("/items/", typed.Handle[struct{}, map[string]string](session,
		func(c echo.Context, _ struct{}, session string) (map[string]string, error) {
			return map[string]string{"session": session}, nil
		}))

	for _, cookie := range []string{"", "session=a b; theme=dark"} {
		req := httptest.NewRequest(http.MethodGet, "/items/", nil)
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 401 APIKey {"detail":"Not authenticated"}
	// 200  {"session":"a b"}
}
