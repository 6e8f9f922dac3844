package security

import (
	"strconv"
	"sync"
)

// parseNC parses a nonce count: exactly 8 hex digits, not 0.
func parseNC(s string) (uint32, bool) {
	if len(s) != 8 {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 16, 32)
	return uint32(n), err == nil && n != 0
}

// ncResult is what a nonce count's check found.
type ncResult int

const (
	ncFresh   ncResult = iota // not seen before: accept
	ncReplay                  // seen before, or too far behind the highest seen
	ncLost                    // the nonce's state may have been evicted: ask for a new nonce
	ncExpired                 // the nonce has expired by the tracker's clock: ask for a new nonce
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
// max nonces, so that no count is accepted twice. It forgets a nonce in
// two ways, and refuses it ever after:
//
//   - when it expires by the tracker's clock, latest, the latest time use
//     was called with: a clock that never goes back, so the nonce stays
//     expired, even for a request that read the time before the sweep
//     (and then waited on Lookup) or after the system clock stepped back
//     (security review F9: a replay racing the sweep was accepted);
//   - oldest first, when the table is full: that raises the watermark,
//     and a nonce issued at or before it that is not in the table is
//     answered ncLost.
type ncTracker struct {
	mu        sync.Mutex
	max       int
	ttl       int64
	used      map[nonceID]ncState
	order     []nonceID // first use order
	watermark int64
	latest    int64
}

func newNCTracker(max int, ttl int64) *ncTracker {
	return &ncTracker{max: max, ttl: ttl, used: make(map[nonceID]ncState)}
}

// use records that nonce id was used with count nc at now.
func (t *ncTracker) use(id nonceID, nc uint32, now int64) ncResult {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.latest = max(t.latest, now)
	for len(t.order) > 0 && t.expired(t.order[0]) {
		delete(t.used, t.order[0])
		t.order = t.order[1:]
	}
	if t.expired(id) {
		// Whether or not the sweep above reached it: a nonce the table
		// may have forgotten is never fresh again.
		return ncExpired
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

// expired reports whether id has expired by the tracker's clock.
func (t *ncTracker) expired(id nonceID) bool { return id.issued()+t.ttl <= t.latest }

// size returns how many nonces are remembered.
func (t *ncTracker) size() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.used)
}
