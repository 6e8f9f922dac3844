package typed

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A chain's scope lists come from its Security wrappers, not from the
// request, so the same few merges happen on every request. mergedScopes
// remembers them: the lists it returns are shared by every request and must
// never be modified (their capacity equals their length, so appending
// copies). The table is bounded; past it, merges are computed each time.

const maxMergedScopes = 4096

type scopeMerge struct {
	base, add, merged []string
	str               string // merged joined by single spaces: SecurityScopes.scope_str
}

var scopeMemo struct {
	sync.RWMutex
	m map[uint64][]*scopeMerge
	n int
}

var scopeSeed = maphash.MakeSeed()

// mergedScopes returns the merge of base and add (add not empty): base
// followed by the members of add that are in neither base nor earlier in
// add, and that list joined by spaces. When nothing is added, merged has
// base's length.
func mergedScopes(base, add []string) *scopeMerge {
	// Fast path: a direct-mapped table indexed by where add lives (a
	// Security wrapper passes the same slice every time), checked by
	// content, so a reused address with other scopes only misses.
	slot := &scopeSlots[(uintptr(unsafe.Pointer(unsafe.SliceData(add)))>>4)%uintptr(len(scopeSlots))]
	if e := slot.Load(); e != nil && slices.Equal(e.add, add) && slices.Equal(e.base, base) {
		return e
	}
	e := lookupMerge(base, add)
	slot.Store(e)
	return e
}

// scopeSlots is mergedScopes' fast path.
var scopeSlots [256]atomic.Pointer[scopeMerge]

// lookupMerge returns the remembered merge of base and add, computing and
// (while the table has room) remembering it on first use.
func lookupMerge(base, add []string) *scopeMerge {
	h := hashScopes(base, add)
	scopeMemo.RLock()
	for _, e := range scopeMemo.m[h] {
		if slices.Equal(e.base, base) && slices.Equal(e.add, add) {
			scopeMemo.RUnlock()
			return e
		}
	}
	scopeMemo.RUnlock()
	merged := slices.Clip(mergeScopes(base, add))
	e := &scopeMerge{base: slices.Clone(base), add: slices.Clone(add), merged: merged, str: strings.Join(merged, " ")}
	scopeMemo.Lock()
	if scopeMemo.n < maxMergedScopes {
		if scopeMemo.m == nil {
			scopeMemo.m = make(map[uint64][]*scopeMerge)
		}
		scopeMemo.m[h] = append(scopeMemo.m[h], e)
		scopeMemo.n++
	}
	scopeMemo.Unlock()
	return e
}

func hashScopes(base, add []string) uint64 {
	var h maphash.Hash
	h.SetSeed(scopeSeed)
	for _, s := range base {
		h.WriteString(s)
		h.WriteByte(0)
	}
	h.WriteByte(1)
	for _, s := range add {
		h.WriteString(s)
		h.WriteByte(0)
	}
	return h.Sum64()
}
