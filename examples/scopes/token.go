package main

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// The spec's deterministic token, in place of the tutorial's JWT:
// base64url(UTF-8(username + ":" + " ".join(scopes))) without padding.

// tokenData is what a token says.
type tokenData struct {
	username string
	scopes   []string
}

// has reports whether the token grants scope.
func (t tokenData) has(scope string) bool {
	for _, s := range t.scopes {
		if s == scope {
			return true
		}
	}
	return false
}

// encodeToken returns the access token of username with scopes.
func encodeToken(username string, scopes []string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(username + ":" + strings.Join(scopes, " ")))
}

// decodeToken reads a token; ok is false for anything that is not one: a
// character outside [A-Za-z0-9_-], a length of 1 mod 4, bytes that are not
// UTF-8, no ':' or an empty username. Scopes are split on single spaces,
// as Python's str.split(" "), so empty strings can appear.
func decodeToken(token string) (tokenData, bool) {
	for i := 0; i < len(token); i++ {
		c := token[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return tokenData{}, false
		}
	}
	if len(token)%4 == 1 {
		return tokenData{}, false
	}
	// Like Python's urlsafe_b64decode, Go's (non-strict) decoder ignores
	// non-zero bits in the last character.
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return tokenData{}, false
	}
	if !utf8.Valid(raw) {
		return tokenData{}, false
	}
	username, scopes, found := strings.Cut(string(raw), ":")
	if !found || username == "" {
		return tokenData{}, false
	}
	return tokenData{username: username, scopes: strings.Split(scopes, " ")}, true
}
