package main

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// The access token of this example, in place of the tutorial's JWT:
//
//	base64url(UTF-8(username + ":" + " ".join(scopes))), "=" padding removed
//
// so johndoe with the scopes me and items holds am9obmRvZTptZSBpdGVtcw and
// johndoe without scopes am9obmRvZTo. It is not signed: anyone can make
// one. Do not copy it into a real service; see examples/jwt.

// tokenData is what a token says: the tutorial's TokenData.
type tokenData struct {
	username string
	scopes   []string
}

// grants reports whether the token carries scope.
func (t tokenData) grants(scope string) bool {
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

// decodeToken reads a token; ok is false for anything that is not one:
//   - a character outside [A-Za-z0-9_-] (so no "=" padding, no "+" or "/"),
//     or a length of 1 mod 4, which no base64 text has;
//   - decoded bytes that are not UTF-8;
//   - no ":", or nothing before the first one (the username).
//
// The scopes are the rest split on single spaces, as Python's str.split(" "):
// "me  items" holds "me", "" and "items", and the empty string matches no
// scope a route requires.
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
	// Like Python's urlsafe_b64decode, the (non-strict) decoder ignores
	// the unused low bits of the last character.
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || !utf8.Valid(raw) {
		return tokenData{}, false
	}
	username, scopes, found := strings.Cut(string(raw), ":")
	if !found || username == "" {
		return tokenData{}, false
	}
	return tokenData{username: username, scopes: strings.Split(scopes, " ")}, true
}
