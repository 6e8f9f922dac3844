package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestSummary checks the side-by-side table: one line per path and case,
// v4 and v5 figures in their columns, and the marks of the raw targets.
func TestSummary(t *testing.T) {
	t.Parallel()
	rep := &report{rows: []row{
		{path: "Bearer", kase: "OK", sfx: "", ratio: map[string]float64{"raw": 0.92}, allocs: map[string]float64{"fastecho": 2, "raw": 3},
			targets: []target{{kind: "success", ok: true}, {kind: "echomw", ok: false}}},
		{path: "Bearer", kase: "OK", sfx: "5", ratio: map[string]float64{"raw": 1.18}, allocs: map[string]float64{"fastecho": 2, "raw": 2},
			targets: []target{{kind: "success", ok: false}}},
		{path: "Bearer", kase: "Missing", sfx: "", ratio: map[string]float64{"raw": 1.28}, allocs: map[string]float64{"fastecho": 5, "raw": 4},
			targets: []target{{kind: "401", ok: false}}},
	}}
	var b strings.Builder
	rep.summary(func(f string, a ...any) { fmt.Fprintf(&b, f, a...) })
	for _, want := range []string{
		"| Bearer | OK | 0.92 | 1.18 | 2 vs 3 | 2 vs 2 | ✓ | ✗ |",
		"| Bearer | Missing | 1.28 | — | 5 vs 4 | — | ✗ | — |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
}
