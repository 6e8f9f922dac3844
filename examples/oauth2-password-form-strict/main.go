// Command oauth2-password-form-strict is FastAPI's
// OAuth2PasswordRequestFormStrict in Go: the OAuth2 password grant's form
// with grant_type required, parsed and validated before the handler runs.
//
//	from fastapi.security import OAuth2PasswordRequestFormStrict
//
//	@app.post("/login")
//	def login(form_data: Annotated[OAuth2PasswordRequestFormStrict, Depends()]):
//	    data = {}
//	    data["scopes"] = []
//	    for scope in form_data.scopes:
//	        data["scopes"].append(scope)
//	    if form_data.client_id:
//	        data["client_id"] = form_data.client_id
//	    if form_data.client_secret:
//	        data["client_secret"] = form_data.client_secret
//	    return data
//
// Run it with `go run ./examples/oauth2-password-form-strict` and open
// http://127.0.0.1:8000/docs.
package main

import (
	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// LoginData is what /login answers; the client fields only when sent.
type LoginData struct {
	Scopes       []string `json:"scopes"`
	ClientID     string   `json:"client_id,omitempty"`
	ClientSecret string   `json:"client_secret,omitempty"`
}

// login answers with the scopes and, when sent, the client credentials.
func login(_ echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestFormStrict) (LoginData, error) {
	return LoginData{Scopes: formData.Scopes, ClientID: formData.ClientID, ClientSecret: formData.ClientSecret}, nil
}

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.POST("/login", typed.Handle(forms.PasswordStrict(nil), login))
	if err := openapi.Mount(api, openapi.Config{Title: "oauth2-password-form-strict"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve(newApp()) }
