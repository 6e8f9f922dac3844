package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	. "github.com/fastecho/fastecho/examples/internal/exampletest"
	"github.com/golang-jwt/jwt/v5"
)

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

func TestJWT(t *testing.T) {
	app := newApp()
	token := login(t, app)
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return secretKey, nil }); err != nil {
		t.Fatalf("issued token does not verify: %v", err)
	}
	if claims["sub"] != "johndoe" {
		t.Errorf("sub = %v", claims["sub"])
	}
	if exp, _ := claims.GetExpirationTime(); exp == nil || time.Until(exp.Time) < 29*time.Minute || time.Until(exp.Time) > 31*time.Minute {
		t.Errorf("exp = %v, want in 30 minutes", exp)
	}

	in := func(d time.Duration) *jwt.NumericDate { return jwt.NewNumericDate(time.Now().Add(d)) }
	expired := sign(t, jwt.SigningMethodHS256, secretKey, jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(-time.Minute)})
	noExp := sign(t, jwt.SigningMethodHS256, secretKey, jwt.RegisteredClaims{Subject: "johndoe"})
	otherKey := sign(t, jwt.SigningMethodHS256, []byte("another key"), jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(time.Hour)})
	hs512 := sign(t, jwt.SigningMethodHS512, secretKey, jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(time.Hour)})
	unknown := sign(t, jwt.SigningMethodHS256, secretKey, jwt.RegisteredClaims{Subject: "bob", ExpiresAt: in(time.Hour)})
	noSub := sign(t, jwt.SigningMethodHS256, secretKey, jwt.RegisteredClaims{ExpiresAt: in(time.Hour)})
	unsigned := sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, jwt.RegisteredClaims{Subject: "johndoe", ExpiresAt: in(time.Hour)})

	const bad = `{"detail":"Could not validate credentials"}`
	bearer := func(tok string) map[string][]string { return H("Authorization", "Bearer "+tok) }
	Run(t, app, []Case{
		{Name: "me", Path: "/users/me/", Header: bearer(token), Status: 200,
			JSON: `{"username":"johndoe","email":"johndoe@example.com","full_name":"John Doe","disabled":false}`},
		{Name: "items", Path: "/users/me/items/", Header: bearer(token), Status: 200, JSON: `[{"item_id":"Foo","owner":"johndoe"}]`},
		{Name: "expired", Path: "/users/me/", Header: bearer(expired), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "no expiry", Path: "/users/me/", Header: bearer(noExp), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "other key", Path: "/users/me/", Header: bearer(otherKey), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "other algorithm", Path: "/users/me/", Header: bearer(hs512), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "alg none", Path: "/users/me/", Header: bearer(unsigned), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "unknown user", Path: "/users/me/", Header: bearer(unknown), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "no subject", Path: "/users/me/", Header: bearer(noSub), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "garbage", Path: "/users/me/", Header: bearer("not.a.jwt"), Status: 401, Challenge: "Bearer", JSON: bad},
		{Name: "no token", Path: "/users/me/", Status: 401, Challenge: "Bearer", JSON: `{"detail":"Not authenticated"}`},
		{Name: "wrong password", Method: "POST", Path: "/token", Form: Form("username=johndoe&password=wrong"),
			Status: 401, Challenge: "Bearer", JSON: `{"detail":"Incorrect username or password"}`},
		{Name: "unknown user login", Method: "POST", Path: "/token", Form: Form("username=bob&password=secret"),
			Status: 401, Challenge: "Bearer", JSON: `{"detail":"Incorrect username or password"}`},
		NotFound,
	})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp())
	Expect(t, doc, `{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"OAuth2PasswordBearer":[]}]`, "paths", "/users/me/items/", "get", "security")
}

// The tutorial's stored hash is argon2id of "secret"; hashes made here
// verify, with their own salt each time, and anything malformed fails.
func TestPasswordHash(t *testing.T) {
	stored := fakeUsersDB["johndoe"].hashedPassword
	if !verifyPassword("secret", stored) || verifyPassword("Secret", stored) {
		t.Error("the tutorial's hash")
	}
	h1, h2 := getPasswordHash("pw"), getPasswordHash("pw")
	if h1 == h2 || !strings.HasPrefix(h1, "$argon2id$v=19$m=65536,t=3,p=4$") {
		t.Errorf("hashes %q %q", h1, h2)
	}
	if !verifyPassword("pw", h2) || verifyPassword("pw2", h1) {
		t.Error("round trip")
	}
	for _, bad := range []string{"", "secret", "$2b$12$EixZaYVK1fsbw1ZfbX3OXePaWxn96p36WQoeG6Lruj3vjPGga31lW",
		strings.Replace(stored, "argon2id", "argon2i", 1), strings.Replace(stored, "v=19", "v=16", 1),
		strings.Replace(stored, "m=65536", "m=x", 1), stored[:len(stored)-44] + "!!!", stored[:strings.LastIndex(stored, "$")+1]} {
		if verifyPassword("secret", bad) {
			t.Errorf("%q verified", bad)
		}
	}
}
