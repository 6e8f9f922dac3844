// Command jwt is FastAPI's "OAuth2 with Password (and hashing), Bearer with
// JWT tokens" tutorial in Go
// (https://fastapi.tiangolo.com/tutorial/security/oauth2-jwt/): /token
// checks an argon2id-hashed password (golang.org/x/crypto/argon2, reading
// the very hash the tutorial stores with pwdlib) and issues a signed JWT
// (HS256, 30 minutes) with golang-jwt; the other routes verify it.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
//
//	@app.post("/token")              -> login_for_access_token(form_data: OAuth2PasswordRequestForm)
//	@app.get("/users/me/")           -> read_users_me(Depends(get_current_active_user))
//	@app.get("/users/me/items/")     -> read_own_items(Depends(get_current_active_user))
//
// Run it with `JWT_SECRET_KEY=$(openssl rand -hex 32) go run ./examples/jwt`,
// open http://127.0.0.1:8000/docs and Authorize as johndoe / secret.
//
// Beyond the tutorial, three rules that a program built from it must keep:
//
//   - The signing key. The tutorial prints its SECRET_KEY, so anyone can
//     sign tokens for a server that uses it. This program never does:
//     without $JWT_SECRET_KEY it generates a random key for the process and
//     logs a loud warning (its tokens then die with the process, and no
//     other instance accepts them); it refuses to start when
//     $JWT_SECRET_KEY is the tutorial's key, or shorter than the 32 bytes
//     HS256 needs (RFC 7518 §3.2).
//   - Token lifetime. A token must carry "exp" (PyJWT accepts one without),
//     and may not live longer than the tokens /token issues: one whose
//     "exp" lies further than maxTokenLifetime after its "iat", or after
//     now (plus maxClockSkew), is refused, signature or not.
//   - Bounded hashing. Each argon2id check holds 64 MiB and about half a
//     second of CPU, and /token runs one for every attempt, unknown users
//     included (so that their answer is as slow). At most
//     maxConcurrentHashes run at once; a login beyond them is answered at
//     once with 503 {"detail": …} and Retry-After instead of piling up
//     memory. Every password endpoint should do the same.
//
// /token also marks its answer `Cache-Control: no-store` as RFC 6749 §5.1
// asks (forms.Token).
package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/argon2"
)

// The tutorial's settings. tutorialSecretKey is the key its page prints:
// public, hence refused (secretKeyFromEnv).
const (
	algorithm                = "HS256"
	accessTokenExpireMinutes = 30
	tutorialSecretKey        = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"
)

// Token lifetime: no token lives longer than maxTokenLifetime, the lifetime
// of the tokens /token issues. maxClockSkew is how far ahead of this
// server's clock the clock of another instance that issued a token may run.
const (
	maxTokenLifetime = accessTokenExpireMinutes * time.Minute
	maxClockSkew     = time.Minute
)

// Bounded hashing: at most maxConcurrentHashes password checks run at once
// (4 × 64 MiB of argon2id memory at most); a login beyond them gets 503
// with Retry-After: hashRetryAfter seconds, about the time of one check.
const (
	maxConcurrentHashes = 4
	hashRetryAfter      = "1"
)

// secretKeyFromEnv returns the key that signs and verifies tokens: the
// bytes of $JWT_SECRET_KEY or, when it is unset, a random key for this
// process, with a warning on logger. It refuses the tutorial's published
// key and keys shorter than 32 bytes.
func secretKeyFromEnv(getenv func(string) string, logger *log.Logger) ([]byte, error) {
	const generate = "generate one with `openssl rand -hex 32`"
	switch v := getenv("JWT_SECRET_KEY"); {
	case v == "":
		key := make([]byte, 32)
		rand.Read(key)
		logger.Print("WARNING: JWT_SECRET_KEY is not set: tokens are signed with a random key made for this process. " +
			"They stop working when it exits and no other instance accepts them; " + generate + ".")
		return key, nil
	case v == tutorialSecretKey:
		return nil, errors.New("JWT_SECRET_KEY is the key FastAPI's tutorial publishes: anyone can sign tokens with it; " + generate)
	case len(v) < 32:
		return nil, fmt.Errorf("JWT_SECRET_KEY has %d bytes, HS256 needs at least 32 (RFC 7518 §3.2); %s", len(v), generate)
	default:
		return []byte(v), nil
	}
}

// oauth2Scheme reads the bearer token.
var oauth2Scheme = &security.OAuth2PasswordBearer{TokenURL: "token"}

// Token is the answer of /token.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
}

// User is a user as the API shows it.
type User struct {
	Username string `json:"username"`
	Email    string `json:"email"`
	FullName string `json:"full_name"`
	Disabled bool   `json:"disabled"`
}

// userInDB is a stored user with its password hash.
type userInDB struct {
	User
	hashedPassword string
}

