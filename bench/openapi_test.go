package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v4"
)

// The OpenAPI benchmarks document an API of n operations: n/5 resources,
// each with list, create, read, update and delete, their own request and
// response types (generic types instantiated per resource, so that no two
// resources share a schema), parameters and bodies, and a security scheme
// per operation (API key, OAuth2 with scopes, none, Basic, Bearer).

// Resource is a resource as read.
type Resource[K any] struct {
	ID          int       `json:"id"`
	Name        string    `json:"name"`
	Description *string   `json:"description,omitempty"`
	Tags        []string  `json:"tags"`
	Price       float64   `json:"price"`
	CreatedAt   time.Time `json:"created_at"`
}

// ResourceCreate is the body that creates a resource.
type ResourceCreate[K any] struct {
	Name        string   `json:"name" validate:"required,min=1,max=100"`
	Description *string  `json:"description,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Price       float64  `json:"price" validate:"gte=0"`
}

// ResourceList is the query of a list.
type ResourceList[K any] struct {
	Limit  int     `query:"limit" default:"10" validate:"gte=1,lte=100"`
	Offset int     `query:"offset" default:"0" validate:"gte=0"`
	Q      *string `query:"q" description:"full-text filter"`
}

// ResourceID is the path of one resource.
type ResourceID[K any] struct {
	ID int `path:"id"`
}

// ResourceUpdate is the path and body of an update.
type ResourceUpdate[K any] struct {
	ID    int      `path:"id"`
	Name  *string  `json:"name,omitempty"`
	Price *float64 `json:"price,omitempty"`
}

// The resource kinds: 40, for 200 operations.
type (
	k00 struct{}
	k01 struct{}
	k02 struct{}
	k03 struct{}
	k04 struct{}
	k05 struct{}
	k06 struct{}
	k07 struct{}
	k08 struct{}
	k09 struct{}
	k10 struct{}
	k11 struct{}
	k12 struct{}
	k13 struct{}
	k14 struct{}
	k15 struct{}
	k16 struct{}
	k17 struct{}
	k18 struct{}
	k19 struct{}
	k20 struct{}
	k21 struct{}
	k22 struct{}
	k23 struct{}
	k24 struct{}
	k25 struct{}
	k26 struct{}
	k27 struct{}
	k28 struct{}
	k29 struct{}
	k30 struct{}
	k31 struct{}
	k32 struct{}
	k33 struct{}
	k34 struct{}
	k35 struct{}
	k36 struct{}
	k37 struct{}
	k38 struct{}
	k39 struct{}
)

// resourceKind registers the five operations of one resource on either
// Echo adapter (add5 is in echov5_test.go).
type resourceKind interface {
	add4(api *echov4.API, s *docSchemes, i int)
	add5(api *echov5.API, s *docSchemes, i int)
}

// kind is the resource kind K.
type kind[K any] struct{}

func (kind[K]) add4(api *echov4.API, s *docSchemes, i int) {
	addResource[K](func(op typed.Operation, h *typed.Handler[echo.Context]) { api.Register(op, h) }, s, i)
}

var resourceKinds = []resourceKind{
	kind[k00]{}, kind[k01]{}, kind[k02]{}, kind[k03]{}, kind[k04]{},
	kind[k05]{}, kind[k06]{}, kind[k07]{}, kind[k08]{}, kind[k09]{},
	kind[k10]{}, kind[k11]{}, kind[k12]{}, kind[k13]{}, kind[k14]{},
	kind[k15]{}, kind[k16]{}, kind[k17]{}, kind[k18]{}, kind[k19]{},
	kind[k20]{}, kind[k21]{}, kind[k22]{}, kind[k23]{}, kind[k24]{},
	kind[k25]{}, kind[k26]{}, kind[k27]{}, kind[k28]{}, kind[k29]{},
	kind[k30]{}, kind[k31]{}, kind[k32]{}, kind[k33]{}, kind[k34]{},
	kind[k35]{}, kind[k36]{}, kind[k37]{}, kind[k38]{}, kind[k39]{},
}

// docSchemes are the schemes the documented operations use.
type docSchemes struct {
	key    *security.APIKeyHeader
	oauth2 *security.OAuth2PasswordBearer
	basic  *security.HTTPBasic
	bearer *security.HTTPBearer
}

func newDocSchemes() *docSchemes {
	return &docSchemes{
		key: &security.APIKeyHeader{Name: "X-API-Key"},
		oauth2: &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{
			"read": "Read resources.", "write": "Change resources.",
		}},
		basic:  &security.HTTPBasic{Realm: "admin"},
		bearer: &security.HTTPBearer{BearerFormat: "JWT"},
	}
}

// addResource registers resource i of kind K with reg, the Register of an
// adapter whose host context is C.
func addResource[K, C any](reg func(typed.Operation, *typed.Handler[C]), s *docSchemes, i int) {
	name := fmt.Sprintf("r%02d", i)
	base := "/" + name + "/"
	one := base + ":id"
	tags := []string{name}
	reg(typed.Operation{Method: http.MethodGet, Path: base, OperationID: "list_" + name, Tags: tags},
		typed.Handle(security.Security(s.key), func(_ C, _ ResourceList[K], _ string) ([]Resource[K], error) {
			return nil, nil
		}))
	reg(typed.Operation{Method: http.MethodPost, Path: base, OperationID: "create_" + name, Tags: tags, Status: http.StatusCreated},
		typed.Handle(security.Security(s.oauth2, "write"), func(_ C, _ ResourceCreate[K], _ string) (Resource[K], error) {
			return Resource[K]{}, nil
		}))
	reg(typed.Operation{Method: http.MethodGet, Path: one, OperationID: "read_" + name, Tags: tags},
		typed.Plain(func(_ C, _ ResourceID[K]) (Resource[K], error) { return Resource[K]{}, nil }))
	reg(typed.Operation{Method: http.MethodPut, Path: one, OperationID: "update_" + name, Tags: tags},
		typed.Handle(s.basic, func(_ C, _ ResourceUpdate[K], _ security.HTTPBasicCredentials) (Resource[K], error) {
			return Resource[K]{}, nil
		}))
	reg(typed.Operation{Method: http.MethodDelete, Path: one, OperationID: "delete_" + name, Tags: tags, Status: http.StatusNoContent},
		typed.Handle(s.bearer, func(_ C, _ ResourceID[K], _ security.HTTPAuthorizationCredentials) (struct{}, error) {
			return struct{}{}, nil
		}))
}

// docAPI registers n operations (a multiple of 5, at most 200) on a new
// Echo.
func docAPI(n int) (*echo.Echo, *echov4.API) {
	if n%5 != 0 || n/5 > len(resourceKinds) {
		panic("docAPI: n must be a multiple of 5, at most " + strconv.Itoa(5*len(resourceKinds)))
	}
	e := newEcho()
	api := echov4.New(e)
	s := newDocSchemes()
	for i := range n / 5 {
		resourceKinds[i].add4(api, s, i)
	}
	return e, api
}

var docConfig = openapi.Config{Title: "bench", Version: "1.0.0"}

var docSizes = []int{20, 200}

// BenchmarkOpenAPI measures the document of 20 and 200 operations:
//
//   - Build: openapi.Build of a registered API (the spec as Go values);
//   - JSON/warm: openapi.JSON, the encoded bytes, of a registered API;
//   - JSON/cold: registering the operations on a new Echo and then
//     openapi.JSON, as a program does once at start (Go's own type caches
//     are warm after the first iteration: BenchmarkOpenAPIFirst measures
//     a new process);
//   - Serve/fastecho: GET /openapi.json served by openapi.Mount, against
//     Serve/raw, an Echo route sending the same bytes with c.Blob.
func BenchmarkOpenAPI(b *testing.B) {
	for _, n := range docSizes {
		_, api := docAPI(n)
		b.Run(fmt.Sprintf("Build/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := openapi.Build(api, docConfig); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("JSON/%d/warm", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := openapi.JSON(api, docConfig); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("JSON/%d/cold", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, api := docAPI(n)
				if _, err := openapi.JSON(api, docConfig); err != nil {
					b.Fatal(err)
				}
			}
		})
		mounted, raw := docServers(b, n)
		mounted5, raw5 := docServers5(b, n)
		for _, im := range []impl{{"raw", raw}, {"fastecho", mounted}, {"raw5", raw5}, {"fastecho5", mounted5}} {
			b.Run(fmt.Sprintf("Serve/%d/%s", n, im.name), func(b *testing.B) {
				w, req := newWriter(), get("/openapi.json")
				serve(im.h, w, req)
				b.ReportAllocs()
				for b.Loop() {
					w.reset()
					im.h.ServeHTTP(w, req.req)
				}
				if w.code != http.StatusOK {
					b.Fatalf("status %d", w.code)
				}
			})
		}
	}
}

// docServers returns an Echo serving the document of n operations with
// openapi.Mount, and one serving the same bytes from a plain route.
func docServers(tb testing.TB, n int) (mounted, raw http.Handler) {
	e, api := docAPI(n)
	if err := openapi.Mount(api, docConfig); err != nil {
		tb.Fatal(err)
	}
	doc, err := openapi.JSON(api, docConfig)
	if err != nil {
		tb.Fatal(err)
	}
	r := newEcho()
	r.GET("/openapi.json", func(c echo.Context) error { return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, doc) })
	return e, r
}

// TestOpenAPIDocument checks the document the benchmarks build: every
// operation present, each resource's schemas its own, the mounted bytes
// equal to openapi.JSON's.
func TestOpenAPIDocument(t *testing.T) {
	for _, n := range docSizes {
		_, api := docAPI(n)
		raw, err := openapi.JSON(api, docConfig)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Paths      map[string]map[string]json.RawMessage
			Components struct{ Schemas map[string]json.RawMessage }
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		ops := 0
		for _, item := range doc.Paths {
			ops += len(item)
		}
		if ops != n {
			t.Errorf("%d operations documented, want %d", ops, n)
		}
		if len(doc.Components.Schemas) < 2*n/5 {
			t.Errorf("%d schemas for %d resources: %v", len(doc.Components.Schemas), n/5, slices.Sorted(maps.Keys(doc.Components.Schemas)))
		}
		mounted, _ := docServers(t, n)
		mounted5, _ := docServers5(t, n)
		for _, m := range []impl{{"fastecho", mounted}, {"fastecho5", mounted5}} {
			if got := serve(m.h, newWriter(), get("/openapi.json")); got.status != http.StatusOK || got.body != string(bytes.TrimRight(raw, "\n")) {
				t.Errorf("%s /openapi.json: %d, %d bytes; want openapi.JSON's %d bytes", m.name, got.status, len(got.body), len(raw))
			}
		}
	}
}

// coldEnv asks the test binary, run again as a child, for one first-build
// measurement of that many operations.
const coldEnv = "FASTECHO_BENCH_COLD_OPS"

// BenchmarkOpenAPIFirst is the cold start the target is about: each
// iteration runs this test binary again, and the new process registers n
// operations and calls openapi.JSON once. ns/op is the median of those
// first openapi.JSON calls over at least minColdStarts children
// (registration is reported apart, as register-ns/op); the process itself
// is not timed.
func BenchmarkOpenAPIFirst(b *testing.B) {
	for _, n := range docSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var build, register []float64
			measure := func() {
				reg, bld, err := coldStart(n)
				if err != nil {
					b.Fatal(err)
				}
				register, build = append(register, reg), append(build, bld)
			}
			for b.Loop() {
				measure()
			}
			// At a short -benchtime one or two children would decide the
			// median; a busy machine needs a few more.
			for len(build) < minColdStarts {
				measure()
			}
			b.ReportMetric(median(build), "ns/op")
			b.ReportMetric(median(register), "register-ns/op")
		})
	}
}

// minColdStarts is the fewest children BenchmarkOpenAPIFirst runs: its
// ns/op is their median.
const minColdStarts = 5

// coldStart runs the child and returns its registration and first-build
// times in nanoseconds.
func coldStart(n int) (register, build float64, err error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenAPIColdChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), coldEnv+"="+strconv.Itoa(n))
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Errorf("cold child: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "cold "); ok {
			if _, err := fmt.Sscan(rest, &register, &build); err != nil {
				return 0, 0, fmt.Errorf("cold child: %q: %v", line, err)
			}
			return register, build, nil
		}
	}
	return 0, 0, fmt.Errorf("cold child printed no measure:\n%s", out)
}

// TestOpenAPIColdChild is the child of BenchmarkOpenAPIFirst; it does
// nothing unless coldEnv is set.
func TestOpenAPIColdChild(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(coldEnv))
	if err != nil {
		t.Skip("run by BenchmarkOpenAPIFirst")
	}
	start := time.Now()
	_, api := docAPI(n)
	registered := time.Now()
	if _, err := openapi.JSON(api, docConfig); err != nil {
		t.Fatal(err)
	}
	built := time.Now()
	fmt.Printf("cold %d %d\n", registered.Sub(start).Nanoseconds(), built.Sub(registered).Nanoseconds())
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
