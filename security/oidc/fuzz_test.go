package oidc_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
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
)

// Fuzz targets of the key set and of token handling. Their keys and clock
// are fixed, and the provider's issuer does not depend on the test
// server's port, so that the tokens of the seed corpus in testdata/fuzz
// stay valid from run to run.

// fuzzNow is the clock of the fuzz targets' verifiers.
var fuzzNow = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)

// fuzzIssuer is the fuzz provider's issuer; the provider's HTTP client
// reaches the local test server whatever the host.
const fuzzIssuer = "http://op.fuzz.test"

// fuzzRSAPEM is a key for these tests only ("TESTING KEY" keeps secret
// scanners quiet).
const fuzzRSAPEM = `-----BEGIN TESTING KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC3XgsEKnidi9E1
FuavLudwhDkXrKdc4ER5UTPDfd5PyyoHki7e12gfoKa8G0RaLnHhkYhVVQ7L30V+
7aLnQRCmYWx7tgChD1JCIWOfq7KLAnJwXSLlpZVS6Eb2AwBWE46nPKjJRpvztiXu
UqTrVRR35uqQ5oYY/05NHFtsb0+RiG70ONGHoHyaS+9JciXfxmvQx/d5giqBslkK
afF3dG91IectkdwHNkS2Ha/Y4p4B9cHSWo6I5etjhfHimatIRQqeTeLNeL+Xd3ME
15M3cv6PjmKLZ2+PdyUObbd7mw1IZyHliOd0+5jN2gn9QLj4pmJf1ltRjF6y1ZEt
HINxcuqPAgMBAAECggEAFxjKbHDpFncpF/XVgtV2o46UHm5J+oHpPhrDWWl+WjCu
D5wTOVCKtgknV2Rb3Lwi7hXFxXHcVkO+XjmSnmxsq3h0ELUhKShj5R6NjOw0phvd
zFd+8MxFndbSMWS5Yx49hsU2QXwaYr1b08QnL9lcpam5fBz9YSKvezkKLwNqU1tU
cLiQzIbE6W7FfJmE8R+AiUj8IWBjSSHeNe0z73GIHpqWKr17OLANuy1+CYAmrbeq
qxWAr5UAjVNeyHXjvFYLAbJ7cydmk+vSyF4bhfcu5Oq/RPZy3VWkBpeqKF3Out/A
fM8XnC7zhGNwkel2n5HlnxFqJQPqO0Gjdb7CqIM7UQKBgQDjj1eh8FocAB/6NdDk
HEM27797lYdRH+DSRTedh42+pNRZtWndIE1tvQIpdrxreXJb1b+45pKdBzwBfjo5
2i8oZxMUbrLmyw+pz5E3ce3HIrurFSD2BcKhz4NEaDiuxqmhXzwNIbAP/U8lyv0y
KpHPO412kRQXvSqTUSMbv9THCQKBgQDOSMh0H51pvo7bA/gKkwcb6976SEFJaRn1
bPyuqCBC93rGRbYfZZVAMB1w5IQIXJccGBNiJQSAbxWOpiiL8Bez5IHBgv+5AG4n
CwJyWH42Vioxv9fkoJth1tHdealKHHEUF0rDFtYSdtPc3eFjut48lvbUnM4EL8Gr
exZjZ+Ay1wKBgATHHa/ou/uahRFbz+b6MO8WWY7etNifMrk3etNz5SX7j/nSNUbP
RtDnBwSX2ZzoD96dvkjDjpB9dmURoWdVjWfrwhrLuDXgTZPjJ8liOvvTXt1YtDh2
Jn//O2JUTdxdj3Iz7a7Y5jlvuBmzCV3kRuty9KVopmNZNWuiaHpMrMsBAoGAQv5Y
O35Y/RKqCm8Li0Oct3CvBdGZgmHj0FUI6yAm+hitgt74+tFe223E4fkU+DI50SHw
iZtEDwIEmkNUP75FtGKt0U7eBhMhswRcUw5yTutE4MtRLisKy4ecuLTeSfdasg+u
dBViiLSWsdBNdrolmr/cgcg7EBkCaNKcvsPpiBkCgYEArRPDgOm/wWbAy9C9Pqk9
fEXIFB98ZG8ICH2BTjxB1MmPiCkqPFeyKYsGRGd+MCojCcEXS3kSoJ6cikrTUGU8
v1Jm539Qy1CkkWNFjZCsGuhEXAv2FmbrHJDRiFVk6GtoKJhEsF3qqbX1Q8imvK8Z
t2eBs4JrQkTMITXAC2M9150=
-----END TESTING KEY-----`

