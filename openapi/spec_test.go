package openapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

func ok[Req any](echo.Context, Req) (struct{}, error) { return struct{}{}, nil }

// document builds the document of the routes that build registers, or
// fails the test.
func document(t *testing.T, build func(api *echov4.API)) map[string]any {
	t.Helper()
	api := echov4.New(echo.New())
	build(api)
	raw, err := openapi.JSON(api, openapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// The spec bugs of issue 13: what Check refuses, Build and Mount refuse
// with Check's message; a route registered twice is documented once.
func TestBuildRefusesWhatCheckRefuses(t *testing.T) {
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"read": "Read."}}
	type byID struct {
		ID string `path:"id"`
	}
	type byItemID struct {
		ItemID string `path:"item_id"`
	}
	type hiddenPath struct {
		ID string `path:"id" hidden:"true"`
	}
	tests := []struct {
		name  string
		build func(api *echov4.API)
		want  string
	}{
		{"undeclared scope", func(api *echov4.API) {
			api.GET("/items", typed.Handle[struct{}, map[string]string](security.Security(oauth2, "write"), readItems))
		}, `openapi: GET /items: scope "write" of security scheme "OAuth2PasswordBearer" is not declared in its flows`},
		{"paths that differ only in parameter names", func(api *echov4.API) {
			api.GET("/items/:id", typed.Plain(ok[byID]))
			api.DELETE("/items/:item_id", typed.Plain(ok[byItemID]))
		}, `openapi: paths "/items/{id}" and "/items/{item_id}" differ only in the names of their parameters; name them alike`},
		{"hidden path parameter", func(api *echov4.API) {
			api.GET("/items/:id", typed.Plain(ok[hiddenPath]))
		}, `openapi: path parameter "id" cannot be hidden: the path names it (GET /items/{id})`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := echov4.New(echo.New())
			tt.build(api)
			_, err := openapi.Build(api, openapi.Config{})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Build: %v, want %s", err, tt.want)
			}
			if err := openapi.Mount(api, openapi.Config{}); err == nil || err.Error() != tt.want {
				t.Errorf("Mount: %v, want %s", err, tt.want)
			}
		})
	}
}

