package openapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/swaggest/openapi-go/openapi31"
)

func buildJSON(t *testing.T, build func(*echov4.API)) (string, map[string]any) {
	t.Helper()
	_, api := newAPI(build)
	raw, err := openapi.JSON(api, openapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return string(raw), doc
}

func at(v any, path ...string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// The places where swaggest's defaults differ from what FastAPI emits.
func TestSwaggestPitfalls(t *testing.T) {
	t.Parallel()
	raw, doc := buildJSON(t, func(api *echov4.API) {
		api.GET("/items/", typed.Handle[struct{}, map[string]string](&security.OAuth2PasswordBearer{TokenURL: "token"}, readItems))
		api.GET("/key", typed.Handle[struct{}, map[string]string](&security.APIKeyHeader{Name: "x-key"}, readItems))
		api.POST("/login", typed.Handle[struct{}, Token](typed.Bind[passwordForm](), login))
		api.PUT("/items/:item_id", typed.Handle[updateItem, Item](typed.None, updateItemHandler))
	})
	tests := []struct {
		name string
		got  any
		want string
	}{
		{"oauth2 flow without scopes has scopes {}", at(doc, "components", "securitySchemes", "OAuth2PasswordBearer"),
			`{"flows":{"password":{"scopes":{},"tokenUrl":"token"}},"type":"oauth2"}`},
		{"scheme without scopes is listed with []", at(doc, "paths", "/key", "get", "security"), `[{"APIKeyHeader":[]}]`},
		{"public operation says security: [] (swaggest drops it)", at(doc, "paths", "/login", "post", "security"), `[]`},
		{"oauth2 without scopes is listed with []", at(doc, "paths", "/items/", "get", "security"), `[{"OAuth2PasswordBearer":[]}]`},
		{"form body is named Body_<operationId>", at(doc, "paths", "/login", "post", "requestBody", "content", "application/x-www-form-urlencoded", "schema"),
			`{"$ref":"#/components/schemas/Body_login_login_post"}`},
		{"form fields: required from typed, format password", at(doc, "components", "schemas", "Body_login_login_post"),
			`{"properties":{"client_id":{"type":"string"},"client_secret":{"format":"password","type":"string"},"grant_type":{"pattern":"^password$","type":"string"},"password":{"format":"password","type":"string"},"scope":{"default":"","type":"string"},"username":{"type":"string"}},"required":["username","password"],"type":"object"}`},
		{"pointer query parameter is optional, not nullable", at(doc, "paths", "/items/{item_id}", "put", "parameters"),
			`[{"in":"path","name":"item_id","required":true,"schema":{"type":"integer"}},` +
				`{"description":"Search text","in":"query","name":"q","required":false,"schema":{"description":"Search text","maxLength":50,"type":"string"}},` +
				`{"in":"query","name":"limit","required":false,"schema":{"default":10,"minimum":1,"type":"integer"}},` +
				`{"in":"query","name":"tag","required":false,"schema":{"items":{"type":"string"},"type":"array"}},` +
				`{"in":"header","name":"x-token","required":true,"schema":{"type":"string"}},` +
				`{"in":"cookie","name":"session","required":false,"schema":{"type":"string"}}]`},
		{"slices and maps are not nullable, pointers are; required from typed", at(doc, "components", "schemas", "Body_update_item_handler_items__item_id__put"),
			`{"properties":{"labels":{"items":{"type":"string"},"type":"array"},"meta":{"additionalProperties":{"type":"string"},"type":"object"},"name":{"type":"string"},"note":{"type":["null","string"]},"owner":{"$ref":"#/components/schemas/User"},"price":{"format":"double","type":"number"}},"required":["name","price","owner"],"type":"object"}`},
		{"untagged struct fields are required by Go type", at(doc, "components", "schemas", "User", "required"), `["username","disabled"]`},
		{"top-level map response is not nullable", at(doc, "paths", "/key", "get", "responses", "200", "content", "application/json", "schema"),
			`{"additionalProperties":{"type":"string"},"type":"object"}`},
	}
	for _, tt := range tests {
		if got := asJSON(tt.got); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
	for _, bad := range []string{"FormData", "null]", `"scopes":null`} {
		if strings.Contains(raw, bad) {
			t.Errorf("document contains %q", bad)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		build   func(*echov4.API)
		wantErr string
	}{
		{"two schemes, one name", func(api *echov4.API) {
			api.GET("/a", typed.Handle[struct{}, map[string]string](&security.OAuth2PasswordBearer{TokenURL: "token"}, readItems))
			api.GET("/b", typed.Handle[struct{}, map[string]string](&security.OAuth2PasswordBearer{TokenURL: "other"}, readItems))
		}, `two security schemes are named "OAuth2PasswordBearer"`},
		{"same operationId", func(api *echov4.API) {
			api.Register(typed.Operation{Method: http.MethodGet, Path: "/a", OperationID: "x"}, typed.Handle(typed.None, readFile))
			api.Register(typed.Operation{Method: http.MethodGet, Path: "/b", OperationID: "x"}, typed.Handle(typed.None, readFile))
		}, `operationId "x" of GET /b is also that of GET /a`},
		{"apiKey without name", func(api *echov4.API) {
			api.GET("/a", typed.Handle[struct{}, map[string]string](&fakeScheme{name: "APIKeyHeader", obj: security.SchemeObject{Type: "apiKey", In: "header"}}, readItems))
		}, `apiKey needs a Name`},
		{"oauth2 without flows", func(api *echov4.API) {
			s := &fakeScheme{name: "OAuth2", obj: security.SchemeObject{Type: "oauth2"}}
			api.GET("/a", typed.Handle[struct{}, map[string]string](s, readItems))
		}, `oauth2 needs at least one flow`},
		{"unknown type", func(api *echov4.API) {
			s := &fakeScheme{name: "X", obj: security.SchemeObject{Type: "magic"}}
			api.GET("/a", typed.Handle[struct{}, map[string]string](s, readItems))
		}, `unknown type "magic"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, api := newAPI(tt.build)
			_, err := openapi.Build(api, openapi.Config{})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestSchemeObjects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		obj  security.SchemeObject
		want string
	}{
		{"apikey query", security.SchemeObject{Type: "apiKey", In: "query", Name: "api_key"}, `{"in":"query","name":"api_key","type":"apiKey"}`},
		{"basic", security.SchemeObject{Type: "http", Scheme: "basic", Description: "HTTPBasic scheme"}, `{"description":"HTTPBasic scheme","scheme":"basic","type":"http"}`},
		{"bearer", security.SchemeObject{Type: "http", Scheme: "bearer", BearerFormat: "JWT"}, `{"bearerFormat":"JWT","scheme":"bearer","type":"http"}`},
		{"digest", security.SchemeObject{Type: "http", Scheme: "digest"}, `{"scheme":"digest","type":"http"}`},
		{"authorization code", security.SchemeObject{Type: "oauth2", Description: "OAuth2 Code Bearer", Flows: &security.OAuthFlows{
			AuthorizationCode: &security.OAuthFlow{AuthorizationURL: "authorize", TokenURL: "token", RefreshURL: "refresh"}}},
			`{"description":"OAuth2 Code Bearer","flows":{"authorizationCode":{"authorizationUrl":"authorize","refreshUrl":"refresh","scopes":{},"tokenUrl":"token"}},"type":"oauth2"}`},
		{"oauth2 flows", security.SchemeObject{Type: "oauth2", Flows: &security.OAuthFlows{
			Password:          &security.OAuthFlow{TokenURL: "token", Scopes: map[string]string{"read:users": "Read the users"}},
			Implicit:          &security.OAuthFlow{AuthorizationURL: "authorize"},
			ClientCredentials: &security.OAuthFlow{TokenURL: "token"}}},
			`{"flows":{"clientCredentials":{"scopes":{},"tokenUrl":"token"},"implicit":{"authorizationUrl":"authorize","scopes":{}},"password":{"scopes":{"read:users":"Read the users"},"tokenUrl":"token"}},"type":"oauth2"}`},
		{"openid connect", security.SchemeObject{Type: "openIdConnect", OpenIDConnectURL: "/openid"}, `{"openIdConnectUrl":"/openid","type":"openIdConnect"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, doc := buildJSON(t, func(api *echov4.API) {
				api.GET("/a", typed.Handle[struct{}, map[string]string](&fakeScheme{name: "S", obj: tt.obj}, readItems))
			})
			if got := asJSON(at(doc, "components", "securitySchemes", "S")); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	_, api := newAPI(scopesApp)
	spec, err := openapi.Build(api, openapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := openapi.Check(spec); err != nil {
		t.Fatalf("Check of a built document: %v", err)
	}
	items := spec.Paths.MapOfPathItemValues["/users/me/items/"]
	items.Get.Security = []map[string][]string{{"OAuth2PasswordBearer": {"items", "admin"}}, {"Missing": {}}}
	spec.Paths.MapOfPathItemValues["/users/me/items/"] = items
	spec.Paths.MapOfPathItemValues["/things/{id}"] = openapi31.PathItem{Get: &openapi31.Operation{
		Parameters: []openapi31.ParameterOrReference{{Parameter: &openapi31.Parameter{Name: "other", In: openapi31.ParameterInPath}}},
		Responses: &openapi31.Responses{MapOfResponseOrReferenceValues: map[string]openapi31.ResponseOrReference{"200": {Response: &openapi31.Response{
			Description: "ok", Content: map[string]openapi31.MediaType{"application/json": {Schema: map[string]any{"$ref": "#/components/schemas/Nope"}}},
		}}}},
	}}
	err = openapi.Check(spec)
	for _, want := range []string{
		`GET /users/me/items/: scope "admin" of security scheme "OAuth2PasswordBearer" is not declared in its flows`,
		`GET /users/me/items/: security scheme "Missing" is not defined`,
		`GET /things/{id}: path parameter "id" is not declared`,
		`GET /things/{id}: path parameter "other" is not in the path`,
		`$ref "#/components/schemas/Nope" leads nowhere`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check: %v\nwant %q", err, want)
		}
	}
}