// fuzzKeys are the fuzz provider's signing keys: r1 (RSA), e1 (P-256), d1
// (Ed25519).
var fuzzKeys = sync.OnceValue(func() (k struct {
	rsa *rsa.PrivateKey
	ec  *ecdsa.PrivateKey
	ed  ed25519.PrivateKey
}) {
	block, _ := pem.Decode([]byte(strings.ReplaceAll(fuzzRSAPEM, "TESTING KEY", "PRIVATE KEY")))
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	check(err)
	k.rsa = key.(*rsa.PrivateKey)
	scalar, _ := hex.DecodeString("262131d2a62684641738029788b05619d7e3f6d4ca0001f6e5b2c630918ba197")
	k.ec, err = ecdsa.ParseRawPrivateKey(elliptic.P256(), scalar)
	check(err)
	seed, _ := hex.DecodeString("8e9cfebf1049a47cae0c5632db275341c7aac9f84672e94cabd3e5305d0ebbe3")
	k.ed = ed25519.NewKeyFromSeed(seed)
	return k
})

// fuzzPublished is the fuzz provider's usual key set: the public halves of
// its three keys, and an oct key "h1" a provider should never publish.
func fuzzPublished() []byte {
	k := fuzzKeys()
	var entries []json.RawMessage
	for _, jwk := range []jose.JSONWebKey{
		{Key: &k.rsa.PublicKey, KeyID: "r1", Algorithm: "RS256", Use: "sig"},
		{Key: &k.ec.PublicKey, KeyID: "e1", Algorithm: "ES256", Use: "sig"},
		{Key: k.ed.Public(), KeyID: "d1", Algorithm: "EdDSA", Use: "sig"},
	} {
		b, err := jwk.MarshalJSON()
		check(err)
		entries = append(entries, b)
	}
	entries = append(entries, json.RawMessage(`{"kty":"oct","kid":"h1","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}`))
	b, err := json.Marshal(map[string]any{"keys": entries})
	check(err)
	return b
}

// fuzzClaims are valid claims at fuzzNow.
func fuzzClaims() map[string]any {
	return map[string]any{"iss": fuzzIssuer, "aud": "my-api", "sub": "alice",
		"exp": fuzzNow.Unix() + 3600, "iat": fuzzNow.Unix()}
}

// fuzzProvider serves a discovery document for fuzzIssuer and, as its key
// set, whatever jwks holds.
type fuzzProvider struct {
	client *http.Client
	mu     sync.Mutex
	jwks   []byte
}

func newFuzzProvider(t testing.TB, jwks []byte) *fuzzProvider {
	p := &fuzzProvider{jwks: jwks}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{
			"issuer": fuzzIssuer, "jwks_uri": fuzzIssuer + "/keys",
			"id_token_signing_alg_values_supported": []string{"RS256", "PS256", "ES256", "EdDSA", "HS256", "none"},
		})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		defer p.mu.Unlock()
		w.Write(p.jwks)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	addr := srv.Listener.Addr().String()
	p.client = &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
	}}
	return p
}

func (p *fuzzProvider) serve(jwks []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.jwks = jwks
}

