package oidc

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/security/oidc"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/go-jose/go-jose/v4"
	"github.com/labstack/echo/v4"
	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// zitadel's OpenID provider (github.com/zitadel/oidc/v3/pkg/op, an OpenID
// Certified implementation) with the in-memory storage and login page of
// its own example server, on loopback. The storage is wrapped only to
// rotate signing keys; everything else (discovery, JWKS, authorization,
// login, token endpoint, ID token contents) is zitadel's.

const (
	zClientID = "fastecho-api"
	zSecret   = "secret"
	zRedirect = "http://127.0.0.1:9/callback"
)

// rsaKey is a signing key (op.SigningKey) of the rotating storage.
type rsaKey struct {
	id  string
	key *rsa.PrivateKey
}

func (k *rsaKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k *rsaKey) Key() any                                    { return k.key }
func (k *rsaKey) ID() string                                  { return k.id }

// pubKey is its public half, as the key set publishes it (op.Key).
type pubKey struct{ k *rsaKey }

func (p pubKey) ID() string                         { return p.k.id }
func (p pubKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (p pubKey) Use() string                        { return "sig" }
func (p pubKey) Key() any                           { return &p.k.key.PublicKey }

// rotatingStorage is zitadel's example storage with keys that rotate.
type rotatingStorage struct {
	*storage.Storage
	mu        sync.Mutex
	n         int
	signing   *rsaKey
	published []*rsaKey
}

// rotate signs with a new key from now on, publishing it with the previous
// ones if keep, else alone.
func (s *rotatingStorage) rotate(t *testing.T, keep bool) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	s.signing = &rsaKey{id: fmt.Sprintf("rotating-%d", s.n), key: key}
	if !keep {
		s.published = nil
	}
	s.published = append(s.published, s.signing)
}

func (s *rotatingStorage) SigningKey(context.Context) (op.SigningKey, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.signing, nil
}

func (s *rotatingStorage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

func (s *rotatingStorage) KeySet(context.Context) ([]op.Key, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]op.Key, len(s.published))
	for i, k := range s.published {
		keys[i] = pubKey{k}
	}
	return keys, nil
}

// zitadelOP starts the provider on loopback.
func zitadelOP(t *testing.T) (*httptest.Server, *rotatingStorage) {
	t.Helper()
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	storage.RegisterClients(storage.WebClient(zClientID, zSecret, zRedirect))
	st := &rotatingStorage{Storage: storage.NewStorage(storage.NewUserStore(srv.URL))}
	st.rotate(t, false)
	handler = exampleop.SetupServer(srv.URL, st, slog.New(slog.DiscardHandler), false)
	return srv, st
}