// The tutorial's user; the hash is pwdlib's argon2id of "secret", as the
// tutorial prints it.
var fakeUsersDB = map[string]userInDB{
	"johndoe": {User{"johndoe", "johndoe@example.com", "John Doe", false},
		"$argon2id$v=19$m=65536,t=3,p=4$wagCPXjifgvUFBzq4hqe3w$CYaIb8sB+wtD+Vu/P4uod1+Qof8h+1g7bbDlBID48Rc"},
}

// dummyHash is checked for unknown users, so that the answer takes as long
// whether the user exists or not (the tutorial's DUMMY_HASH).
var dummyHash = getPasswordHash("dummypassword")

// The argon2id parameters of pwdlib's PasswordHash.recommended(), which
// the tutorial uses: 64 MiB, 3 passes, 4 lanes, 16-byte salt, 32-byte hash.
const (
	argonMemory  = 64 * 1024
	argonTime    = 3
	argonThreads = 4
	argonSaltLen = 16
	argonKeyLen  = 32
)

// What a stored hash may ask for. A hash names its own cost, so without
// bounds one corrupt or planted row could make a login take gigabytes or
// minutes (or panic argon2, with t=0 or p=0).
const (
	maxArgonMemory                   = 4 * argonMemory // KiB
	maxArgonTime                     = 16
	minArgonSaltLen, maxArgonSaltLen = 8, 64
	minArgonKeyLen, maxArgonKeyLen   = 16, 64
)

// argon2Hash is an argon2id hash and its parameters.
type argon2Hash struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

// String writes h in the PHC string format that pwdlib and most libraries
// read: $argon2id$v=19$m=…,t=…,p=…$salt$hash, in base64 without padding.
func (h argon2Hash) String() string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.memory, h.time, h.threads,
		base64.RawStdEncoding.EncodeToString(h.salt), base64.RawStdEncoding.EncodeToString(h.key))
}

var errBadHash = errors.New("not an argon2id hash in the PHC string format, or outside the bounds")

// parsePasswordHash reads an argon2id hash in the PHC string format,
// strictly: numbers in decimal without sign or leading zero, salt and hash
// in canonical base64 without padding, so that a hash has one spelling
// (String gives it back), and every parameter within the bounds above.
func parsePasswordHash(hashed string) (argon2Hash, error) {
	parts := strings.Split(hashed, "$") // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return argon2Hash{}, errBadHash
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return argon2Hash{}, errBadHash
	}
	threads, ok1 := phcNumber(params[2], "p", 1, 255)
	memory, ok2 := phcNumber(params[0], "m", 8*threads, maxArgonMemory) // argon2 needs 8 KiB a lane
	passes, ok3 := phcNumber(params[1], "t", 1, maxArgonTime)
	salt, ok4 := phcBase64(parts[4], minArgonSaltLen, maxArgonSaltLen)
	key, ok5 := phcBase64(parts[5], minArgonKeyLen, maxArgonKeyLen)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return argon2Hash{}, errBadHash
	}
	return argon2Hash{uint32(memory), uint32(passes), uint8(threads), salt, key}, nil
}

// phcNumber reads name=n, n in decimal without sign or leading zero, from
// lo to hi.
func phcNumber(s, name string, lo, hi uint64) (uint64, bool) {
	digits, ok := strings.CutPrefix(s, name+"=")
	if !ok || digits == "" || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 32)
	return n, err == nil && lo <= n && n <= hi
}

// phcBase64 decodes s, canonical base64 without padding, of lo to hi bytes.
func phcBase64(s string, lo, hi int) ([]byte, bool) {
	b, err := base64.RawStdEncoding.DecodeString(s)
	ok := err == nil && lo <= len(b) && len(b) <= hi && base64.RawStdEncoding.EncodeToString(b) == s
	return b, ok
}

// getPasswordHash hashes password with argon2id and a fresh salt.
func getPasswordHash(password string) string {
	salt := make([]byte, argonSaltLen)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return argon2Hash{argonMemory, argonTime, argonThreads, salt, key}.String()
}

// verifyPassword checks password against an argon2id hash, with the
// parameters the hash names, comparing in constant time.
func verifyPassword(plainPassword, hashedPassword string) bool {
	h, err := parsePasswordHash(hashedPassword)
	if err != nil {
		return false
	}
	got := argon2.IDKey([]byte(plainPassword), h.salt, h.time, h.memory, h.threads, uint32(len(h.key)))
	return subtle.ConstantTimeCompare(got, h.key) == 1
}

// server holds what the routes share.
type server struct {
	// secretKey signs and verifies tokens.
	secretKey []byte
	// hashSlots bounds concurrent hashing: a login holds one of its
	// maxConcurrentHashes slots while it checks the password.
	hashSlots chan struct{}
	// verifyPassword is the function above; a test puts a stand-in here.
	verifyPassword func(plainPassword, hashedPassword string) bool
}

func newServer(secretKey []byte) *server {
	return &server{secretKey: secretKey, hashSlots: make(chan struct{}, maxConcurrentHashes), verifyPassword: verifyPassword}
}