// app returns an API verifying p's tokens for "my-api" at fuzzNow with
// the algorithms algs (nil: those the provider advertises), on a verifier
// of its own, with no keys cached yet.
func (p *fuzzProvider) app(algs []string) *echo.Echo {
	oid := &security.OpenIDConnect{OpenIDConnectURL: fuzzIssuer + "/.well-known/openid-configuration"}
	v := &oidc.Verifier[map[string]any]{Scheme: oid, ClientID: "my-api", HTTPClient: p.client,
		Algorithms: algs, Now: func() time.Time { return fuzzNow }}
	e := echo.New()
	echov4.New(e).GET("/users/me", typed.Handle(v, func(_ echo.Context, _ struct{}, c map[string]any) (map[string]any, error) { return c, nil }))
	return e
}

// publicOf is the public half of a key go-jose parsed, or nil.
func publicOf(key any) crypto.PublicKey {
	switch k := key.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
		return k
	case crypto.Signer:
		return k.Public()
	}
	return nil
}

// members are the members of the key set jwks, as encoding/json reads
// it; ok is false when it does not read.
func members(jwks []byte) (keys []json.RawMessage, ok bool) {
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if json.Unmarshal(jwks, &set) != nil {
		return nil, false
	}
	return set.Keys, true
}

// published reports whether a member of the key set jwks holds pub, as a
// public key or as the public half of a private one.
func published(jwks []byte, pub crypto.PublicKey) bool {
	keys, _ := members(jwks)
	for _, raw := range keys {
		var k jose.JSONWebKey
		if k.UnmarshalJSON(raw) != nil {
			continue
		}
		if p, ok := publicOf(k.Key).(interface{ Equal(crypto.PublicKey) bool }); ok && p.Equal(pub) {
			return true
		}
	}
	return false
}

// fuzzToken is a token FuzzKeySet sends, and the public key whose
// publication alone may make it verify (nil: never).
type fuzzToken struct {
	name, token string
	signer      crypto.PublicKey
}

// signedTokens are the tokens of keySetTokens that do not depend on the
// key set, signed once.
var signedTokens = sync.OnceValue(func() []fuzzToken {
	k := fuzzKeys()
	claims := fuzzClaims()
	return []fuzzToken{
		{"RS256 r1", signWith(jose.SigningKey{Algorithm: jose.RS256, Key: k.rsa}, "r1", claims), &k.rsa.PublicKey},
		{"RS256 without kid", signWith(jose.SigningKey{Algorithm: jose.RS256, Key: k.rsa}, "", claims), &k.rsa.PublicKey},
		{"PS256 r1", signWith(jose.SigningKey{Algorithm: jose.PS256, Key: k.rsa}, "r1", claims), &k.rsa.PublicKey},
		{"ES256 e1", signWith(jose.SigningKey{Algorithm: jose.ES256, Key: k.ec}, "e1", claims), &k.ec.PublicKey},
		{"ES256 under r1", signWith(jose.SigningKey{Algorithm: jose.ES256, Key: k.ec}, "r1", claims), &k.ec.PublicKey},
		{"EdDSA d1", signWith(jose.SigningKey{Algorithm: jose.EdDSA, Key: k.ed}, "d1", claims), k.ed.Public()},
		{"none r1", noneToken("r1", claims), nil},
	}
})

// keySetTokens are tokens signed with the provider's keys, under their
// kids and others, and forgeries keyed with what the key set jwks
// publishes: HS256 with each oct secret and with a member's JSON as the
// secret, and alg none.
func keySetTokens(jwks []byte) []fuzzToken {
	claims := fuzzClaims()
	tokens := slices.Clone(signedTokens())
	keys, _ := members(jwks)
	for i, raw := range keys[:min(len(keys), 4)] {
		var jwk jose.JSONWebKey
		kid := ""
		if jwk.UnmarshalJSON(raw) == nil {
			kid = jwk.KeyID
			if secret, ok := jwk.Key.([]byte); ok && len(secret) > 0 {
				tokens = append(tokens, fuzzToken{"HS256 keyed with the oct secret of " + kid,
					hs256(secret, kid, claims), nil})
			}
		}
		if i < 2 && len(raw) > 0 {
			tokens = append(tokens, fuzzToken{"HS256 keyed with the JSON of " + kid,
				hs256(raw, kid, claims), nil})
		}
	}
	return tokens
}

