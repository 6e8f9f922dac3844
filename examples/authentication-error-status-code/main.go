// Command authentication-error-status-code is FastAPI's "Use Old 403
// Authentication Error Status Codes" how-to in Go: an HTTPBearer that
// answers a missing or unusable Authorization header with FastAPI's old
// 403 Forbidden instead of today's 401 Unauthorized with WWW-Authenticate.
//
//	class HTTPBearer403(HTTPBearer):
//	    def make_not_authenticated_error(self) -> HTTPException:
//	        return HTTPException(
//	            status_code=status.HTTP_403_FORBIDDEN, detail="Not authenticated"
//	        )
//
//	CredentialsDep = Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer403())]
//
//	@app.get("/me")
//	def read_me(credentials: CredentialsDep):
//	    return {"message": "You are authenticated", "token": credentials.credentials}
//
// In Go there is no subclass to write: a scheme's NotAuthenticated field is
// the error it answers instead of its 401 (make_not_authenticated_error),
// and SchemeName is the name FastAPI takes from the class
// (components.securitySchemes.HTTPBearer403). The 403 carries no
// WWW-Authenticate, as FastAPI's HTTPException without headers; keep the
// 401 unless old clients depend on the 403.
//
// Run it with `go run ./examples/authentication-error-status-code` and try
//
//	curl -i http://127.0.0.1:8000/me                                     # 403
//	curl -H "Authorization: Bearer secrettoken" http://127.0.0.1:8000/me # 200
//
// or open http://127.0.0.1:8000/docs, Authorize with any token and try /me.
package main

import (
	"net/http"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// httpBearer403 is HTTPBearer403(): HTTPBearer whose "not authenticated"
// error is a 403 without a challenge.
var httpBearer403 = &security.HTTPBearer{
	SchemeName: "HTTPBearer403",
	NotAuthenticated: &typed.HTTPError{
		Status: http.StatusForbidden,
		Detail: "Not authenticated",
	},
}

// readMe answers with the token that was sent.
func readMe(_ echo.Context, _ struct{}, credentials security.HTTPAuthorizationCredentials) (map[string]string, error) {
	return map[string]string{"message": "You are authenticated", "token": credentials.Credentials}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/me", typed.Handle(httpBearer403, readMe))
	if err := openapi.Mount(api, openapi.Config{Title: "authentication-error-status-code"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
