package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

const (
	testClient   = "fastecho-demo"
	testRedirect = "http://127.0.0.1:8000/docs/oauth2-redirect"
	testVerifier = "dBjftJeZ4CK-P-this-is-a-test-verifier-of-43-plus-characters"
)

func challengeOf(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// noRedirects is a client that stops at the provider's redirects, to read
// them.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func startProvider(t *testing.T) *devProvider {
	t.Helper()
	p, err := startDevProvider(testClient)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// authParams is a valid authorization request of Swagger UI's.
func authParams() url.Values {
	return url.Values{
		"response_type": {"code"}, "client_id": {testClient}, "redirect_uri": {testRedirect},
		"scope": {"openid profile email"}, "state": {"xyz"},
		"code_challenge": {challengeOf(testVerifier)}, "code_challenge_method": {"S256"},
	}
}

// signIn posts the sign-in form as the provider's page does and returns
// the code it sends back to the redirect URI.
func signIn(t *testing.T, p *devProvider, user string) string {
	t.Helper()
	form := authParams()
	form.Set("username", user)
	res, err := noRedirects.PostForm(p.URL+"/authorize", form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST /authorize: %d, want 303", res.StatusCode)
	}
	loc, err := url.Parse(res.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != testRedirect {
		t.Fatalf("redirected to %s, want %s", got, testRedirect)
	}
	if loc.Query().Get("state") != "xyz" || loc.Query().Get("code") == "" {
		t.Fatalf("redirect %s: want the state and a code", loc)
	}
	return loc.Query().Get("code")
}

func postToken(t *testing.T, p *devProvider, form url.Values) (int, map[string]any, http.Header) {
	t.Helper()
	res, err := http.PostForm(p.URL+"/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, body, res.Header
}

// The authorization code flow with PKCE, as Swagger UI runs it: the sign-in
// page, the code sent back with the state, and the code traded once for a
// token that the app accepts.
func TestAuthorizationCodeWithPKCE(t *testing.T) {
	p := startProvider(t)

	res, err := http.Get(p.URL + "/authorize?" + authParams().Encode())
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), `id="username"`) || !strings.Contains(string(page), `value="`+challengeOf(testVerifier)+`"`) {
		t.Fatalf("GET /authorize: %d\n%s", res.StatusCode, page)
	}
	if strings.Contains(strings.ReplaceAll(string(page), testRedirect, ""), "http") {
		t.Errorf("the sign-in page refers to another site:\n%s", page)
	}

	code := signIn(t, p, "carol")
	exchange := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "client_id": {testClient},
		"redirect_uri": {testRedirect}, "code_verifier": {testVerifier}}
	status, tok, h := postToken(t, p, exchange)
	if status != 200 || tok["token_type"] != "Bearer" || tok["access_token"] == nil || h.Get("Cache-Control") != "no-store" {
		t.Fatalf("token: %d %v %v", status, tok, h)
	}
	app := newApp(p.URL+"/.well-known/openid-configuration", testClient)
	Run(t, app, []Case{
		{Name: "access token from the code", Path: "/users/me", Header: H("Authorization", "Bearer "+tok["access_token"].(string)), Status: 200,
			JSON: `{"sub":"carol","email":"carol@example.com","name":"carol","iss":"` + p.URL + `"}`},
	})
	if status, body, _ := postToken(t, p, exchange); status != 400 || body["error"] != "invalid_grant" {
		t.Errorf("the same code again: %d %v, want 400 invalid_grant", status, body)
	}
}

func TestTokenRefusals(t *testing.T) {
	p := startProvider(t)
	tests := []struct {
		name       string
		change     func(url.Values)
		wantStatus int
		wantError  string
	}{
		{"wrong verifier", func(f url.Values) { f.Set("code_verifier", strings.Repeat("a", 43)) }, 400, "invalid_grant"},
		{"no verifier", func(f url.Values) { f.Del("code_verifier") }, 400, "invalid_grant"},
		{"other redirect_uri", func(f url.Values) { f.Set("redirect_uri", "http://127.0.0.1:9/cb") }, 400, "invalid_grant"},
		{"unknown code", func(f url.Values) { f.Set("code", "nope") }, 400, "invalid_grant"},
		{"other client", func(f url.Values) { f.Set("client_id", "someone") }, 401, "invalid_client"},
		{"implicit grant", func(f url.Values) { f.Set("grant_type", "implicit") }, 400, "unsupported_grant_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"grant_type": {"authorization_code"}, "code": {signIn(t, p, "dave")}, "client_id": {testClient},
				"redirect_uri": {testRedirect}, "code_verifier": {testVerifier}}
			tt.change(form)
			status, body, _ := postToken(t, p, form)
			if status != tt.wantStatus || body["error"] != tt.wantError {
				t.Errorf("got %d %v, want %d %s", status, body, tt.wantStatus, tt.wantError)
			}
		})
	}
}

