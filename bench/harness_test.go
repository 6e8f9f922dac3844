package bench

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// writer is a reusable http.ResponseWriter: reset keeps its header map and
// body buffer, so that serving a request costs the harness nothing.
type writer struct {
	h    http.Header
	code int
	body []byte
}

func newWriter() *writer { return &writer{h: make(http.Header, 8), body: make([]byte, 0, 4096)} }

func (w *writer) Header() http.Header { return w.h }

func (w *writer) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *writer) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	w.body = append(w.body, p...)
	return len(p), nil
}

func (w *writer) reset() {
	clear(w.h)
	w.code = 0
	w.body = w.body[:0]
}

// rewindBody is a request body that can be read again after Reset.
type rewindBody struct{ strings.Reader }

func (*rewindBody) Close() error { return nil }

// request is a request built once and served many times.
type request struct {
	req  *http.Request
	body *rewindBody // nil: no body
	text string
}

// get returns a GET request for target with header pairs (name, value, …).
func get(target string, header ...string) *request {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	return &request{req: r}
}

// postForm returns a POST of body as application/x-www-form-urlencoded.
func postForm(target, body string) *request {
	rb := &rewindBody{}
	rb.Reset(body)
	r := httptest.NewRequest(http.MethodPost, target, rb)
	r.Header.Set(echo.HeaderContentType, echo.MIMEApplicationForm)
	r.ContentLength = int64(len(body))
	return &request{req: r, body: rb, text: body}
}

// reset makes r as it was before it was served: body rewound and put back
// (a server may have wrapped it), parsed forms dropped.
func (r *request) reset() {
	if r.body != nil {
		r.body.Reset(r.text)
		r.req.Body = r.body
	}
	r.req.Form, r.req.PostForm, r.req.MultipartForm = nil, nil, nil
}

// impl is one implementation of a path.
type impl struct {
	name string
	h    http.Handler
}

// benchCase is one request of a path and the status every implementation
// must answer it with.
type benchCase struct {
	name   string // OK, Missing, Invalid
	status int
	req    *request
}

// path is one extraction path: its implementations and its cases.
type path struct {
	name  string
	impls []impl
	cases []benchCase
}

// answer is what the check compares.
type answer struct {
	status      int
	contentType string
	challenge   string
	body        string
}

func (a answer) String() string {
	return fmt.Sprintf("%d %s [WWW-Authenticate: %q] %s", a.status, a.contentType, a.challenge, a.body)
}

// same reports whether a and b are the same answer: the auth-scheme of
// the challenge is compared without case (RFC 9110 §11.1), the rest
// exactly; the media type without parameters.
func (a answer) same(b answer) bool {
	if a.status != b.status || a.contentType != b.contentType || a.body != b.body {
		return false
	}
	as, ap, _ := strings.Cut(a.challenge, " ")
	bs, bp, _ := strings.Cut(b.challenge, " ")
	return strings.EqualFold(as, bs) && ap == bp
}

func serve(h http.Handler, w *writer, r *request) answer {
	w.reset()
	r.reset()
	h.ServeHTTP(w, r.req)
	ct, _, _ := mime.ParseMediaType(w.h.Get(echo.HeaderContentType))
	return answer{
		status:      w.code,
		contentType: ct,
		challenge:   strings.Join(w.h.Values(echo.HeaderWWWAuthenticate), ", "),
		body:        string(bytes.TrimRight(w.body, "\n")),
	}
}

// check serves c with every implementation of p and fails unless all give
// c's status and the same answer.
func (p *path) check(c benchCase) (answer, error) {
	w := newWriter()
	var first answer
	for i, im := range p.impls {
		got := serve(im.h, w, c.req)
		if got.status != c.status {
			return got, fmt.Errorf("%s/%s/%s: status %d, want %d: %v", p.name, c.name, im.name, got.status, c.status, got)
		}
		if i == 0 {
			first = got
			continue
		}
		if !got.same(first) {
			return got, fmt.Errorf("%s/%s: %s answers\n\t%v\nbut %s answers\n\t%v", p.name, c.name, im.name, got, p.impls[0].name, first)
		}
	}
	return first, nil
}

// run is Benchmark<Path>: one sub-benchmark per case and implementation,
// after checking that the implementations agree on the case.
func (p *path) run(b *testing.B) {
	for _, c := range p.cases {
		b.Run(c.name, func(b *testing.B) {
			if _, err := p.check(c); err != nil {
				b.Fatal(err)
			}
			for _, im := range p.impls {
				b.Run(im.name, func(b *testing.B) {
					w := newWriter()
					serve(im.h, w, c.req) // first use prepares lazy state
					b.ReportAllocs()
					for b.Loop() {
						w.reset()
						c.req.reset()
						im.h.ServeHTTP(w, c.req.req)
					}
					if w.code != c.status {
						b.Fatalf("status %d, want %d", w.code, c.status)
					}
				})
			}
		})
	}
}

// allPaths lists every path, in the order of the benchmarks.
var allPaths = []func() *path{
	apiKeyHeaderPath, apiKeyQueryPath, apiKeyCookiePath,
	basicPath, bearerPath, digestPath, oauth2BearerPath, oauth2ScopesPath,
	passwordFormPath, passwordFormStrictPath,
}

// TestSameAnswers is the check of every benchmark, as a test.
func TestSameAnswers(t *testing.T) {
	for _, mk := range allPaths {
		p := mk()
		t.Run(p.name, func(t *testing.T) {
			for _, c := range p.cases {
				a, err := p.check(c)
				if err != nil {
					t.Error(err)
					continue
				}
				t.Logf("%s: %v", c.name, a)
			}
		})
	}
}

// TestHarnessAllocs makes sure the harness itself allocates nothing per
// request, so that allocs/op are the implementation's.
func TestHarnessAllocs(t *testing.T) {
	nop := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	w := newWriter()
	r := postForm("/token", "a=b")
	if n := testing.AllocsPerRun(100, func() {
		w.reset()
		r.reset()
		nop.ServeHTTP(w, r.req)
	}); n != 0 {
		t.Fatalf("harness allocates %v times per request", n)
	}
}
