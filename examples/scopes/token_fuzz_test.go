package main

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeToken: decoding never panics, what it accepts re-encodes to a
// token that decodes the same, and every token /token issues decodes to
// its username and scopes.
func FuzzDecodeToken(f *testing.F) {
	for _, s := range []string{"am9obmRvZTptZSBpdGVtcw", "am9obmRvZTo", "YTpi=", "A", "____", "Ojo", "w7w6"} {
		f.Add(s, "johndoe", "me items")
	}
	f.Fuzz(func(t *testing.T, token, username, scopes string) {
		if td, ok := decodeToken(token); ok {
			if td.username == "" || strings.Contains(td.username, ":") {
				t.Fatalf("decodeToken(%q) accepted username %q", token, td.username)
			}
			again, ok := decodeToken(encodeToken(td.username, td.scopes))
			if !ok || again.username != td.username || !slices.Equal(again.scopes, td.scopes) {
				t.Fatalf("decodeToken(%q) = %+v does not survive re-encoding: %+v %v", token, td, again, ok)
			}
		}
		if username == "" || strings.Contains(username, ":") || !utf8.ValidString(username) || !utf8.ValidString(scopes) {
			return
		}
		list := strings.Split(scopes, " ")
		td, ok := decodeToken(encodeToken(username, list))
		if !ok || td.username != username || !slices.Equal(td.scopes, list) {
			t.Fatalf("the token of %q %q decodes to %+v %v", username, list, td, ok)
		}
	})
}