// login runs the authorization code flow as a browser and a confidential
// client would: authorization request, zitadel's login form, callback,
// token request with client_secret_basic. It returns the ID token.
func login(t *testing.T, issuer string) string {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	var disco struct {
		Auth  string `json:"authorization_endpoint"`
		Token string `json:"token_endpoint"`
	}
	res, err := client.Get(issuer + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	err = json.NewDecoder(res.Body).Decode(&disco)
	res.Body.Close()
	if err != nil || disco.Auth == "" || disco.Token == "" {
		t.Fatalf("discovery: %v %+v", err, disco)
	}
	// redirect follows one redirect and returns where it points.
	redirect := func(res *http.Response, err error) *url.URL {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		loc, err := res.Location()
		if res.StatusCode/100 != 3 || err != nil {
			t.Fatalf("%s %s: %d, want a redirect: %s", res.Request.Method, res.Request.URL, res.StatusCode, body)
		}
		return loc
	}

	q := url.Values{"client_id": {zClientID}, "redirect_uri": {zRedirect}, "response_type": {"code"},
		"scope": {"openid profile email"}, "state": {"st"}, "nonce": {"n"}}
	loginPage := redirect(client.Get(disco.Auth + "?" + q.Encode()))
	id := loginPage.Query().Get("authRequestID")
	if id == "" {
		t.Fatalf("no auth request in %s", loginPage)
	}
	host, _ := url.Parse(issuer)
	form := url.Values{"username": {"test-user@" + host.Hostname()}, "password": {"verysecure"}, "id": {id}}
	callback := redirect(client.PostForm(loginPage.ResolveReference(&url.URL{Path: loginPage.Path}).String(), form))
	back := redirect(client.Get(callback.String()))
	code := back.Query().Get("code")
	if code == "" || back.Query().Get("state") != "st" || !strings.HasPrefix(back.String(), zRedirect) {
		t.Fatalf("back at the client: %s", back)
	}

	req, _ := http.NewRequest(http.MethodPost, disco.Token, strings.NewReader(url.Values{
		"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {zRedirect}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(zClientID, zSecret)
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct {
		IDToken string `json:"id_token"`
	}
	body, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(body, &tok); err != nil || res.StatusCode != 200 || tok.IDToken == "" {
		t.Fatalf("token: %d %s", res.StatusCode, body)
	}
	return tok.IDToken
}

// zClaims are claims zitadel puts in its ID tokens.
type zClaims struct {
	Subject         string `json:"sub"`
	AuthorizedParty string `json:"azp"`
	Nonce           string `json:"nonce"`
}

type clock struct {
	mu sync.Mutex
	d  time.Duration
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return time.Now().Add(c.d) }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.d += d
}

func zitadelApp(issuer, clientID string, clk *clock) *echo.Echo {
	oid := &security.OpenIDConnect{OpenIDConnectURL: issuer + "/.well-known/openid-configuration"}
	v := &oidc.Verifier[zClaims]{Scheme: oid, ClientID: clientID, Now: clk.Now}
	e := echo.New()
	echov4.New(e).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c zClaims) (zClaims, error) { return c, nil }))
	return e
}

func call(e *echo.Echo, token string) (int, string, string) {
	req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String())
}

func invalid(desc string) string {
	return `Bearer error="invalid_token", error_description="` + desc + `"`
}

func TestAgainstZitadel(t *testing.T) {
	srv, st := zitadelOP(t)
	clk := &clock{}
	e := zitadelApp(srv.URL, zClientID, clk)

	first := login(t, srv.URL)
	const want = `{"sub":"id1","azp":"fastecho-api","nonce":"n"}`
	if code, ch, body := call(e, first); code != 200 || body != want {
		t.Fatalf("zitadel's ID token: %d %q %s", code, ch, body)
	}
	if code, ch, _ := call(e, first[:len(first)-4]+"AAAA"); code != 401 || ch != invalid("The token's signature is not valid.") {
		t.Errorf("tampered: %d %q", code, ch)
	}
	if code, ch, _ := call(zitadelApp(srv.URL, "another-client", clk), first); code != 401 || ch != invalid("The token is for another audience.") {
		t.Errorf("other audience: %d %q", code, ch)
	}

	// zitadel rotates its signing key, publishing the new key beside the
	// old one: once the refresh interval has passed, both verify.
	st.rotate(t, true)
	clk.Add(11 * time.Second)
	second := login(t, srv.URL)
	if code, ch, body := call(e, second); code != 200 || body != want {
		t.Errorf("token signed with the rotated key: %d %q %s", code, ch, body)
	}
	if code, _, _ := call(e, first); code != 200 {
		t.Errorf("token signed with the old, still published key: %d", code)
	}

	// The old key is withdrawn: after the cache's max age (an hour), the
	// first token no longer verifies; zitadel's ID tokens live an hour, so
	// this runs a fresh verifier on the same clock instead.
	st.rotate(t, false)
	third := login(t, srv.URL)
	fresh := zitadelApp(srv.URL, zClientID, clk)
	if code, _, _ := call(fresh, third); code != 200 {
		t.Errorf("third key: %d", code)
	}
	if code, ch, _ := call(fresh, first); code != 401 || ch != invalid("The token is signed with a key the provider does not publish.") {
		t.Errorf("withdrawn key: %d %q", code, ch)
	}

	// Past the ID token's lifetime (zitadel's example client: one hour).
	clk.Add(2 * time.Hour)
	if code, ch, _ := call(fresh, third); code != 401 || ch != invalid("The token expired.") {
		t.Errorf("expired: %d %q", code, ch)
	}
}
