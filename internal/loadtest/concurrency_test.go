package loadtest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type who struct {
	Name   string   `json:"name"`
	Scopes []string `json:"scopes,omitempty"`
}

type itemQuery struct {
	N int `query:"n"`
}

type itemAnswer struct {
	Who string `json:"who"`
	N   int    `json:"n"`
}

// app serves one route per extraction path; every answer repeats the
// credential (and the request's own query value), so a response carrying
// another request's data shows up.
func app() *echo.Echo {
	header := &security.APIKeyHeader{Name: "x-key"}
	query := &security.APIKeyQuery{Name: "api_key"}
	cookie := &security.APIKeyCookie{Name: "session"}
	basic := &security.HTTPBasic{}
	bearer := &security.HTTPBearer{}
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"me": "Me", "items": "Items"}}
	current := typed.Depends2(security.Scopes(), oauth2, func(_ echo.Context, s security.SecurityScopes, tok string) (who, error) {
		name, _, _ := strings.Cut(tok, ":")
		return who{Name: name, Scopes: s.Scopes}, nil
	})
	active := typed.Depends(security.Security(current, "me"), func(_ echo.Context, u who) (who, error) { return u, nil })

	e := echo.New()
	api := echov4.New(e)
	key := func(_ echo.Context, q itemQuery, k string) (itemAnswer, error) { return itemAnswer{k, q.N}, nil }
	api.GET("/header", typed.Handle(header, key))
	api.GET("/query", typed.Handle(query, key))
	api.GET("/cookie", typed.Handle(cookie, key))
	api.GET("/basic", typed.Handle(basic, func(_ echo.Context, q itemQuery, c security.HTTPBasicCredentials) (itemAnswer, error) {
		return itemAnswer{c.Username + ":" + c.Password, q.N}, nil
	}))
	api.GET("/bearer", typed.Handle(bearer, func(_ echo.Context, q itemQuery, c security.HTTPAuthorizationCredentials) (itemAnswer, error) {
		return itemAnswer{c.Credentials, q.N}, nil
	}))
	api.GET("/items", typed.Handle(security.Security(active, "items"), func(_ echo.Context, _ struct{}, u who) (who, error) { return u, nil }))
	api.POST("/token", typed.Handle(forms.Password(nil), func(_ echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (who, error) {
		return who{Name: f.Username + ":" + f.Password, Scopes: f.Scopes}, nil
	}))
	return e
}

type probe struct {
	req    *http.Request
	want   string // expected status and body; "" checks only secret
	status int    // expected status when want is ""
	secret string // sent by the request; must not be in an error body
}

// probes returns the requests of client i, round j, with their answers.
func probes(base string, i, j int) []probe {
	id := fmt.Sprintf("c%dr%d", i, j)
	n := i*1000 + j
	get := func(path string, set func(*http.Request)) *http.Request {
		r, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s%s?n=%d", base, path, n), nil)
		set(r)
		return r
	}
	ok := func(body string) string { return "200 " + body }
	key := ok(fmt.Sprintf(`{"who":%q,"n":%d}`, id, n))
	form := url.Values{"username": {id}, "password": {"pw-" + id}, "scope": {"me items"}}.Encode()
	tok, _ := http.NewRequest(http.MethodPost, base+"/token", strings.NewReader(form))
	tok.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	list := []probe{
		{req: get("/header", func(r *http.Request) { r.Header.Set("x-key", id) }), want: key},
		{req: get("/cookie", func(r *http.Request) { r.Header.Set("Cookie", "a=1; session="+id) }), want: key},
		{req: get("/basic", func(r *http.Request) { r.SetBasicAuth(id, "pw") }), want: ok(fmt.Sprintf(`{"who":"%s:pw","n":%d}`, id, n))},
		{req: get("/bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+id) }), want: key},
		{req: get("/items", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+id+":x") }), want: ok(fmt.Sprintf(`{"name":%q,"scopes":["items","me"]}`, id))},
		{req: tok, want: ok(fmt.Sprintf(`{"name":"%s:pw-%s","scopes":["me","items"]}`, id, id))},
		// Failures interleave with successes: nothing of theirs leaks.
		{req: get("/header", func(*http.Request) {}), want: `401 {"detail":"Not authenticated"}`},
		{req: get("/basic", func(r *http.Request) { r.Header.Set("Authorization", "Basic !!!") }), want: `401 {"detail":"Not authenticated"}`},
	}
	q, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/query?n=%d&api_key=%s", base, n, id), nil)
	list = append(list, probe{req: q, want: key})
	// Failures carrying secrets: the secret never comes back.
	secret := "s3cret-" + id
	noUser, _ := http.NewRequest(http.MethodPost, base+"/token", strings.NewReader("password="+secret+"&grant_type=nope"))
	noUser.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	noColon := get("/basic", func(r *http.Request) {
		r.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(secret)))
	})
	wrongScheme := get("/bearer", func(r *http.Request) { r.Header.Set("Authorization", "Token "+secret) })
	return append(list,
		probe{req: noUser, status: 422, secret: secret},
		probe{req: noColon, status: 401, secret: secret},
		probe{req: wrongScheme, status: 401, secret: secret})
}

// TestConcurrentClients: 50 clients, each sending its own credentials, get
// exactly their own answers: no credential, scope or body crosses requests
// (the request state is pooled, so this is what catches a reuse bug).
func TestConcurrentClients(t *testing.T) {
	srv := httptest.NewServer(app())
	defer srv.Close()
	const clients, rounds = 50, 8
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var wg sync.WaitGroup
	errs := make(chan string, clients)
	var total sync.Map
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			count := 0
			for j := 0; j < rounds; j++ {
				for _, p := range probes(srv.URL, i, j) {
					res, err := client.Do(p.req)
					if err != nil {
						errs <- err.Error()
						return
					}
					body, _ := io.ReadAll(res.Body)
					res.Body.Close()
					got := fmt.Sprintf("%d %s", res.StatusCode, strings.TrimSpace(string(body)))
					if p.secret != "" && strings.Contains(string(body), p.secret) {
						errs <- fmt.Sprintf("%s %s: secret echoed: %s", p.req.Method, p.req.URL.Path, body)
						return
					}
					if p.want == "" && res.StatusCode != p.status || p.want != "" && !same(got, p.want) {
						errs <- fmt.Sprintf("%s %s: got %s, want %s", p.req.Method, p.req.URL.Path, got, p.want)
						return
					}
					count++
				}
			}
			total.Store(i, count)
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	sum := 0
	total.Range(func(_, v any) bool { sum += v.(int); return true })
	if want := clients * rounds * len(probes("", 0, 0)); sum != want {
		t.Errorf("%d answers checked, want %d", sum, want)
	}
}

// same compares "status body" strings, the bodies as JSON.
func same(got, want string) bool {
	gs, gb, _ := strings.Cut(got, " ")
	ws, wb, _ := strings.Cut(want, " ")
	var a, b any
	if gs != ws || json.Unmarshal([]byte(gb), &a) != nil || json.Unmarshal([]byte(wb), &b) != nil {
		return false
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}
