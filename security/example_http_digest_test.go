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

// HTTP Digest, extraction only, as FastAPI's HTTPDigest.
func ExampleHTTPDigest() {
	e := echo.New()
	api := echov4.New(e)
	digest := &security.HTTPDigest{}
	api.GET("/users/me", typed.Handle[struct{}, security.HTTPAuthorizationCredentials](digest,
		func(c echo.Context, _ struct{}, cred security.HTTPAuthorizationCredentials) (security.HTTPAuthorizationCredentials, error) {
			return cred, nil
		}))

	for _, authorization := range []string{"", `Digest username="Mufasa"`} {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		if authorization != "" {
			req.Header.Set("Authorization", authorization)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 401 Digest {"detail":"Not authenticated"}
	// 200  {"scheme":"Digest","credentials":"username=\"Mufasa\""}
}
