package security

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
)

// A nonce is 36 bytes, base64url without padding (48 characters): the
// time it was issued (Unix nanoseconds, 8 bytes, big-endian), 12 random
// bytes, and the first 16 bytes of HMAC-SHA256 under the key of the realm
// and those 20 bytes. Any instance that shares the key can check it; none
// needs to remember it.
const (
	nonceIDLen  = 8 + 12
	nonceMACLen = 16
	nonceRawLen = nonceIDLen + nonceMACLen
	nonceLen    = (nonceRawLen*8 + 5) / 6
)

// nonceID identifies an issued nonce: its time and random bytes.
type nonceID [nonceIDLen]byte

func (id nonceID) issued() int64 { return int64(binary.BigEndian.Uint64(id[:8])) }

// nonces issues and checks the nonces of one realm under one key.
type nonces struct {
	key   []byte
	realm string
}

// issue returns a new nonce issued at now (Unix nanoseconds).
func (n *nonces) issue(now int64) string {
	var raw [nonceRawLen]byte
	binary.BigEndian.PutUint64(raw[:8], uint64(now))
	if _, err := rand.Read(raw[8:nonceIDLen]); err != nil {
		panic("security: crypto/rand failed: " + err.Error())
	}
	n.mac(raw[nonceIDLen:], raw[:nonceIDLen])
	return base64.RawURLEncoding.EncodeToString(raw[:])
}

// check returns the ID of nonce if this realm and key issued it.
func (n *nonces) check(nonce string) (nonceID, bool) {
	var raw [nonceRawLen]byte
	var id nonceID
	if len(nonce) != nonceLen {
		return id, false
	}
	if k, err := base64.RawURLEncoding.Decode(raw[:], []byte(nonce)); err != nil || k != nonceRawLen {
		return id, false
	}
	var want [nonceMACLen]byte
	n.mac(want[:], raw[:nonceIDLen])
	if !hmac.Equal(want[:], raw[nonceIDLen:]) {
		return id, false
	}
	copy(id[:], raw[:nonceIDLen])
	return id, true
}

func (n *nonces) mac(dst, id []byte) {
	m := hmac.New(sha256.New, n.key)
	m.Write([]byte("fastecho digest nonce\x00"))
	m.Write([]byte(n.realm))
	m.Write([]byte{0})
	m.Write(id)
	var sum [sha256.Size]byte
	copy(dst, m.Sum(sum[:0]))
}

// opaque returns the realm's opaque value: derived from the key, so every
// instance sends the same.
func (n *nonces) opaque() string {
	m := hmac.New(sha256.New, n.key)
	m.Write([]byte("fastecho digest opaque\x00"))
	m.Write([]byte(n.realm))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}
