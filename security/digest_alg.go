package security

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"
)

// The algorithms of RFC 7616 §3.3 that [DigestAuth] supports, for its
// Algorithms field and [DigestHA1]. The -sess forms hash the nonce and
// cnonce into HA1.
const (
	DigestMD5              = "MD5"              // for old clients only
	DigestMD5Sess          = "MD5-sess"         // MD5, HA1 bound to the nonce and cnonce
	DigestSHA256           = "SHA-256"          // the default, and RFC 7616's mandatory algorithm
	DigestSHA256Sess       = "SHA-256-sess"     // SHA-256, HA1 bound to the nonce and cnonce
	DigestSHA512_256       = "SHA-512-256"      // SHA-512/256, RFC 7616's backup algorithm
	DigestSHA512_256Sess   = "SHA-512-256-sess" // SHA-512/256, HA1 bound to the nonce and cnonce
	digestDefaultAlgorithm = DigestSHA256
)

// digestAlg is a supported algorithm.
type digestAlg struct {
	name string           // as in the challenge, e.g. "SHA-256-sess"
	base string           // without -sess
	sess bool             // a -sess form
	hash func() hash.Hash // the hash function
}

var digestAlgs = []digestAlg{
	{name: DigestMD5, base: DigestMD5, hash: md5.New},
	{name: DigestMD5Sess, base: DigestMD5, sess: true, hash: md5.New},
	{name: DigestSHA256, base: DigestSHA256, hash: sha256.New},
	{name: DigestSHA256Sess, base: DigestSHA256, sess: true, hash: sha256.New},
	{name: DigestSHA512_256, base: DigestSHA512_256, hash: sha512.New512_256},
	{name: DigestSHA512_256Sess, base: DigestSHA512_256, sess: true, hash: sha512.New512_256},
}

// findDigestAlg returns the algorithm named name (any case).
func findDigestAlg(name string) (digestAlg, bool) {
	for _, a := range digestAlgs {
		if strings.EqualFold(a.name, name) {
			return a, true
		}
	}
	return digestAlg{}, false
}

// digestResponse returns the expected response in lower-case hex (RFC
// 7616 §3.4.1, qop=auth), computed with h (alg's hash function) from the
// stored HA1 if ha1 is not empty, else from password.
//
// It hashes username:realm:password whichever it uses, so that a stored
// HA1, a password and the empty stand-in of an unknown user all cost the
// same hash computations (security review F11: an unknown user cost one
// hash more than a wrong password with HA1 lookups).
func digestResponse(h hash.Hash, alg digestAlg, cred DigestCredentials, password, ha1, realm, method string) []byte {
	secret := hexHash(h, cred.Username, realm, password)
	if ha1 != "" {
		secret = append(secret[:0], ha1...)
	}
	lowerASCII(secret)
	if alg.sess {
		secret = hexHash(h, string(secret), cred.Nonce, cred.CNonce)
	}
	ha2 := hexHash(h, method, cred.URI)
	return hexHash(h, string(secret), cred.Nonce, cred.NC, cred.CNonce, cred.QOP, string(ha2))
}

// hexHash returns the hex digest, with h, of parts joined by ':'.
func hexHash(h hash.Hash, parts ...string) []byte {
	h.Reset()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{':'})
		}
		h.Write([]byte(p))
	}
	var sum [64]byte
	return hex.AppendEncode(nil, h.Sum(sum[:0]))
}

// lowerASCII lower-cases the ASCII letters of b in place.
func lowerASCII(b []byte) {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
}

// DigestHA1 returns H(username ":" realm ":" password) in lower-case hex
// for algorithm ("MD5", "SHA-256", "SHA-512-256" or their -sess forms,
// which share HA1): what [DigestUser.HA1] holds, to store instead of the
// password. It panics on another algorithm.
func DigestHA1(algorithm, username, realm, password string) string {
	alg, ok := findDigestAlg(algorithm)
	if !ok {
		panic("security: DigestHA1: unsupported algorithm " + strconv.Quote(algorithm))
	}
	return string(hexHash(alg.hash(), username, realm, password))
}
