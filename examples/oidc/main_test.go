package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

func TestUsersMe(t *testing.T) {
	p, err := startDevProvider("fastecho-demo")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	app := newApp(p.URL+"/.well-known/openid-configuration", "fastecho-demo")
	token, _ := p.Issue("alice", "fastecho-demo", time.Hour)
	expired, _ := p.Issue("alice", "fastecho-demo", -time.Hour)
	otherAud, _ := p.Issue("alice", "another-api", time.Hour)
	invalid := func(desc string) string { return `Bearer error="invalid_token", error_description="` + desc + `"` }
	const bad = `{"detail":"Could not validate credentials"}`
	Run(t, app, []Case{
		{Name: "claims", Path: "/users/me", Header: H("Authorization", "Bearer "+token), Status: 200,
			JSON: `{"sub":"alice","email":"alice@example.com","name":"alice","iss":"` + p.URL + `"}`},
		{Name: "expired", Path: "/users/me", Header: H("Authorization", "Bearer "+expired), Status: 401, Challenge: invalid("The token expired."), JSON: bad},
		{Name: "other audience", Path: "/users/me", Header: H("Authorization", "Bearer "+otherAud), Status: 401, Challenge: invalid("The token is for another audience."), JSON: bad},
		{Name: "tampered", Path: "/users/me", Header: H("Authorization", "Bearer "+token[:len(token)-2]+"xx"), Status: 401, Challenge: invalid("The token's signature is not valid."), JSON: bad},
		{Name: "no token", Path: "/users/me", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp("http://127.0.0.1:9/.well-known/openid-configuration", "fastecho-demo"))
	Expect(t, doc, `{"OpenIdConnect":{"type":"openIdConnect","openIdConnectUrl":"http://127.0.0.1:9/.well-known/openid-configuration"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OpenIdConnect":[]}]`, "paths", "/users/me", "get", "security")
}

// The way the program's banner says: a token from the development
// provider's /token, then GET /users/me with it.
func TestDevProviderToken(t *testing.T) {
	p, err := startDevProvider("fastecho-demo")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	res, err := http.PostForm(p.URL+"/token", url.Values{"username": {"bob"}})
	if err != nil {
		t.Fatal(err)
	}
	var tok struct {
		IDToken   string `json:"id_token"`
		TokenType string `json:"token_type"`
	}
	err = json.NewDecoder(res.Body).Decode(&tok)
	res.Body.Close()
	if err != nil || res.StatusCode != 200 || tok.IDToken == "" || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("token: %d %v %+v", res.StatusCode, err, tok)
	}
	res, _ = http.PostForm(p.URL+"/token", nil)
	res.Body.Close()
	if res.StatusCode != 400 {
		t.Errorf("no username: %d", res.StatusCode)
	}
	app := newApp(p.URL+"/.well-known/openid-configuration", "fastecho-demo")
	Run(t, app, []Case{
		{Name: "token from /token", Path: "/users/me", Header: H("Authorization", tok.TokenType+" "+tok.IDToken), Status: 200,
			JSON: `{"sub":"bob","email":"bob@example.com","name":"bob","iss":"` + p.URL + `"}`},
	})
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp("http://127.0.0.1:9/.well-known/openid-configuration", "fastecho-demo"), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
