package openapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

func readMe(c echo.Context, _ struct{}, token string) (map[string]string, error) {
	return map[string]string{"token": token}, nil
}

// Mount serves the document, Swagger UI and ReDoc; the scheme a route
// depends on is the one its operation requires.
func ExampleMount() {
	e := echo.New()
	api := echov4.New(e)
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"me": "Read your profile."}}
	api.GET("/users/me", typed.Handle[struct{}, map[string]string](security.Security(oauth2, "me"), readMe))
	if err := openapi.Mount(api, openapi.Config{Title: "Users"}); err != nil {
		panic(err)
	}

	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string                `json:"operationId"`
			Security    []map[string][]string `json:"security"`
		}
		Components struct {
			SecuritySchemes map[string]json.RawMessage
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		panic(err)
	}
	op := doc.Paths["/users/me"]["get"]
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(op.OperationID, op.Security)
	fmt.Println(string(doc.Components.SecuritySchemes["OAuth2PasswordBearer"]))

	for _, path := range []string{"/docs", "/docs/oauth2-redirect", "/redoc"} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		fmt.Println(path, rec.Code)
	}
	// Output:
	// 200 application/json
	// read_me_users_me_get [map[OAuth2PasswordBearer:[me]]]
	// {"type":"oauth2","flows":{"password":{"tokenUrl":"token","scopes":{"me":"Read your profile."}}}}
	// /docs 200
	// /docs/oauth2-redirect 200
	// /redoc 200
}