// Check finds paths that differ only in the names of their parameters in
// a document edited after Build.
func TestCheckSamePaths(t *testing.T) {
	api := echov4.New(echo.New())
	api.GET("/a/:x", typed.Plain(ok[struct {
		X string `path:"x"`
	}]))
	spec, err := openapi.Build(api, openapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	spec.Paths.MapOfPathItemValues["/a/{y}"] = spec.Paths.MapOfPathItemValues["/a/{x}"]
	err = openapi.Check(spec)
	if err == nil || !strings.Contains(err.Error(), `paths "/a/{x}" and "/a/{y}" differ only in the names of their parameters`) {
		t.Errorf("Check: %v", err)
	}
}

// A route registered twice for one method and path (Echo v4 serves the
// last) is documented as its last registration, not refused.
func TestRegisteredTwice(t *testing.T) {
	type first struct {
		A string `query:"a"`
	}
	type second struct {
		B string `query:"b"`
	}
	type byID struct {
		ID string `path:"id"`
	}
	type byItemID struct {
		ItemID string `path:"item_id"`
	}
	doc := document(t, func(api *echov4.API) {
		api.GET("/items", typed.Plain(ok[first]))
		api.GET("/items", typed.Plain(ok[second]))
		api.GET("/items/:id", typed.Plain(ok[byID]))
		api.GET("/items/:item_id", typed.Plain(ok[byItemID]))
	})
	if got := jsonOf(dig(doc, "paths", "/items", "get", "parameters")); got != `[{"in":"query","name":"b","required":true,"schema":{"type":"string"}}]` {
		t.Errorf("GET /items parameters %s, want the second registration's", got)
	}
	paths, _ := doc["paths"].(map[string]any)
	if _, ok := paths["/items/{item_id}"]; !ok || len(paths) != 2 {
		t.Errorf("paths %v, want /items and /items/{item_id}", jsonOf(paths))
	}
}

// A hidden parameter (FastAPI's include_in_schema=False) is left out of
// the document but still read; an operation with parameters documents its
// 422 all the same.
func TestHiddenParameter(t *testing.T) {
	type query struct {
		Shown  string  `query:"shown"`
		Secret *string `query:"secret" hidden:"true" validate:"min=3"`
	}
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	api.GET("/items", typed.Plain(func(_ echo.Context, q query) (map[string]string, error) {
		return map[string]string{"secret": *q.Secret}, nil
	}))
	if err := openapi.Mount(api, openapi.Config{}); err != nil {
		t.Fatal(err)
	}
	doc := document(t, func(api *echov4.API) {
		api.GET("/items", typed.Plain(ok[query]))
	})
	if got := jsonOf(dig(doc, "paths", "/items", "get", "parameters")); got != `[{"in":"query","name":"shown","required":true,"schema":{"type":"string"}}]` {
		t.Errorf("parameters %s", got)
	}
	if dig(doc, "paths", "/items", "get", "responses", "422") == nil {
		t.Error("no 422")
	}
	for _, c := range []struct{ target, want string }{
		{"/items?shown=1&secret=abc", `{"secret":"abc"}`},
		{"/items?shown=1&secret=ab", `{"detail":[{"type":"string_too_short","loc":["query","secret"],"msg":"String should have at least 3 characters","input":"ab","ctx":{"min_length":3}}]}`},
	} {
		if got := serve(e, http.MethodGet, c.target); got != c.want {
			t.Errorf("%s: %s, want %s", c.target, got, c.want)
		}
	}
}

// Echo's wildcard is the path parameter "path", declared or not.
func TestWildcard(t *testing.T) {
	type file struct {
		Path string `path:"*"`
	}
	doc := document(t, func(api *echov4.API) {
		api.GET("/files/*", typed.Plain(ok[file]))
		api.GET("/static*", typed.Plain(ok[struct{}]))
	})
	if got := jsonOf(dig(doc, "paths", "/files/{path}", "get", "parameters")); got != `[{"in":"path","name":"path","required":true,"schema":{"type":"string"}}]` {
		t.Errorf("/files/{path} parameters %s", got)
	}
	if got := jsonOf(dig(doc, "paths", "/static{path}", "get", "parameters")); got != `[{"in":"path","name":"path","required":true,"schema":{"type":"string"}}]` {
		t.Errorf("/static{path} parameters %s", got)
	}
}

// A scheme under security.Optional documents a 401 only if it can still
// answer one: HTTP Basic rejects a header it cannot decode; an API key
// never rejects anything.
func TestOptional401(t *testing.T) {
	key := &security.APIKeyHeader{Name: "x-key"}
	basic := &security.HTTPBasic{}
	doc := document(t, func(api *echov4.API) {
		api.GET("/key", typed.Handle(security.Optional[string](key), func(echo.Context, struct{}, *string) (struct{}, error) { return struct{}{}, nil }))
		api.GET("/basic", typed.Handle(security.Optional[security.HTTPBasicCredentials](basic), func(echo.Context, struct{}, *security.HTTPBasicCredentials) (struct{}, error) {
			return struct{}{}, nil
		}))
		api.GET("/both", typed.Handle(typed.Depends2(security.Optional[string](key), key, func(_ echo.Context, _ *string, _ string) (struct{}, error) {
			return struct{}{}, nil
		}), func(echo.Context, struct{}, struct{}) (struct{}, error) { return struct{}{}, nil }))
	})
	for path, want := range map[string]bool{"/key": false, "/basic": true, "/both": true} {
		if got := dig(doc, "paths", path, "get", "responses", "401") != nil; got != want {
			t.Errorf("%s documents a 401: %v, want %v", path, got, want)
		}
		if dig(doc, "paths", path, "get", "security") == nil {
			t.Errorf("%s: no security", path)
		}
	}
}

func serve(h http.Handler, method, target string) string {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return strings.TrimSpace(rec.Body.String())
}
