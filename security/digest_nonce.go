package security

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"sync"
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

// ncResult is what a nonce count's check found.
type ncResult int

const (
	ncFresh  ncResult = iota // not seen before: accept
	ncReplay                 // seen before, or too far behind the highest seen
	ncLost                   // the nonce's state may have been evicted: ask for a new nonce
)

// ncWindow is how far behind the highest nonce count seen for a nonce a
// count may arrive (out of order, from concurrent requests) and still be
// accepted once.
const ncWindow = 64

// ncState is what one nonce has used: the highest count and a bitmap of
// the ncWindow counts at and below it (bit i: top-i was used).
type ncState struct {
	top  uint32
	seen uint64
}

// ncTracker remembers the nonce counts used with each nonce, for at most
// max nonces. Nonces are forgotten when they expire or, oldest first, when
// the table is full; forgetting an unexpired nonce raises the watermark,
// and a nonce issued at or before it that is not in the table is answered
// ncLost, so that no count is accepted twice.
type ncTracker struct {
	mu        sync.Mutex
	max       int
	ttl       int64
	used      map[nonceID]ncState
	order     []nonceID // first use order
	watermark int64
}

func newNCTracker(max int, ttl int64) *ncTracker {
	return &ncTracker{max: max, ttl: ttl, used: make(map[nonceID]ncState)}
}

// use records that nonce id was used with count nc at now.
func (t *ncTracker) use(id nonceID, nc uint32, now int64) ncResult {
	t.mu.Lock()
	defer t.mu.Unlock()
	for len(t.order) > 0 && t.order[0].issued()+t.ttl <= now {
		delete(t.used, t.order[0])
		t.order = t.order[1:]
	}
	st, ok := t.used[id]
	if !ok {
		if id.issued() <= t.watermark {
			return ncLost
		}
		if len(t.order) >= t.max {
			old := t.order[0]
			delete(t.used, old)
			t.order = t.order[1:]
			t.watermark = max(t.watermark, old.issued())
			if id.issued() <= t.watermark {
				return ncLost
			}
		}
		t.used[id] = ncState{top: nc, seen: 1}
		t.order = append(t.order, id)
		return ncFresh
	}
	switch {
	case nc > st.top:
		if d := nc - st.top; d >= ncWindow {
			st.seen = 1
		} else {
			st.seen = st.seen<<d | 1
		}
		st.top = nc
	case st.top-nc >= ncWindow:
		return ncReplay
	default:
		bit := uint64(1) << (st.top - nc)
		if st.seen&bit != 0 {
			return ncReplay
		}
		st.seen |= bit
	}
	t.used[id] = st
	return ncFresh
}

// size returns how many nonces are remembered.
func (t *ncTracker) size() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.used)
}
