// Package scopesapp is what the hand-written servers of cmd/httpload
// (rawserver on Echo v4, humaserver on huma v2 over humaecho) share with
// each other: the users, the deterministic token and the checks of the
// scopes demo (examples/scopes), FastAPI's "OAuth2 scopes" tutorial, as
// bench/scopes_test.go writes them by hand, and the HTTP server set-up of
// the examples (the -addr flag, the same timeouts, a graceful shutdown), so
// that all four servers of the HTTP load benchmark differ only in how they
// route and answer.
package scopesapp

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// User is a user as the API shows it.
type User struct {
	Username string `json:"username"`
	Email    string `json:"email"`
	FullName string `json:"full_name"`
	Disabled bool   `json:"disabled"`
}

// Item is one of a user's items.
type Item struct {
	ItemID string `json:"item_id"`
	Owner  string `json:"owner"`
}

// Token is the answer of /token.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
}

// Detail is FastAPI's error body, {"detail": …}.
type Detail struct {
	Detail string `json:"detail"`
}

// userInDB is a stored user and its password (plain text, as in the demo).
type userInDB struct {
	user     User
	password string
}

// users holds the tutorial's two users; alice is disabled.
var users = map[string]*userInDB{
	"johndoe": {User{Username: "johndoe", Email: "johndoe@example.com", FullName: "John Doe"}, "secret"},
	"alice":   {User{Username: "alice", Email: "alicechains@example.com", FullName: "Alice Chains", Disabled: true}, "secret2"},
}

// Scope sets and challenges of the demo's routes: the scopes a route needs,
// sorted as the chain accumulates them, and its WWW-Authenticate value.
var (
	// NeedMe is what /users/me/ needs.
	NeedMe = []string{"me"}
	// NeedItems is what /users/me/items/ needs.
	NeedItems = []string{"items", "me"}
)

// Challenge returns the WWW-Authenticate value of a route needing scopes:
// Bearer, with scope="…" when there are any.
func Challenge(need []string) string {
	if len(need) == 0 {
		return "Bearer"
	}
	return `Bearer scope="` + strings.Join(need, " ") + `"`
}

// Error is an error answer of the chain: status, detail and the
// WWW-Authenticate value to send with it, or "".
type Error struct {
	Status    int
	Detail    string
	Challenge string
}

// NotAuthenticated is the 401 of a request without a bearer token.
var NotAuthenticated = &Error{http.StatusUnauthorized, "Not authenticated", "Bearer"}

// Authenticate returns the user whose username and password these are, as
// /token checks them (login_for_access_token).
func Authenticate(username, password string) (*User, bool) {
	u := users[username]
	if u == nil || password != u.password {
		return nil, false
	}
	return &u.user, true
}

// EncodeToken returns the access token of username with scopes:
// base64url("username:scope scope…") without padding.
func EncodeToken(username string, scopes []string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(username + ":" + strings.Join(scopes, " ")))
}

// tokenData is what a token carries.
type tokenData struct {
	username string
	scopes   []string
}

// decodeToken reads a token as examples/scopes/token.go does; ok is false
// for anything that is not one.
func decodeToken(tok string) (tokenData, bool) {
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return tokenData{}, false
		}
	}
	if len(tok)%4 == 1 {
		return tokenData{}, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || !utf8.Valid(raw) {
		return tokenData{}, false
	}
	name, scopes, ok := strings.Cut(string(raw), ":")
	if !ok || name == "" {
		return tokenData{}, false
	}
	return tokenData{username: name, scopes: strings.Split(scopes, " ")}, true
}

// BearerToken reads an Authorization header as OAuth2PasswordBearer does:
// ok is false (answer NotAuthenticated) unless its scheme is Bearer.
func BearerToken(authorization string) (string, bool) {
	scheme, tok, _ := strings.Cut(authorization, " ")
	if authorization == "" || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(tok), true
}

// CurrentUser is get_current_user: the token must decode, name a known
// user and carry every scope in need; challenge is the route's
// WWW-Authenticate value (Challenge(need)). With active, it is also
// get_current_active_user: a disabled user gets 400.
func CurrentUser(token string, need []string, challenge string, active bool) (*User, *Error) {
	td, ok := decodeToken(token)
	if !ok {
		return nil, &Error{http.StatusUnauthorized, "Could not validate credentials", challenge}
	}
	u := users[td.username]
	if u == nil {
		return nil, &Error{http.StatusUnauthorized, "Could not validate credentials", challenge}
	}
	for _, s := range need {
		if !slices.Contains(td.scopes, s) {
			return nil, &Error{http.StatusUnauthorized, "Not enough permissions", challenge}
		}
	}
	if active && u.user.Disabled {
		return nil, &Error{Status: http.StatusBadRequest, Detail: "Inactive user"}
	}
	return &u.user, nil
}

// OwnItems is the answer of /users/me/items/.
func OwnItems(u *User) []Item { return []Item{{ItemID: "Foo", Owner: u.Username}} }
