package security_test

import (
	"context"
	"fmt"

	"github.com/fastecho/fastecho/security"
)

// ParseDigestCredentials reads the parameters of a Digest Authorization
// header: quoted strings (with escapes and commas) or tokens, names in any
// case, username* decoded.
func ExampleParseDigestCredentials() {
	c, err := security.ParseDigestCredentials(`username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, Realm="api, \"v2\"", ` +
		`uri="/a?b=1,2", algorithm=SHA-256, qop=auth, nc=00000001, response="6f2e"`)
	fmt.Println(err)
	fmt.Printf("%q %q %q %s %s %s\n", c.Username, c.Realm, c.URI, c.Algorithm, c.QOP, c.NC)
	fmt.Println(c) // the response is redacted

	_, err = security.ParseDigestCredentials(`username="unterminated`)
	fmt.Println(err != nil)
	// Output:
	// <nil>
	// "Jäsøn Doe" "api, \"v2\"" "/a?b=1,2" SHA-256 auth 00000001
	// {Username:Jäsøn Doe Realm:api, "v2" Nonce: URI:/a?b=1,2 Response:REDACTED Algorithm:SHA-256 CNonce: Opaque: QOP:auth NC:00000001 UserHash:false}
	// true
}

// Store HA1 rather than the password: DigestUser.HA1 holds it, for the
// algorithm Lookup is asked about.
func ExampleDigestUser() {
	// Computed once, when the password is set, and stored per algorithm.
	stored := map[string]string{
		"MD5":     security.DigestHA1("MD5", "stanleyjobson", "fastecho", "swordfish"),
		"SHA-256": security.DigestHA1("SHA-256", "stanleyjobson", "fastecho", "swordfish"),
	}
	lookup := func(_ context.Context, username, algorithm string) (security.DigestUser[string], bool, error) {
		if username != "stanleyjobson" {
			return security.DigestUser[string]{}, false, nil
		}
		return security.DigestUser[string]{User: username, HA1: stored[algorithm]}, true, nil
	}
	_ = &security.DigestAuth[string]{Realm: "fastecho", Lookup: lookup, Algorithms: []string{security.DigestSHA256, security.DigestMD5}}
	fmt.Println(stored["MD5"]) // md5("stanleyjobson:fastecho:swordfish")
	// Output:
	// 19a0943475ba20f6c67cae3401efe912
}
