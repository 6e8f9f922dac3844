package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
	"github.com/golang-jwt/jwt/v5"
)

// testKey is the signing key of the servers the tests build.
var testKey = []byte("a key for the tests only, 32 bytes or more")

// login gets a real token from /token.
func login(t *testing.T, h http.Handler) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader("username=johndoe&password=secret"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var tok Token
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 || json.Unmarshal(body, &tok) != nil || tok.TokenType != "bearer" {
		t.Fatalf("login: %d %s", rec.Code, body)
	}
	if rec.Header().Get("Cache-Control") != "no-store" || rec.Header().Get("Pragma") != "no-cache" {
		t.Errorf("token response cacheable: %q %q", rec.Header().Get("Cache-Control"), rec.Header().Get("Pragma"))
	}
	return tok.AccessToken
}

// sign makes a token with the given claims and method.
func sign(t *testing.T, m jwt.SigningMethod, key any, claims jwt.Claims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(m, claims).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// in is the time d from now, as a JWT date.
func in(d time.Duration) *jwt.NumericDate { return jwt.NewNumericDate(time.Now().Add(d)) }

// bearer is an Authorization header with tok.
func bearer(tok string) map[string][]string { return H("Authorization", "Bearer "+tok) }

// invalid is the answer to every token that does not check out.
const invalid = `{"detail":"Could not validate credentials"}`

func TestJWT(t *testing.T) {
	app := newServer(testKey).app()
	token := login(t, app)
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return testKey, nil }); err != nil {
		t.Fatalf("issued token does not verify: %v", err)
	}
	if claims["sub"] != "johndoe" {
		t.Errorf("sub = %v", claims["sub"])
	}
	exp, _ := claims.GetExpirationTime()
	iat, _ := claims.GetIssuedAt()
	if exp == nil || time.Until(exp.Time) < 29*time.Minute || time.Until(exp.Time) > 31*time.Minute {
		t.Errorf("exp = %v, want in 30 minutes", exp)
	}
	if iat == nil || exp == nil || exp.Sub(iat.Time) != maxTokenLifetime {
		t.Errorf("iat = %v, want %v before exp %v", iat, maxTokenLifetime, exp)
	}

	expired := sign(t, jwt.SigningMethodHS256, testKey, jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(-time.Minute)})
	noExp := sign(t, jwt.SigningMethodHS256, testKey, jwt.RegisteredClaims{Subject: "johndoe"})
	otherKey := sign(t, jwt.SigningMethodHS256, []byte("another key"), jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(time.Minute)})
	hs512 := sign(t, jwt.SigningMethodHS512, testKey, jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(time.Minute)})
	unknown := sign(t, jwt.SigningMethodHS256, testKey, jwt.RegisteredClaims{Subject: "bob", ExpiresAt: in(time.Minute)})
	noSub := sign(t, jwt.SigningMethodHS256, testKey, jwt.RegisteredClaims{ExpiresAt: in(time.Minute)})
	unsigned := sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(time.Minute)})

	Run(t, app, []Case{
		{Name: "me", Path: "/users/me/", Header: bearer(token), Status: 200,
			JSON: `{"username":"johndoe","email":"johndoe@example.com","full_name":"John Doe","disabled":false}`},
		{Name: "items", Path: "/users/me/items/", Header: bearer(token), Status: 200, JSON: `[{"item_id":"Foo","owner":"johndoe"}]`},
		{Name: "expired", Path: "/users/me/", Header: bearer(expired), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "no expiry", Path: "/users/me/", Header: bearer(noExp), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "other key", Path: "/users/me/", Header: bearer(otherKey), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "other algorithm", Path: "/users/me/", Header: bearer(hs512), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "alg none", Path: "/users/me/", Header: bearer(unsigned), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "unknown user", Path: "/users/me/", Header: bearer(unknown), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "no subject", Path: "/users/me/", Header: bearer(noSub), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "garbage", Path: "/users/me/", Header: bearer("not.a.jwt"), Status: 401, Challenge: "Bearer", JSON: invalid},
		{Name: "no token", Path: "/users/me/", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "wrong password", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=wrong"),
			Status: 401, Challenge: "Bearer", JSON: `{"detail":"Incorrect username or password"}`},
		{Name: "unknown user login", Method: "POST", Path: "/token", Form: Form("username=bob&password=secret"),
			Status: 401, Challenge: "Bearer", JSON: `{"detail":"Incorrect username or password"}`},
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newServer(testKey).app())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/users/me/items/", "get", "security")
}

// The tutorial's stored hash is argon2id of "secret"; hashes made here
// verify, with their own salt each time, and anything malformed, spelled
// in a second way or beyond the bounds fails.
func TestPasswordHash(t *testing.T) {
	stored := fakeUsersDB["johndoe"].hashedPassword
	if !verifyPassword("secret", stored) || verifyPassword("Secret", stored) {
		t.Error("the tutorial's hash")
	}
	if h, err := parsePasswordHash(stored); err != nil || h.String() != stored {
		t.Errorf("parse(%q) = %v, %v", stored, h, err)
	}
	h1, h2 := getPasswordHash("pw"), getPasswordHash("pw")
	if h1 == h2 || !strings.HasPrefix(h1, "$argon2id$v=19$m=65536,t=3,p=4$") {
		t.Errorf("hashes %q %q", h1, h2)
	}
	if !verifyPassword("pw", h2) || verifyPassword("pw2", h1) {
		t.Error("round trip")
	}
	params := func(p string) string { return strings.Replace(stored, "m=65536,t=3,p=4", p, 1) }
	for _, bad := range []string{"", "secret", "$2b$12$EixZaYVK1fsbw1ZfbX3OXePaWxn96p36WQoeG6Lruj3vjPGga31lW",
		strings.Replace(stored, "argon2id", "argon2i", 1), strings.Replace(stored, "v=19", "v=16", 1),
		params("m=x,t=3,p=4"), stored[:len(stored)-44] + "!!!", stored[:strings.LastIndex(stored, "$")+1],
		"x" + stored, stored + "$", params("m=065536,t=3,p=4"), params("m=+65536,t=3,p=4"), params("m= 65536,t=3,p=4"),
		params("t=3,m=65536,p=4"), params("m=65536,t=3,p=4,data=x"), params("m=65536,t=3,p=4x"),
		params("m=65536,t=0,p=4"), params("m=65536,t=3,p=0"), params("m=31,t=3,p=4"), // argon2 panics or adjusts
		params("m=4294967295,t=3,p=4"), params("m=65536,t=1000000,p=4"), params("m=65536,t=3,p=256"), // gigabytes, minutes
		strings.Replace(stored, "4hq", "4h\nq", 1),                       // base64 that Go's decoder reads all the same
		strings.Replace(stored, "e3w$", "e3x$", 1),                       // non-zero trailing bits: a second spelling of the salt
		strings.Replace(stored, "e3w$", "e3w==$", 1),                     // padding
		strings.Replace(stored, "wagCPXjifgvUFBzq4hqe3w", "AAAAAAAA", 1), // salt too short
		stored[:len(stored)-43] + "CYaIb8sB+wtD+Vu/PA",                   // hash too short
	} {
		if _, err := parsePasswordHash(bad); err == nil || verifyPassword("secret", bad) {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newServer(testKey).app(), []slashtest.Case{
		{Name: "slash added", Path: "/users/me", To: "/users/me/"},
	})
}
