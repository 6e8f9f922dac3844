// Command digest is FastAPI's HTTP Basic tutorial user (stanleyjobson,
// password swordfish) behind HTTP Digest authentication that really
// checks the password (RFC 7616), which FastAPI's HTTPDigest does not:
//
//	from fastapi.security import HTTPDigest
//	security = HTTPDigest()
//
//	@app.get("/users/me")
//	def read_current_user(credentials = Depends(security)):
//	    ...  # FastAPI leaves parsing and checking the response to you
//
// The password never crosses the wire: the client proves it knows it by
// hashing it with a nonce the server signed. Try it with
//
//	go run ./examples/digest
//	curl --digest -u stanleyjobson:swordfish http://127.0.0.1:8000/users/me
//
// curl, browsers and Python 3.14's urllib answer the SHA-256 challenge;
// older urllib reads only the first challenge and knows only MD5, so it
// fails here (ValueError) unless MD5 is listed first.
//
// Set DIGEST_KEY (16 bytes or more) to the same secret on every instance
// behind a load balancer: nonces are signed with it and need no shared
// store. Without it, a random key is made at start.
package main

import (
	"context"
	"os"

	"github.com/fastecho/fastecho/examples/internal/serve"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// User is what the handler receives once the response is verified.
type User struct {
	Username string `json:"username"`
}

// realm is the protection space, part of every challenge and of HA1.
const realm = "fastecho"

// ha1 holds, per algorithm, H(username:realm:password) of each user: what
// a real application stores instead of passwords (security.DigestHA1
// computes it when the password is set).
var ha1 = map[string]map[string]string{
	"stanleyjobson": {
		security.DigestSHA256: security.DigestHA1(security.DigestSHA256, "stanleyjobson", realm, "swordfish"),
		security.DigestMD5:    security.DigestHA1(security.DigestMD5, "stanleyjobson", realm, "swordfish"),
	},
}

// lookup finds a user and its HA1 for the algorithm the client chose.
func lookup(_ context.Context, username, algorithm string) (security.DigestUser[User], bool, error) {
	stored, ok := ha1[username]
	if !ok {
		return security.DigestUser[User]{}, false, nil
	}
	return security.DigestUser[User]{User: User{Username: username}, HA1: stored[algorithm]}, true, nil
}

// readCurrentUser answers with the authenticated user.
func readCurrentUser(_ echo.Context, _ struct{}, u User) (User, error) { return u, nil }

// newApp builds the application; key signs the nonces (nil: a random one).
func newApp(key []byte) *echo.Echo {
	digest := &security.DigestAuth[User]{
		Realm:  realm,
		Key:    key,
		Lookup: lookup,
		// SHA-256 first; MD5 alongside for clients that know no better.
		Algorithms: []string{security.DigestSHA256, security.DigestMD5},
	}
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle[struct{}, User](digest, readCurrentUser))
	if err := openapi.Mount(api, openapi.Config{Title: "digest"}); err != nil {
		panic(err)
	}
	return e
}

func main() {
	var key []byte
	if k := os.Getenv("DIGEST_KEY"); k != "" {
		key = []byte(k)
	}
	serve.Main(newApp(key))
}
