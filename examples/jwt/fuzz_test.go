package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/argon2"
)

// The key and the clock of FuzzParseToken, fixed so that the committed
// seeds (testdata/fuzz/FuzzParseToken) stay valid tokens.
var (
	fuzzKey = []byte("the key of FuzzParseToken, 32 bytes or more")
	fuzzNow = time.Unix(1767225600, 0) // 2026-01-01T00:00:00Z
)

// hs256 signs header and claims, raw JSON or not, with fuzzKey.
func hs256(header, claims string) string {
	input := base64.RawURLEncoding.EncodeToString([]byte(header)) + "." + base64.RawURLEncoding.EncodeToString([]byte(claims))
	mac := hmac.New(sha256.New, fuzzKey)
	mac.Write([]byte(input))
	return input + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// FuzzParseToken feeds parseToken a token as sent and one made of a header
// and claims signed with the key, so that only the checks of the claims
// stand between them and acceptance. A token it accepts must be signed
// with the key in HS256, and carry a subject (the one returned) and an
// "exp" after now, at most maxTokenLifetime+maxClockSkew away and at most
// maxTokenLifetime after an "iat" not in the future, as the claims decode
// independently.
func FuzzParseToken(f *testing.F) {
	f.Fuzz(func(t *testing.T, token, header, claims string) {
		for _, tok := range []string{token, hs256(header, claims)} {
			sub, err := parseToken(tok, fuzzKey, fuzzNow)
			if err != nil {
				continue
			}
			parts := strings.Split(tok, ".")
			if len(parts) != 3 {
				t.Fatalf("accepted %q: not three segments", tok)
			}
			mac := hmac.New(sha256.New, fuzzKey)
			mac.Write([]byte(parts[0] + "." + parts[1]))
			sig, err := base64.RawURLEncoding.DecodeString(parts[2])
			if err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
				t.Fatalf("accepted %q: not an HMAC-SHA256 of its first two segments with the key", tok)
			}
			var hdr map[string]any
			raw, err := base64.RawURLEncoding.DecodeString(parts[0])
			if err != nil || json.Unmarshal(raw, &hdr) != nil || hdr["alg"] != algorithm {
				t.Fatalf("accepted %q: header %q is not alg %s", tok, raw, algorithm)
			}
			var c jwt.RegisteredClaims
			raw, err = base64.RawURLEncoding.DecodeString(parts[1])
			if err != nil || json.Unmarshal(raw, &c) != nil {
				t.Fatalf("accepted %q: claims %q do not decode", tok, raw)
			}
			switch {
			case c.Subject == "" || c.Subject != sub:
				t.Fatalf("accepted %q: subject %q, returned %q", raw, c.Subject, sub)
			case c.ExpiresAt == nil || !fuzzNow.Before(c.ExpiresAt.Time):
				t.Fatalf("accepted %q: no exp, or expired", raw)
			case c.ExpiresAt.Sub(fuzzNow) > maxTokenLifetime+maxClockSkew:
				t.Fatalf("accepted %q: expires in %v", raw, c.ExpiresAt.Sub(fuzzNow))
			case c.IssuedAt != nil && c.ExpiresAt.Sub(c.IssuedAt.Time) > maxTokenLifetime:
				t.Fatalf("accepted %q: lives %v from iat", raw, c.ExpiresAt.Sub(c.IssuedAt.Time))
			case c.IssuedAt != nil && c.IssuedAt.Sub(fuzzNow) > maxClockSkew:
				t.Fatalf("accepted %q: issued %v in the future", raw, c.IssuedAt.Sub(fuzzNow))
			case c.NotBefore != nil && fuzzNow.Before(c.NotBefore.Time):
				t.Fatalf("accepted %q: not valid before %v", raw, c.NotBefore)
			}
		}
	})
}

// FuzzPasswordHash feeds parsePasswordHash (and verifyPassword) any string.
// A hash it accepts has one spelling, the one String writes back, and
// parameters within the bounds; when they are cheap, a hash made with them
// verifies its password and no other, and nothing panics.
func FuzzPasswordHash(f *testing.F) {
	f.Fuzz(func(t *testing.T, hashed, password string) {
		h, err := parsePasswordHash(hashed)
		if err != nil {
			if verifyPassword(password, hashed) {
				t.Fatalf("%q refused by the parser, verified", hashed)
			}
			return
		}
		if s := h.String(); s != hashed {
			t.Fatalf("%q parsed, written back as %q", hashed, s)
		}
		if h.memory < 8*uint32(h.threads) || h.memory > maxArgonMemory || h.time < 1 || h.time > maxArgonTime || h.threads < 1 ||
			len(h.salt) < minArgonSaltLen || len(h.salt) > maxArgonSaltLen || len(h.key) < minArgonKeyLen || len(h.key) > maxArgonKeyLen {
			t.Fatalf("%q: parameters out of bounds: m=%d t=%d p=%d salt %d key %d", hashed, h.memory, h.time, h.threads, len(h.salt), len(h.key))
		}
		if h.memory > 256 || h.time > 2 {
			return // a real cost: parsing is what this target is about
		}
		verifyPassword(password, hashed)
		h.key = argon2.IDKey([]byte(password), h.salt, h.time, h.memory, h.threads, uint32(len(h.key)))
		if !verifyPassword(password, h.String()) || verifyPassword(password+"x", h.String()) {
			t.Fatalf("%q with password %q: a hash made with its parameters does not verify as it should", hashed, password)
		}
	})
}
