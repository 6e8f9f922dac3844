package oidc

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/security/oidc"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
	"github.com/oauth2-proxy/mockoidc"
)

type claims struct {
	Subject string `json:"sub"`
	Email   string `json:"email"`
}

// idToken runs mockoidc's authorization code flow as a client would and
// returns the ID token.
func idToken(t *testing.T, m *mockoidc.MockOIDC) string {
	t.Helper()
	cfg := m.Config()
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	q := url.Values{"scope": {"openid email"}, "state": {"s"}, "client_id": {cfg.ClientID},
		"response_type": {"code"}, "redirect_uri": {"http://127.0.0.1/callback"}}
	res, err := noRedirect.Get(m.AuthorizationEndpoint() + "?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, err := url.Parse(res.Header.Get("Location"))
	if err != nil || loc.Query().Get("code") == "" {
		t.Fatalf("authorize: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	form := url.Values{"grant_type": {"authorization_code"}, "code": {loc.Query().Get("code")},
		"client_id": {cfg.ClientID}, "client_secret": {cfg.ClientSecret}}
	res, err = http.PostForm(m.TokenEndpoint(), form)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct {
		IDToken string `json:"id_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&tok); err != nil || tok.IDToken == "" {
		t.Fatalf("token: %d %v", res.StatusCode, err)
	}
	return tok.IDToken
}

func TestAgainstMockOIDC(t *testing.T) {
	m, err := mockoidc.Run()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Shutdown()
	cfg := m.Config()

	oid := &security.OpenIDConnect{OpenIDConnectURL: m.DiscoveryEndpoint()}
	v := &oidc.Verifier[claims]{Scheme: oid, ClientID: cfg.ClientID, Now: m.Now}
	e := echo.New()
	echov4.New(e).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c claims) (claims, error) { return c, nil }))
	get := func(auth string) (int, string, string) {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		req.Header.Set("Authorization", auth)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		return rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String())
	}

	token := idToken(t, m)
	if code, ch, body := get("Bearer " + token); code != 200 || body != `{"sub":"1234567890","email":"jane.doe@example.com"}` {
		t.Fatalf("valid token from the provider: %d %q %s", code, ch, body)
	}

	// Another client's audience.
	other := &oidc.Verifier[claims]{Scheme: oid, ClientID: "another-client", Now: m.Now}
	e2 := echo.New()
	echov4.New(e2).GET("/users/me", typed.Handle(other, func(_ echo.Context, _ struct{}, c claims) (claims, error) { return c, nil }))
	req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	e2.ServeHTTP(rec, req)
	if rec.Code != 401 || !strings.Contains(rec.Header().Get("WWW-Authenticate"), "another audience") {
		t.Errorf("other audience: %d %q", rec.Code, rec.Header().Get("WWW-Authenticate"))
	}

	// The provider's clock moves past the token's expiry.
	m.FastForward(cfg.AccessTTL + time.Hour)
	if code, ch, _ := get("Bearer " + token); code != 401 || ch != `Bearer error="invalid_token", error_description="The token expired."` {
		t.Errorf("expired: %d %q", code, ch)
	}
}