// noneToken is an unsigned token (alg none).
func noneToken(kid string, claims map[string]any) string {
	return unsigned("none", kid, claims) + "."
}

// hs256 is a token signed with HS256 keyed with secret, of any length.
func hs256(secret []byte, kid string, claims map[string]any) string {
	s := unsigned("HS256", kid, claims)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(s))
	return s + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// unsigned is the header and payload of a compact token.
func unsigned(alg, kid string, claims map[string]any) string {
	header, _ := json.Marshal(map[string]any{"alg": alg, "typ": "JWT", "kid": kid})
	payload, _ := json.Marshal(claims)
	return base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(payload)
}

// FuzzKeySet serves arbitrary bytes as the provider's key set. Whatever
// they are, the verifier does not panic; a token verifies only if it is
// signed with an asymmetric key the key set publishes; HS256 keyed with a
// published secret or with a published member's JSON, and alg none, are
// refused (401) even with HS256 among the verifier's algorithms; and
// tokens signed with an asymmetric key are answered 200 or 401, or 503
// exactly when the key set does not read as a JSON object (with a "keys"
// array, if any) or its fetch took too long.
func FuzzKeySet(f *testing.F) {
	f.Add(fuzzPublished())
	p := newFuzzProvider(f, nil)
	algs := []string{"RS256", "PS256", "ES256", "EdDSA", "HS256"} // HS256 reaches the key set, which must refuse it
	// The provider's own key set verifies its tokens: the target is not
	// refusing everything.
	p.serve(fuzzPublished())
	e := p.app(algs)
	for _, tok := range keySetTokens(fuzzPublished())[:6] {
		if status, _, body := get(e, "Bearer "+tok.token); (status == 200) != (tok.name != "PS256 r1" && tok.name != "ES256 under r1") {
			f.Fatalf("%s with the provider's key set: %d %s", tok.name, status, body)
		}
	}
	f.Fuzz(func(t *testing.T, jwks []byte) {
		p.serve(jwks)
		e := p.app(algs)
		_, readable := members(jwks)
		for _, tok := range keySetTokens(jwks) {
			req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
			req.Header.Set("Authorization", "Bearer "+tok.token)
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			status, body := rec.Code, strings.TrimSpace(rec.Body.String())
			// A fetch slower than the 2 s a request waits (a loaded
			// machine) is a 503 with Retry-After: 1 whatever the key set.
			slow := status == 503 && rec.Header().Get("Retry-After") == "1"
			switch {
			case status == 200 && (tok.signer == nil || !published(jwks, tok.signer)):
				t.Fatalf("%s verified with key set %q: %s", tok.name, jwks, body)
			case status == 200 && !jsonEqual(body, fuzzClaims()):
				t.Fatalf("%s: claims %s", tok.name, body)
			case tok.signer == nil && status != 401:
				// Refused before the key set is fetched.
				t.Fatalf("%s: status %d %s, want 401", tok.name, status, body)
			case status != 200 && status != 401 && status != 503:
				t.Fatalf("%s: status %d %s", tok.name, status, body)
			case tok.signer != nil && len(jwks) <= 1<<20 && readable == (status == 503) && !slow:
				t.Fatalf("%s: status %d with key set %q (reads: %v)", tok.name, status, jwks, readable)
			}
		}
	})
}

// The answers to a token that does not verify: constant, so that they
// never echo the token.
var (
	refusedBodies     = []string{bad, `{"detail":"Not authenticated"}`}
	refusedChallenges = []string{"Bearer",
		challenge("The access token must be sent as a Bearer token."),
		challenge("The token's claims cannot be read."),
		challenge("The token expired."),
		challenge("The token is not valid yet."),
		challenge("The token was issued by another provider."),
		challenge("The token is for another audience."),
		challenge("The token is signed with a key the provider does not publish."),
		challenge("The token's signature is not valid."),
		challenge("The token's signature algorithm is not accepted."),
		challenge("The token is malformed."),
		challenge("The token is not valid."),
	}
)

