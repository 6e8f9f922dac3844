package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// devProvider is a tiny OpenID provider for the demo, on loopback: a
// discovery document, its signing key, an authorization endpoint for the
// authorization code flow with PKCE (what Swagger UI's Authorize button
// uses) and a token endpoint. It signs an ID token for any user name: there
// is no password, as it is a demo stand-in for your real provider, which you
// name with -discovery.
//
// Its one client is the audience (-client-id), a public client: no secret,
// PKCE (S256) required, and any redirect URI on a loopback host, whatever
// its port, as RFC 8252 §7.3 allows for loopback redirects. Pages on
// loopback origins may call its discovery document, keys and token endpoint
// from the browser (CORS), as a real provider lets the origins you
// register.
type devProvider struct {
	URL      string // the issuer
	audience string // the one client
	key      *rsa.PrivateKey
	signer   jose.Signer
	srv      *http.Server

	mu    sync.Mutex
	codes map[string]authCode // authorization codes not yet redeemed
}

// authCode is what an authorization code stands for.
type authCode struct {
	redirectURI string
	challenge   string // PKCE S256 code_challenge
	subject     string
	scope       string
	expires     time.Time
}

const (
	devKeyID = "dev-key"
	// codeTTL is how long an authorization code may wait to be redeemed.
	codeTTL = time.Minute
	// tokenTTL is the lifetime of the tokens the provider issues.
	tokenTTL = time.Hour
)

// startDevProvider listens on a free loopback port and serves the provider.
func startDevProvider(audience string) (*devProvider, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", devKeyID))
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &devProvider{URL: "http://" + ln.Addr().String(), audience: audience, key: key, signer: signer,
		codes: map[string]authCode{}}
	p.srv = &http.Server{Handler: p.routes(), ReadHeaderTimeout: 5 * time.Second}
	go p.srv.Serve(ln)
	return p, nil
}

func (p *devProvider) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /.well-known/openid-configuration", cors(http.HandlerFunc(p.discovery)))
	mux.Handle("GET /keys", cors(http.HandlerFunc(p.keys)))
	mux.HandleFunc("GET /authorize", p.authorizePage)
	mux.HandleFunc("POST /authorize", p.authorize)
	mux.Handle("POST /token", cors(http.HandlerFunc(p.token)))
	// CORS preflight requests: Swagger UI's token request carries
	// X-Requested-With, so the browser asks first.
	mux.Handle("OPTIONS /", cors(http.NotFoundHandler()))
	return mux
}

func (p *devProvider) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.URL,
		"jwks_uri":                              p.URL + "/keys",
		"authorization_endpoint":                p.URL + "/authorize",
		"token_endpoint":                        p.URL + "/token",
		"response_types_supported":              []string{"code"},
		"grant_types_supported":                 []string{"authorization_code"},
		"code_challenge_methods_supported":      []string{"S256"},
		"token_endpoint_auth_methods_supported": []string{"none"},
		"scopes_supported":                      []string{"openid", "profile", "email"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
	})
}

func (p *devProvider) keys(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &p.key.PublicKey, KeyID: devKeyID, Algorithm: "RS256", Use: "sig"}}})
}

// authRequest is an authorization request (RFC 6749 §4.1.1 with PKCE,
// RFC 7636 §4.3), as the provider accepts it.
type authRequest struct {
	ClientID, RedirectURI, State, Scope, Challenge string
}

// parseAuthRequest checks an authorization request. An error with an
// empty redirect is shown to the user, never sent to an unchecked redirect
// URI (RFC 6749 §4.1.2.1); any other error goes back to the client.
func (p *devProvider) parseAuthRequest(form url.Values) (req authRequest, redirect *url.URL, oauthErr, desc string) {
	req = authRequest{
		ClientID: form.Get("client_id"), RedirectURI: form.Get("redirect_uri"), State: form.Get("state"),
		Scope: form.Get("scope"), Challenge: form.Get("code_challenge"),
	}
	if req.ClientID != p.audience {
		return req, nil, "invalid_client", "unknown client_id " + req.ClientID
	}
	u, err := url.Parse(req.RedirectURI)
	if err != nil || !loopbackURL(u) || u.Fragment != "" {
		return req, nil, "invalid_request", "redirect_uri must be an http URL on a loopback host"
	}
	switch {
	case form.Get("response_type") != "code":
		return req, u, "unsupported_response_type", "only the authorization code flow (response_type=code)"
	case req.Challenge == "" || form.Get("code_challenge_method") != "S256":
		return req, u, "invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256"
	}
	return req, u, "", ""
}

