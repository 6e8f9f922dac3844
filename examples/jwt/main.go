// Command jwt is FastAPI's "OAuth2 with Password (and hashing), Bearer with
// JWT tokens" tutorial in Go: /token checks an argon2id-hashed password
// (golang.org/x/crypto/argon2, reading the very hash the tutorial stores
// with pwdlib) and issues a signed JWT (HS256, 30 minutes) with
// golang-jwt; the other routes verify it.
//
//	oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
//
//	@app.post("/token")              -> login_for_access_token(form_data: OAuth2PasswordRequestForm)
//	@app.get("/users/me/")           -> read_users_me(Depends(get_current_active_user))
//	@app.get("/users/me/items/")     -> read_own_items(Depends(get_current_active_user))
//
// Run it with `go run ./examples/jwt`, open http://127.0.0.1:8000/docs and
// Authorize as johndoe / secret. The signing key comes from $JWT_SECRET_KEY
// (generate one with `openssl rand -hex 32`); without it, the tutorial's
// published key is used, which is fine for a demo and nothing else.
//
// Beyond the tutorial: tokens without "exp" are refused (PyJWT would accept
// one signed with the key), and /token marks its answer
// `Cache-Control: no-store` as RFC 6749 §5.1 asks (forms.Token).
package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/fastecho/fastecho/examples/internal/serve"
	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/argon2"
)

// The tutorial's settings.
const (
	algorithm                = "HS256"
	accessTokenExpireMinutes = 30
	tutorialSecretKey        = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"
)

// secretKey signs and verifies tokens.
var secretKey = []byte(envOr("JWT_SECRET_KEY", tutorialSecretKey))

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
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

// getPasswordHash hashes password with argon2id into the PHC string format
// ($argon2id$v=19$m=…,t=…,p=…$salt$hash) that pwdlib and most libraries
// read.
func getPasswordHash(password string) string {
	salt := make([]byte, argonSaltLen)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// verifyPassword checks password against an argon2id hash in the PHC
// string format, with the parameters the hash names, comparing in
// constant time.
func verifyPassword(password, hashed string) bool {
	parts := strings.Split(hashed, "$") // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return false
	}
	var memory, passes uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &threads); err != nil {
		return false
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, passes, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// authenticateUser checks the password against the stored hash, or against
// dummyHash for an unknown user.
func authenticateUser(username, password string) (userInDB, bool) {
	user, ok := fakeUsersDB[username]
	if !ok {
		verifyPassword(password, dummyHash)
		return userInDB{}, false
	}
	if !verifyPassword(password, user.hashedPassword) {
		return userInDB{}, false
	}
	return user, true
}

// createAccessToken signs a token for username that expires after d.
func createAccessToken(username string, d time.Duration) (string, error) {
	claims := jwt.RegisteredClaims{Subject: username, ExpiresAt: jwt.NewNumericDate(time.Now().Add(d))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secretKey)
}

// credentialsException answers any token that does not check out.
var credentialsException = typed.NewHTTPError(http.StatusUnauthorized, "Could not validate credentials",
	"WWW-Authenticate", "Bearer")

// getCurrentUser verifies the token's signature, algorithm and expiry and
// finds its subject.
var getCurrentUser = typed.Depends(oauth2Scheme, func(_ echo.Context, token string) (User, error) {
	var claims jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return secretKey, nil },
		jwt.WithValidMethods([]string{algorithm}), jwt.WithExpirationRequired())
	if err != nil || claims.Subject == "" {
		return User{}, credentialsException
	}
	user, ok := fakeUsersDB[claims.Subject]
	if !ok {
		return User{}, credentialsException
	}
	return user.User, nil
})

// getCurrentActiveUser refuses disabled users.
var getCurrentActiveUser = typed.Depends(getCurrentUser, func(_ echo.Context, currentUser User) (User, error) {
	if currentUser.Disabled {
		return User{}, typed.NewHTTPError(http.StatusBadRequest, "Inactive user")
	}
	return currentUser, nil
})

func loginForAccessToken(c echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestForm) (Token, error) {
	user, ok := authenticateUser(formData.Username, formData.Password)
	if !ok {
		return Token{}, typed.NewHTTPError(http.StatusUnauthorized, "Incorrect username or password",
			"WWW-Authenticate", "Bearer")
	}
	accessToken, err := createAccessToken(user.Username, accessTokenExpireMinutes*time.Minute)
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

// newApp builds the application: its routes and its documentation.
func newApp() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	api.POST("/token", typed.Handle(forms.Password(nil), loginForAccessToken))
	api.GET("/users/me/", typed.Handle(getCurrentActiveUser, readUsersMe))
	api.GET("/users/me/items/", typed.Handle(getCurrentActiveUser, readOwnItems))
	if err := openapi.Mount(api, openapi.Config{Title: "jwt"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve.Main(newApp()) }
