// Command jwt is FastAPI's "OAuth2 with Password (and hashing), Bearer with
// JWT tokens" tutorial in Go: /token checks a bcrypt-hashed password and
// issues a signed JWT (HS256, 30 minutes) with golang-jwt; the other routes
// verify it.
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
package main

import (
	"net/http"
	"os"
	"time"

	"github.com/fastecho/fastecho/examples/internal/serve"
	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"
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

// userInDB is a stored user with its bcrypt hash.
type userInDB struct {
	User
	hashedPassword []byte
}

// The tutorial's user; the hash is bcrypt's of "secret".
var fakeUsersDB = map[string]userInDB{
	"johndoe": {User{"johndoe", "johndoe@example.com", "John Doe", false},
		[]byte("$2b$12$EixZaYVK1fsbw1ZfbX3OXePaWxn96p36WQoeG6Lruj3vjPGga31lW")},
}

// dummyHash is checked for unknown users, so that the answer takes as long
// whether the user exists or not.
var dummyHash = []byte("$2b$12$EixZaYVK1fsbw1ZfbX3OXePaWxn96p36WQoeG6Lruj3vjPGga31lW")

// authenticateUser checks the password against the stored hash.
func authenticateUser(username, password string) (userInDB, bool) {
	user, ok := fakeUsersDB[username]
	hash := dummyHash
	if ok {
		hash = user.hashedPassword
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || !ok {
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
	"WWW-Authenticate", "Bearer").Prepare()

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

func loginForAccessToken(_ echo.Context, _ struct{}, formData forms.OAuth2PasswordRequestForm) (Token, error) {
	user, ok := authenticateUser(formData.Username, formData.Password)
	if !ok {
		return Token{}, typed.NewHTTPError(http.StatusUnauthorized, "Incorrect username or password",
			"WWW-Authenticate", "Bearer")
	}
	accessToken, err := createAccessToken(user.Username, accessTokenExpireMinutes*time.Minute)
	if err != nil {
		return Token{}, err
	}
	return Token{AccessToken: accessToken, TokenType: "bearer"}, nil
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
	api := typed.New(e)
	api.POST("/token", typed.Handle(forms.Password(nil), loginForAccessToken))
	api.GET("/users/me/", typed.Handle(getCurrentActiveUser, readUsersMe))
	api.GET("/users/me/items/", typed.Handle(getCurrentActiveUser, readOwnItems))
	if err := openapi.Mount(e, api, openapi.Config{Title: "jwt"}); err != nil {
		panic(err)
	}
	return e
}

func main() { serve.Main(newApp()) }
