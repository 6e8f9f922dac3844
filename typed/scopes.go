package typed

import (
	"slices"
	"strings"
	"sync/atomic"
)

// A scopeSet is the scopes accumulated at one point of a dependency graph,
// with their two string forms. Sets are immutable. Each remembers, in a few
// slots, the sets that merging a declared list into it gave, so that a
// route whose Security chain is static merges, joins and sorts its scopes
// once, at its first request, not per request (BenchmarkWithScopes). A
// route owns its root set, so nothing is shared between routes.
type scopeSet struct {
	list []string
	str  string // list joined by spaces: SecurityScopes.scope_str
	key  string // list sorted, joined: a memo key part, as FastAPI's sorted set
	next [scopeSlots]atomic.Pointer[scopeStep]
	turn atomic.Uint32 // the slot the next new merge replaces
}

// scopeSlots bounds the merges a set remembers: a Security chain met from
// a set declares one or two lists; a list built per request only rotates
// the slots.
const scopeSlots = 4

// scopeStep is one remembered merge: add merged into the set gave to.
type scopeStep struct {
	add []string
	to  *scopeSet
}

// with returns s followed by the members of add not already present, as
// a set.
func (s *scopeSet) with(add []string) *scopeSet {
	for i := range s.next {
		if st := s.next[i].Load(); st != nil && slices.Equal(st.add, add) {
			return st.to
		}
	}
	merged := mergeScopes(s.list, add)
	if len(merged) == len(s.list) {
		return s
	}
	to := &scopeSet{list: merged, str: strings.Join(merged, " ")}
	to.key = to.str
	if !slices.IsSorted(merged) {
		sorted := slices.Clone(merged)
		slices.Sort(sorted)
		to.key = strings.Join(sorted, " ")
	}
	slot := s.turn.Add(1) % scopeSlots
	s.next[slot].Store(&scopeStep{add: slices.Clone(add), to: to})
	return to
}

// mergeScopes returns base followed by the members of add that are not in
// base (or earlier in add). It returns base itself when nothing is added.
func mergeScopes(base, add []string) []string {
	var out []string
	for _, s := range add {
		if slices.Contains(base, s) || slices.Contains(out, s) {
			continue
		}
		if out == nil {
			out = make([]string, 0, len(base)+len(add))
			out = append(out, base...)
		}
		out = append(out, s)
	}
	if out == nil {
		return base
	}
	return out
}
