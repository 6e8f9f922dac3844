package openapi_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// scenarios builds each documented application; the golden file of each is
// testdata/<name>.openapi.json.
var scenarios = []struct {
	name  string
	build func(api *echov4.API)
}{
	{"apikey-header", func(api *echov4.API) {
		api.GET("/items/", typed.Handle[struct{}, map[string]string](&security.APIKeyHeader{Name: "x-key"}, readItems))
	}},
	{"apikey-query", func(api *echov4.API) {
		api.GET("/items/", typed.Handle[struct{}, map[string]string](&security.APIKeyQuery{Name: "api_key"}, readItems))
	}},
	{"apikey-cookie", func(api *echov4.API) {
		api.GET("/items/", typed.Handle[struct{}, map[string]string](&security.APIKeyCookie{Name: "session"}, readItems))
	}},
	{"http-basic-realm", func(api *echov4.API) {
		basic := &security.HTTPBasic{Realm: "simple", Description: "HTTPBasic scheme"}
		api.GET("/users/me", typed.Handle[struct{}, User](typed.Depends(basic, basicUser), readCurrentUser))
	}},
	{"http-bearer-description", func(api *echov4.API) {
		bearer := &security.HTTPBearer{BearerFormat: "JWT", Description: "HTTP Bearer token scheme"}
		api.GET("/users/me", typed.Handle[struct{}, User](typed.Depends(bearer, bearerToken), readCurrentUser))
	}},
	{"oauth2-password-bearer", func(api *echov4.API) {
		api.GET("/items/", typed.Handle[struct{}, map[string]string](&security.OAuth2PasswordBearer{TokenURL: "token"}, readItems))
	}},
	{"oauth2-password-bearer-scopes", func(api *echov4.API) {
		oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"items": "Read items.", "me": "Read information about the current user."}}
		api.GET("/items/", typed.Handle[struct{}, map[string]string](security.Security(oauth2, "items"), readItems))
	}},
	{"scopes", scopesApp},
	{"alternatives", func(api *echov4.API) {
		cookie := &security.APIKeyCookie{Name: "session"}
		oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token"}
		key := &security.APIKeyHeader{Name: "x-key"}
		both := typed.Depends(security.AllOf[string](key, oauth2), first)
		api.GET("/either", typed.Handle[struct{}, map[string]string](security.AnyOf[string](cookie, oauth2), readItems))
		api.GET("/both", typed.Handle[struct{}, map[string]string](both, readItems))
		api.GET("/nested", typed.Handle[struct{}, map[string]string](security.AnyOf[string](
			typed.Depends(security.AllOf[string](key, cookie), first), oauth2), readItems))
	}},
	{"oauth2-password-form", func(api *echov4.API) {
		api.POST("/login", typed.Handle[struct{}, Token](typed.Bind[passwordForm](), login))
	}},
	{"oauth2-password-form-strict", func(api *echov4.API) {
		api.POST("/login", typed.Handle[struct{}, map[string]any](typed.Bind[passwordFormStrict](), loginStrict))
	}},
	{"json-body-params", func(api *echov4.API) {
		api.PUT("/items/:item_id", typed.Handle[updateItem, Item](typed.None, updateItemHandler))
		api.POST("/items/", typed.Handle[Item, Item](typed.None, createItem))
		api.Register(typed.Operation{Method: http.MethodDelete, Path: "/items/:item_id", Status: http.StatusNoContent, Tags: []string{"items"}, Deprecated: true},
			typed.Handle(typed.None, deleteItem))
		api.GET("/files/*", typed.Handle[struct{}, string](typed.None, readFile))
	}},
	{"group-prefix", func(api *echov4.API) {
		v1 := api.Group("/api/v1")
		v1.GET("/items/", typed.Handle[struct{}, map[string]string](&security.OAuth2PasswordBearer{TokenURL: "/api/v1/token"}, readItems))
		v1.Group("/admin").GET("/users/:id", typed.Handle[struct{}, User](typed.Depends(&security.HTTPBasic{}, basicUser), readCurrentUser))
		v1.POST("/token", typed.Handle[struct{}, Token](typed.Bind[passwordForm](), login))
	}},
}

func basicUser(c echo.Context, cred security.HTTPBasicCredentials) (string, error) {
	return cred.Username, nil
}

func bearerToken(c echo.Context, cred security.HTTPAuthorizationCredentials) (string, error) {
	return cred.Credentials, nil
}

func first(c echo.Context, vals []string) (string, error) { return vals[0], nil }

// scopesApp is FastAPI's OAuth2 scopes tutorial: a chain of dependencies
// that accumulates scopes.
func scopesApp(api *echov4.API) {
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"me": "Read information about the current user.", "items": "Read items."}}
	currentUser := typed.Depends2(security.Scopes(), oauth2, func(c echo.Context, _ security.SecurityScopes, tok string) (User, error) {
		return User{Username: tok}, nil
	})
	activeUser := typed.Depends(security.Security(currentUser, "me"), func(c echo.Context, u User) (User, error) { return u, nil })
	api.POST("/token", typed.Handle[struct{}, Token](typed.Bind[passwordForm](), login))
	api.GET("/users/me/", typed.Handle[struct{}, User](activeUser, readCurrentUserChain))
	api.GET("/users/me/items/", typed.Handle[struct{}, []Item](security.Security(activeUser, "items"), readOwnItems))
	api.GET("/status/", typed.Handle[struct{}, map[string]string](currentUser, readSystemStatus))
}

func readCurrentUserChain(c echo.Context, _ struct{}, u User) (User, error) { return u, nil }

func newAPI(build func(*echov4.API)) (*echo.Echo, *echov4.API) {
	e := echo.New()
	api := echov4.New(e)
	build(api)
	return e, api
}

func TestGolden(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, api := newAPI(sc.build)
			spec, err := openapi.Build(api, openapi.Config{Title: "fastecho " + sc.name})
			if err != nil {
				t.Fatal(err)
			}
			if err := openapi.Check(spec); err != nil {
				t.Errorf("Check: %v", err)
			}
			got, err := json.Marshal(spec)
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata", sc.name+".openapi.json"), got)
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, got, "", "  "); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./openapi -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from the document built (go test ./openapi -update rewrites it); got:\n%s", path, buf.Bytes())
	}
}