// Authorization requests the provider refuses: on the page when the
// redirect URI cannot be trusted, otherwise back at the redirect URI.
func TestAuthorizeRefusals(t *testing.T) {
	p := startProvider(t)
	tests := []struct {
		name       string
		change     func(url.Values)
		wantStatus int
		wantError  string // in the redirect, when wantStatus is 303
	}{
		{"redirect elsewhere", func(q url.Values) { q.Set("redirect_uri", "https://evil.example/cb") }, 400, ""},
		{"redirect https loopback", func(q url.Values) { q.Set("redirect_uri", "https://127.0.0.1/cb") }, 400, ""},
		{"unknown client", func(q url.Values) { q.Set("client_id", "someone") }, 400, ""},
		{"no PKCE", func(q url.Values) { q.Del("code_challenge") }, 303, "invalid_request"},
		{"plain PKCE", func(q url.Values) { q.Set("code_challenge_method", "plain") }, 303, "invalid_request"},
		{"implicit", func(q url.Values) { q.Set("response_type", "token") }, 303, "unsupported_response_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := authParams()
			tt.change(q)
			res, err := noRedirects.Get(p.URL + "/authorize?" + q.Encode())
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if tt.wantStatus != http.StatusSeeOther {
				return
			}
			loc, _ := url.Parse(res.Header.Get("Location"))
			if loc.Query().Get("error") != tt.wantError || loc.Query().Get("state") != "xyz" || loc.Query().Get("code") != "" {
				t.Errorf("redirect %s, want error=%s with the state and no code", loc, tt.wantError)
			}
		})
	}
}

// Swagger UI calls the provider from the app's page, on another origin:
// the discovery document and the token endpoint (after a preflight, as
// Swagger UI sends X-Requested-With) allow loopback origins, and no other.
func TestCORS(t *testing.T) {
	p := startProvider(t)
	tests := []struct {
		name, method, path, origin string
		wantStatus                 int
		wantAllow                  string
	}{
		{"discovery", "GET", "/.well-known/openid-configuration", "http://127.0.0.1:8000", 200, "http://127.0.0.1:8000"},
		{"keys", "GET", "/keys", "http://localhost:8000", 200, "http://localhost:8000"},
		{"token preflight", "OPTIONS", "/token", "http://127.0.0.1:8000", 204, "http://127.0.0.1:8000"},
		{"preflight from elsewhere", "OPTIONS", "/token", "https://evil.example", 404, ""},
		{"discovery from elsewhere", "GET", "/.well-known/openid-configuration", "https://evil.example", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, p.URL+tt.path, nil)
			req.RequestURI = ""
			req.Header.Set("Origin", tt.origin)
			if tt.method == "OPTIONS" {
				req.Header.Set("Access-Control-Request-Method", "POST")
				req.Header.Set("Access-Control-Request-Headers", "content-type,x-requested-with")
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.wantStatus || res.Header.Get("Access-Control-Allow-Origin") != tt.wantAllow {
				t.Errorf("%d, Access-Control-Allow-Origin %q; want %d, %q", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"), tt.wantStatus, tt.wantAllow)
			}
			if tt.method == "OPTIONS" && tt.wantAllow != "" && !strings.Contains(strings.ToLower(res.Header.Get("Access-Control-Allow-Headers")), "x-requested-with") {
				t.Errorf("preflight allows headers %q, want X-Requested-With", res.Header.Get("Access-Control-Allow-Headers"))
			}
		})
	}
}

// /docs logs in as the client, with PKCE.
func TestDocsInitOAuth(t *testing.T) {
	rec := httptest.NewRecorder()
	newApp("http://127.0.0.1:9/.well-known/openid-configuration", testClient).ServeHTTP(rec, httptest.NewRequest("GET", "/docs", nil))
	_, arg, ok := strings.Cut(rec.Body.String(), "ui.initOAuth(")
	arg, _, _ = strings.Cut(arg, ")\n")
	var got map[string]any
	if rec.Code != 200 || !ok || json.Unmarshal([]byte(arg), &got) != nil {
		t.Fatalf("/docs: %d, no initOAuth in\n%s", rec.Code, rec.Body)
	}
	want := map[string]any{"clientId": "fastecho-demo", "scopes": "openid profile email", "usePkceWithAuthorizationCodeGrant": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("initOAuth(%s), want %v", arg, want)
	}
}