// FuzzToken sends arbitrary tokens to two verifiers of the fuzz provider:
// one with the algorithms it advertises, one also accepting HS256 and
// none. Every answer is 200 or 401, never a panic; a 401's body and
// challenge are among the constant ones, so they never echo the token;
// and a 200 is only for a token a reference check finds valid (a compact
// JWS with one signature, by one of the provider's asymmetric keys, whose
// claims name the issuer and the audience and have not expired), with its
// claims as the body.
func FuzzToken(f *testing.F) {
	k := fuzzKeys()
	f.Add(signWith(jose.SigningKey{Algorithm: jose.RS256, Key: k.rsa}, "r1", fuzzClaims()))
	p := newFuzzProvider(f, fuzzPublished())
	apps := []*echo.Echo{p.app(nil), p.app([]string{"RS256", "ES256", "EdDSA", "HS256", "none"})}
	for i, e := range apps {
		if status, _, body := get(e, "Bearer "+signWith(jose.SigningKey{Algorithm: jose.EdDSA, Key: k.ed}, "d1", fuzzClaims())); status != 200 {
			f.Fatalf("app %d: a valid token: %d %s", i, status, body)
		}
	}
	f.Fuzz(func(t *testing.T, token string) {
		for i, e := range apps {
			status, ch, body := get(e, "Bearer "+token)
			switch status {
			case 200:
				if claims, ok := validToken(token); !ok || !jsonEqual(body, claims) {
					t.Fatalf("app %d: %q verified (reference check: %v), body %s", i, token, ok, body)
				}
			case 401:
				if !slices.Contains(refusedBodies, body) || !slices.Contains(refusedChallenges, ch) {
					t.Fatalf("app %d: %q: 401 %q %s", i, token, ch, body)
				}
			default:
				t.Fatalf("app %d: %q: %d %q %s", i, token, status, ch, body)
			}
		}
	})
}

// validToken is FuzzToken's reference check of token, trimmed of
// whitespace; it returns the token's claims.
func validToken(token string) (map[string]any, bool) {
	token = strings.Trim(token, "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0")
	if strings.Count(token, ".") != 2 {
		return nil, false
	}
	jws, err := jose.ParseSigned(token, []jose.SignatureAlgorithm{jose.RS256, jose.PS256, jose.ES256, jose.EdDSA})
	if err != nil || len(jws.Signatures) != 1 {
		return nil, false
	}
	k := fuzzKeys()
	for _, pub := range []crypto.PublicKey{&k.rsa.PublicKey, &k.ec.PublicKey, k.ed.Public()} {
		payload, err := jws.Verify(pub)
		if err != nil {
			continue
		}
		// "exp" is read as go-oidc reads it: a number, or a string
		// holding one.
		var c struct {
			Iss string          `json:"iss"`
			Aud json.RawMessage `json:"aud"`
			Exp *json.Number    `json:"exp"`
		}
		if json.Unmarshal(payload, &c) != nil || c.Iss != fuzzIssuer || c.Exp == nil {
			return nil, false
		}
		if exp, err := c.Exp.Float64(); err != nil || exp < float64(fuzzNow.Unix()) {
			return nil, false
		}
		var one string
		var many []string
		if json.Unmarshal(c.Aud, &one) != nil || one != "my-api" {
			if json.Unmarshal(c.Aud, &many) != nil || !slices.Contains(many, "my-api") {
				return nil, false
			}
		}
		var claims map[string]any
		if json.Unmarshal(payload, &claims) != nil {
			return nil, false
		}
		return claims, true
	}
	return nil, false
}

// jsonEqual reports whether the JSON text a holds the value b.
func jsonEqual(a string, b any) bool {
	var x any
	if json.Unmarshal([]byte(a), &x) != nil {
		return false
	}
	xb, _ := json.Marshal(x)
	yb, err := json.Marshal(b)
	return err == nil && bytes.Equal(xb, yb)
}
