package openapi_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// The synthetic API of BenchmarkBuild200: 40 resources of five operations
// each (list, create, read, update, delete), each resource with its own
// types (generic types instantiated per resource, so that no two share a
// schema), parameters, bodies and security schemes.

type benchItem[K any] struct {
	ID          int       `json:"id"`
	Name        string    `json:"name"`
	Description *string   `json:"description,omitempty"`
	Tags        []string  `json:"tags"`
	Price       float64   `json:"price"`
	CreatedAt   time.Time `json:"created_at"`
}

type benchCreate[K any] struct {
	Name        string   `json:"name" validate:"required,min=1,max=100"`
	Description *string  `json:"description,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Price       float64  `json:"price" validate:"gte=0"`
}

type benchList[K any] struct {
	Limit  int     `query:"limit" default:"10" validate:"gte=1,lte=100"`
	Offset int     `query:"offset" default:"0" validate:"gte=0"`
	Q      *string `query:"q" description:"full-text filter"`
}

type benchID[K any] struct {
	ID int `path:"id"`
}

type benchUpdate[K any] struct {
	ID    int      `path:"id"`
	Name  *string  `json:"name,omitempty"`
	Price *float64 `json:"price,omitempty"`
}

// benchResource registers the five operations of resource i, whose types
// are instantiated with K.
func benchResource[K any](api *echov4.API, i int) {
	name := fmt.Sprintf("r%02d", i)
	base, one, tags := "/"+name+"/", "/"+name+"/:id", []string{name}
	key := &security.APIKeyHeader{Name: "X-API-Key"}
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"write": "Change resources."}}
	api.Register(typed.Operation{Method: http.MethodGet, Path: base, OperationID: "list_" + name, Tags: tags},
		typed.Handle(security.Security(key), func(echo.Context, benchList[K], string) ([]benchItem[K], error) { return nil, nil }))
	api.Register(typed.Operation{Method: http.MethodPost, Path: base, OperationID: "create_" + name, Tags: tags, Status: http.StatusCreated},
		typed.Handle(security.Security(oauth2, "write"), func(echo.Context, benchCreate[K], string) (benchItem[K], error) {
			return benchItem[K]{}, nil
		}))
	api.Register(typed.Operation{Method: http.MethodGet, Path: one, OperationID: "read_" + name, Tags: tags},
		typed.Plain(func(echo.Context, benchID[K]) (benchItem[K], error) { return benchItem[K]{}, nil }))
	api.Register(typed.Operation{Method: http.MethodPut, Path: one, OperationID: "update_" + name, Tags: tags},
		typed.Handle(&security.HTTPBasic{}, func(echo.Context, benchUpdate[K], security.HTTPBasicCredentials) (benchItem[K], error) {
			return benchItem[K]{}, nil
		}))
	api.Register(typed.Operation{Method: http.MethodDelete, Path: one, OperationID: "delete_" + name, Tags: tags, Status: http.StatusNoContent},
		typed.Handle(&security.HTTPBearer{}, func(echo.Context, benchID[K], security.HTTPAuthorizationCredentials) (struct{}, error) {
			return struct{}{}, nil
		}))
}

// benchResources register the 40 resources, each with its own K.
var benchResources = []func(*echov4.API, int){
	benchResource[[0]int], benchResource[[1]int], benchResource[[2]int], benchResource[[3]int],
	benchResource[[4]int], benchResource[[5]int], benchResource[[6]int], benchResource[[7]int],
	benchResource[[8]int], benchResource[[9]int], benchResource[[10]int], benchResource[[11]int],
	benchResource[[12]int], benchResource[[13]int], benchResource[[14]int], benchResource[[15]int],
	benchResource[[16]int], benchResource[[17]int], benchResource[[18]int], benchResource[[19]int],
	benchResource[[20]int], benchResource[[21]int], benchResource[[22]int], benchResource[[23]int],
	benchResource[[24]int], benchResource[[25]int], benchResource[[26]int], benchResource[[27]int],
	benchResource[[28]int], benchResource[[29]int], benchResource[[30]int], benchResource[[31]int],
	benchResource[[32]int], benchResource[[33]int], benchResource[[34]int], benchResource[[35]int],
	benchResource[[36]int], benchResource[[37]int], benchResource[[38]int], benchResource[[39]int],
}

// BenchmarkBuild200 measures Build and JSON of an API of 200 operations:
// its schemas are reflected once per Go type and the document is encoded
// once.
func BenchmarkBuild200(b *testing.B) {
	_, api := newAPI(func(api *echov4.API) {
		for i, add := range benchResources {
			add(api, i)
		}
	})
	cfg := openapi.Config{Title: "bench", Version: "1.0.0"}
	b.Run("Build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := openapi.Build(api, cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("JSON", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := openapi.JSON(api, cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}
