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
// Users' HA1 values are stored per algorithm (setPassword). A user with
// none for the algorithm a client chose, say one offered after the
// password was set, is refused (401) and logged, never checked against an
// empty password.
//
// Set DIGEST_KEY (16 bytes or more) to the same secret on every instance
// behind a load balancer: nonces are signed with it and need no shared
// store. Without it, a random key is made at start.
package main

import (
	"context"
	"log/slog"
	"os"

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

// algorithms are the algorithms offered, most preferred first: SHA-256,
// and MD5 alongside for clients that know no better. setPassword stores
// an HA1 for each of them.
var algorithms = []string{security.DigestSHA256, security.DigestMD5}

// userStore holds, per user, H(username:realm:password) per algorithm:
// what a real application stores instead of passwords.
type userStore map[string]map[string]string

// setPassword stores the HA1 of password for each of algs, as an
// application does when the password is set. Offer an algorithm later and
// users set before it have no HA1 for it until they set their password
// again: lookup must not let that fall through to an empty password.
func (s userStore) setPassword(username, password string, algs []string) {
	byAlg := make(map[string]string, len(algs))
	for _, alg := range algs {
		byAlg[alg] = security.DigestHA1(alg, username, realm, password)
	}
	s[username] = byAlg
}

// users is FastAPI's Basic tutorial user.
var users = func() userStore {
	s := userStore{}
	s.setPassword("stanleyjobson", "swordfish", algorithms)
	return s
}()

// lookup finds a user and its HA1 for the algorithm the client chose.
func (s userStore) lookup(_ context.Context, username, algorithm string) (security.DigestUser[User], bool, error) {
	byAlg, ok := s[username]
	if !ok {
		return security.DigestUser[User]{}, false, nil
	}
	user := User{Username: username}
	h, ok := byAlg[algorithm]
	if !ok || h == "" {
		// Offered but not stored: the user is known and has no secret for
		// this algorithm. Say so, with neither HA1 nor password, never a
		// made-up one: DigestAuth answers 401 and logs the user and the
		// algorithm. The client can use another challenge.
		return security.DigestUser[User]{User: user}, true, nil
	}
	return security.DigestUser[User]{User: user, HA1: h}, true, nil
}

// readCurrentUser answers with the authenticated user.
func readCurrentUser(_ echo.Context, _ struct{}, u User) (User, error) { return u, nil }

// newApp builds the application; key signs the nonces (nil: a random one).
func newApp(key []byte) *echo.Echo { return build(users, key, algorithms, nil) }

// build builds the application over store, offering algs; logger (nil:
// slog.Default()) gets the errors DigestAuth logs.
func build(store userStore, key []byte, algs []string, logger *slog.Logger) *echo.Echo {
	digest := &security.DigestAuth[User]{
		Realm:      realm,
		Key:        key,
		Lookup:     store.lookup,
		Algorithms: algs,
		Logger:     logger,
	}
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
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
	serve(newApp(key))
}