// sendBack redirects the browser to the client's redirect URI with params
// and the request's state.
func sendBack(w http.ResponseWriter, r *http.Request, redirect *url.URL, state string, params url.Values) {
	if state != "" {
		params.Set("state", state)
	}
	u := *redirect
	q := u.Query()
	for k, v := range params {
		q[k] = v
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

var signInPage = template.Must(template.New("sign-in").Parse(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Sign in - development provider</title>
</head>
<body>
<h1>Sign in</h1>
<p>This is the development provider of examples/oidc: any user name signs in, with no password.</p>
<form method="post" action="/authorize">
<input type="hidden" name="response_type" value="code">
<input type="hidden" name="client_id" value="{{.ClientID}}">
<input type="hidden" name="redirect_uri" value="{{.RedirectURI}}">
<input type="hidden" name="state" value="{{.State}}">
<input type="hidden" name="scope" value="{{.Scope}}">
<input type="hidden" name="code_challenge" value="{{.Challenge}}">
<input type="hidden" name="code_challenge_method" value="S256">
<label>User name <input id="username" name="username" required autofocus></label>
<button id="sign-in" type="submit">Sign in</button>
</form>
</body>
</html>
`))

// authorizePage asks for a user name, for an authorization request.
func (p *devProvider) authorizePage(w http.ResponseWriter, r *http.Request) {
	req, redirect, oauthErr, desc := p.parseAuthRequest(r.URL.Query())
	switch {
	case oauthErr != "" && redirect == nil:
		http.Error(w, oauthErr+": "+desc, http.StatusBadRequest)
		return
	case oauthErr != "":
		sendBack(w, r, redirect, req.State, url.Values{"error": {oauthErr}, "error_description": {desc}})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	signInPage.Execute(w, req)
}

// authorize signs the user in and sends the browser back to the client with
// an authorization code.
func (p *devProvider) authorize(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "invalid_request: "+err.Error(), http.StatusBadRequest)
		return
	}
	req, redirect, oauthErr, desc := p.parseAuthRequest(r.PostForm)
	switch {
	case oauthErr != "" && redirect == nil:
		http.Error(w, oauthErr+": "+desc, http.StatusBadRequest)
		return
	case oauthErr != "":
		sendBack(w, r, redirect, req.State, url.Values{"error": {oauthErr}, "error_description": {desc}})
		return
	}
	sub := strings.TrimSpace(r.PostForm.Get("username"))
	if sub == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		signInPage.Execute(w, req)
		return
	}
	code := rand.Text()
	p.mu.Lock()
	now := time.Now()
	for c, a := range p.codes { // forget the codes nobody redeemed
		if now.After(a.expires) {
			delete(p.codes, c)
		}
	}
	p.codes[code] = authCode{redirectURI: req.RedirectURI, challenge: req.Challenge, subject: sub, scope: req.Scope, expires: now.Add(codeTTL)}
	p.mu.Unlock()
	sendBack(w, r, redirect, req.State, url.Values{"code": {code}})
}

// token is the token endpoint: the authorization code grant with PKCE, or,
// as a shortcut for curl, a bare username (no grant_type).
func (p *devProvider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	f := r.PostForm
	var sub, scope string
	switch f.Get("grant_type") {
	case "":
		sub = f.Get("username")
		if sub == "" {
			tokenError(w, http.StatusBadRequest, "invalid_request", "username is required")
			return
		}
	case "authorization_code":
		if f.Get("client_id") != p.audience {
			tokenError(w, http.StatusUnauthorized, "invalid_client", "unknown client_id")
			return
		}
		p.mu.Lock()
		a, ok := p.codes[f.Get("code")]
		delete(p.codes, f.Get("code")) // a code is good once (RFC 6749 §4.1.2)
		p.mu.Unlock()
		switch {
		case !ok || time.Now().After(a.expires):
			tokenError(w, http.StatusBadRequest, "invalid_grant", "unknown, used or expired code")
			return
		case f.Get("redirect_uri") != a.redirectURI:
			tokenError(w, http.StatusBadRequest, "invalid_grant", "redirect_uri differs from the authorization request's")
			return
		case !verifierMatches(f.Get("code_verifier"), a.challenge):
			tokenError(w, http.StatusBadRequest, "invalid_grant", "code_verifier does not match the code_challenge")
			return
		}
		sub, scope = a.subject, a.scope
	default:
		tokenError(w, http.StatusBadRequest, "unsupported_grant_type", "only authorization_code")
		return
	}
	tok, err := p.Issue(sub, p.audience, tokenTTL)
	if err != nil {
		tokenError(w, http.StatusInternalServerError, "server_error", err.Error())
		return
	}
	body := map[string]any{"access_token": tok, "id_token": tok, "token_type": "Bearer", "expires_in": int(tokenTTL.Seconds())}
	if scope != "" {
		body["scope"] = scope
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, body)
}

// verifierMatches reports whether BASE64URL(SHA256(verifier)) is the
// challenge (RFC 7636 §4.6), for a verifier of 43 to 128 characters.
func verifierMatches(verifier, challenge string) bool {
	if len(verifier) < 43 || len(verifier) > 128 {
		return false
	}
	sum := sha256.Sum256([]byte(verifier))
	return subtle.ConstantTimeCompare([]byte(base64.RawURLEncoding.EncodeToString(sum[:])), []byte(challenge)) == 1
}

func tokenError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// Issue signs an ID token for sub and audience, valid for ttl.
func (p *devProvider) Issue(sub, audience string, ttl time.Duration) (string, error) {
	now := time.Now()
	claims, _ := json.Marshal(map[string]any{
		"iss": p.URL, "sub": sub, "aud": audience, "iat": now.Unix(), "exp": now.Add(ttl).Unix(),
		"email": sub + "@example.com", "name": sub,
	})
	jws, err := p.signer.Sign(claims)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// Close stops the provider.
func (p *devProvider) Close() error { return p.srv.Close() }

// cors lets pages on a loopback origin call h from the browser, and answers
// their preflight requests.
func cors(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		if u, err := url.Parse(origin); origin == "" || err != nil || !loopbackURL(u) || u.Path != "" {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Access-Control-Allow-Origin", origin)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
			w.Header().Set("Access-Control-Allow-Headers", "Accept, Content-Type, X-Requested-With")
			w.Header().Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// loopbackURL reports whether u is an http URL on a loopback host
// (localhost, 127.0.0.0/8 or ::1).
func loopbackURL(u *url.URL) bool {
	if u.Scheme != "http" || u.User != nil {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