// authenticateUser checks the password against the stored hash, or against
// dummyHash for an unknown user.
func (s *server) authenticateUser(username, password string) (userInDB, bool) {
	user, ok := fakeUsersDB[username]
	if !ok {
		s.verifyPassword(password, dummyHash)
		return userInDB{}, false
	}
	if !s.verifyPassword(password, user.hashedPassword) {
		return userInDB{}, false
	}
	return user, true
}

// createAccessToken signs a token for username, issued now, that expires
// after expiresDelta.
func (s *server) createAccessToken(username string, expiresDelta time.Duration) (string, error) {
	now := time.Now()
	claims := jwt.RegisteredClaims{Subject: username, IssuedAt: jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(expiresDelta))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secretKey)
}

var errTokenLifetime = errors.New("token lives longer than maxTokenLifetime, or was issued in the future")

// parseToken verifies token as of now and returns its subject: signed with
// key in HS256, an "exp" after now but at most maxTokenLifetime (plus
// maxClockSkew) after it, an "iat", when the token has one, at most
// maxTokenLifetime before "exp" and not in the future (beyond
// maxClockSkew), and a subject.
func parseToken(token string, key []byte, now time.Time) (string, error) {
	var claims jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{algorithm}), jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(func() time.Time { return now }))
	if err != nil {
		return "", err
	}
	exp, iat := claims.ExpiresAt.Time, claims.IssuedAt
	if exp.Sub(now) > maxTokenLifetime+maxClockSkew ||
		iat != nil && (exp.Sub(iat.Time) > maxTokenLifetime || iat.Sub(now) > maxClockSkew) {
		return "", errTokenLifetime
	}
	if claims.Subject == "" {
		return "", errors.New("token without subject")
	}
	return claims.Subject, nil
}

// credentialsException answers any token that does not check out.
var credentialsException = typed.NewHTTPError(http.StatusUnauthorized, "Could not validate credentials",
	"WWW-Authenticate", "Bearer")

// getCurrentUser verifies the token and finds its subject.
func (s *server) getCurrentUser(_ echo.Context, token string) (User, error) {
	username, err := parseToken(token, s.secretKey, time.Now())
	if err != nil {
		return User{}, credentialsException
	}
	user, ok := fakeUsersDB[username]
	if !ok {
		return User{}, credentialsException
	}
	return user.User, nil
}

// getCurrentActiveUser refuses disabled users.
func getCurrentActiveUser(_ echo.Context, currentUser User) (User, error) {
	if currentUser.Disabled {
		return User{}, typed.NewHTTPError(http.StatusBadRequest, "Inactive user")
	}
	return currentUser, nil
}

// tooManyLogins answers a login when every hashing slot is taken.
var tooManyLogins = typed.NewHTTPError(http.StatusServiceUnavailable, "Too many login attempts, try again shortly",
	"Retry-After", hashRetryAfter)

func (s *server) loginForAccessToken(c echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestForm) (Token, error) {
	// Bounded hashing: take a slot for the password check, or refuse at
	// once when all are taken, rather than queue 64 MiB more.
	select {
	case s.hashSlots <- struct{}{}:
		defer func() { <-s.hashSlots }()
	default:
		return Token{}, tooManyLogins
	}
	user, ok := s.authenticateUser(formData.Username, formData.Password)
	if !ok {
		return Token{}, typed.NewHTTPError(http.StatusUnauthorized, "Incorrect username or password",
			"WWW-Authenticate", "Bearer")
	}
	accessToken, err := s.createAccessToken(user.Username, accessTokenExpireMinutes*time.Minute)
	if err != nil {
		return Token{}, err
	}
	return forms.Token(c.Response().Header(), Token{AccessToken: accessToken, TokenType: "bearer"})
}

func readUsersMe(_ echo.Context, _ struct{}, currentUser User) (User, error) {
	return currentUser, nil
}

// Item is one of a user's items.
type Item struct {
	ItemID string `json:"item_id"`
	Owner  string `json:"owner"`
}

func readOwnItems(_ echo.Context, _ struct{}, currentUser User) ([]Item, error) {
	return []Item{{ItemID: "Foo", Owner: currentUser.Username}}, nil
}

// app builds the application: its routes and its documentation.
func (s *server) app() *echo.Echo {
	currentUser := typed.Depends(oauth2Scheme, s.getCurrentUser)
	currentActiveUser := typed.Depends(currentUser, getCurrentActiveUser)

	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.POST("/token", typed.Handle(forms.Password(nil), s.loginForAccessToken))
	api.GET("/users/me/", typed.Handle(currentActiveUser, readUsersMe))
	api.GET("/users/me/items/", typed.Handle(currentActiveUser, readOwnItems))
	if err := openapi.Mount(api, openapi.Config{Title: "jwt"}); err != nil {
		panic(err)
	}
	return e
}

func main() {
	key, err := secretKeyFromEnv(os.Getenv, log.Default())
	if err != nil {
		log.Fatal(err)
	}
	serve(newServer(key).app())
}
