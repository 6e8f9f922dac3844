package typed

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestScopeSetWith checks merges, remembered or not: the set a list gives
// is the same whether the merge is new, remembered, or pushed out of the
// slots by lists built per request.
func TestScopeSetWith(t *testing.T) {
	t.Parallel()
	root := &scopeSet{}
	tests := []struct {
		from     *scopeSet
		add      []string
		wantList []string
		wantStr  string
		wantKey  string
	}{
		{root, []string{"me"}, []string{"me"}, "me", "me"},
		{root, []string{"me", "items", "me"}, []string{"me", "items"}, "me items", "items me"},
		{root.with([]string{"items"}), []string{"me", "items"}, []string{"items", "me"}, "items me", "items me"},
		{root, nil, nil, "", ""},
	}
	for round := range 3 {
		for _, tt := range tests {
			got := tt.from.with(tt.add)
			if !slices.Equal(got.list, tt.wantList) || got.str != tt.wantStr || got.key != tt.wantKey {
				t.Errorf("round %d: with(%q) = %q %q %q", round, tt.add, got.list, got.str, got.key)
			}
		}
		for i := range 2 * scopeSlots { // lists built per request rotate the slots
			_ = root.with([]string{string(rune('a' + i))})
		}
	}
	if a, b := root.with([]string{"x"}), root.with([]string{"x"}); a != b {
		t.Error("a remembered merge gave a new set")
	}
}

// BenchmarkWithScopes compares a static Security chain's views, whose
// merges the route's sets remember, with merges made anew per request.
func BenchmarkWithScopes(b *testing.B) {
	items, me := []string{"items"}, []string{"me"}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	b.Run("remembered", func(b *testing.B) {
		b.ReportAllocs()
		root := &scopeSet{}
		for b.Loop() {
			r := newRequest(nil, nil, req, nil, root, (*Options)(nil).config())
			_ = r.WithScopes(items...).WithScopes(me...).ScopeStr()
		}
	})
	b.Run("anew", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := newRequest(nil, nil, req, nil, &scopeSet{}, (*Options)(nil).config())
			_ = r.WithScopes(items...).WithScopes(me...).ScopeStr()
		}
	})
}

// BenchmarkChainState compares a two-level Security chain (two views, two
// memoized dependencies) on a chainState with the same on a plain state.
func BenchmarkChainState(b *testing.B) {
	items, me := []string{"items"}, []string{"me"}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	cfg := (*Options)(nil).config()
	keyA, keyB := new(int), new(int)
	chain := func(r *Request) {
		v := r.WithScopes(items...)
		_, _ = Memo(v, keyA, func() (int, error) { return 1, nil })
		w := v.WithScopes(me...)
		_, _ = Memo(w, keyB, func() (int, error) { return 2, nil })
	}
	for _, c := range []struct {
		name string
		new  func(any, http.ResponseWriter, *http.Request, paramReader, *scopeSet, *config) *Request
	}{{"chain", newChainRequest}, {"plain", newRequest}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			root := &scopeSet{}
			for b.Loop() {
				chain(c.new(nil, nil, req, nil, root, cfg))
			}
		})
	}
}

// TestScopeSetConcurrent merges from one set in many goroutines, static
// lists and lists built per call alike (for the race detector): every
// merge gives the right set.
func TestScopeSetConcurrent(t *testing.T) {
	t.Parallel()
	root := &scopeSet{}
	static := []string{"items"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				add := static
				if (g+i)%3 == 0 {
					add = []string{"me", strconv.Itoa(i % 7)}
				}
				got := root.with(add).with([]string{"me"})
				want := mergeScopes(mergeScopes(nil, add), []string{"me"})
				if !slices.Equal(got.list, want) || got.str != strings.Join(want, " ") {
					t.Errorf("with(%q).with(me) = %q %q", add, got.list, got.str)
					return
				}
			}
		}()
	}
	wg.Wait()
}
