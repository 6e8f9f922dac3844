package security_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Account is the application's user type: what the handler receives.
type Account struct {
	Username string `json:"username"`
}

// HTTP Digest that verifies the password: FastAPI's HTTP Basic tutorial
// user behind RFC 7616 Digest. The client here is written out to show the
// exchange; curl --digest and browsers do the same.
func ExampleDigestAuth() {
	digest := &security.DigestAuth[Account]{
		Realm: "fastecho",
		Key:   []byte("a secret of 16 bytes or more, shared by every instance"),
		Lookup: func(_ context.Context, username, algorithm string) (security.DigestUser[Account], bool, error) {
			if username != "stanleyjobson" {
				return security.DigestUser[Account]{}, false, nil
			}
			return security.DigestUser[Account]{User: Account{Username: username}, Password: "swordfish"}, true, nil
		},
	}
	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle[struct{}, Account](digest,
		func(c echo.Context, _ struct{}, u Account) (Account, error) { return u, nil }))

	// Without credentials: a 401 and a challenge with a fresh nonce.
	rec := sendDigest(e, "")
	challenge := rec.Header().Get("WWW-Authenticate")
	fmt.Println(rec.Code, regexp.MustCompile(`(nonce|opaque)="[^"]+"`).ReplaceAllString(challenge, `$1="…"`))

	// The client answers the challenge.
	param := func(name string) string {
		return regexp.MustCompile(name + `="([^"]*)"`).FindStringSubmatch(challenge)[1]
	}
	for _, password := range []string{"swordfish", "guess"} {
		h := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
		nonce, nc, cnonce := param("nonce"), "00000001", "0a4f113b"
		response := h(h("stanleyjobson:fastecho:"+password) + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + h("GET:/users/me"))
		rec = sendDigest(e, `Digest username="stanleyjobson", realm="fastecho", uri="/users/me", algorithm=SHA-256, `+
			`nonce="`+nonce+`", nc=`+nc+`, cnonce="`+cnonce+`", qop=auth, response="`+response+`", opaque="`+param("opaque")+`"`)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 401 Digest realm="fastecho", qop="auth", algorithm=SHA-256, nonce="…", opaque="…"
	// 200 {"username":"stanleyjobson"}
	// 401 {"detail":"Incorrect username or password"}
}

func sendDigest(e *echo.Echo, authorization string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}
