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

// HTTP Basic with a realm, checking the password in constant time as
// FastAPI's docs do with secrets.compare_digest.
func ExampleHTTPBasic() {
	e := echo.New()
	api := echov4.New(e)
	basic := &security.HTTPBasic{Realm: "simple"}
	api.GET("/users/me", typed.Handle[struct{}, map[string]string](basic,
		func(c echo.Context, _ struct{}, cred security.HTTPBasicCredentials) (map[string]string, error) {
			if !cred.Matches("stanleyjobson", "swordfish") {
				return nil, typed.NewHTTPError(http.StatusUnauthorized, "Incorrect username or password",
					"WWW-Authenticate", basic.Challenge())
			}
			return map[string]string{"username": cred.Username}, nil
		}))

	for _, authorization := range []string{
		"",
		"Basic c3RhbmxleWpvYnNvbjpzd29yZGZpc2g=", // stanleyjobson:swordfish
		"Basic c3RhbmxleWpvYnNvbjpzYWxtb24=",     // stanleyjobson:salmon
		"Basic bm8tY29sb24=",                     // no-colon: malformed
	} {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		if authorization != "" {
			req.Header.Set("Authorization", authorization)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 401 Basic realm="simple" {"detail":"Not authenticated"}
	// 200  {"username":"stanleyjobson"}
	// 401 Basic realm="simple" {"detail":"Incorrect username or password"}
	// 401 Basic realm="simple" {"detail":"Not authenticated"}
}

// Credentials print and log with the password redacted.
func ExampleHTTPBasicCredentials() {
	cred := security.HTTPBasicCredentials{Username: "alice", Password: "hunter2"}
	fmt.Println(cred)
	fmt.Printf("%#v\n", cred)
	// Output:
	// {Username:alice Password:REDACTED}
	// security.HTTPBasicCredentials{Username:"alice", Password:"REDACTED"}
}
