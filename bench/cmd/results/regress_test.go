package main

import (
	"math"
	"strings"
	"testing"
)

// spread returns n values around center, within ±width, deterministic.
func spread(center, width float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = center + width*(float64((i*7)%n)/float64(n-1)*2-1)
	}
	return out
}

// TestRegressed checks the decision: more than 15% worse and significant.
func TestRegressed(t *testing.T) {
	for _, tc := range []struct {
		name        string
		before, now []float64
		want        bool
	}{
		{"clearly worse", spread(1.0, 0.05, 15), spread(1.3, 0.05, 15), true},
		{"clearly worse, fewer rounds now", spread(1.0, 0.05, 15), spread(1.4, 0.1, 5), true},
		{"equal", spread(1.0, 0.05, 15), spread(1.0, 0.05, 15), false},
		{"better", spread(1.3, 0.05, 15), spread(1.0, 0.05, 15), false},
		{"significant but within 15%", spread(1.0, 0.02, 15), spread(1.1, 0.02, 15), false},
		{"30% worse but 3 noisy rounds", []float64{1.0, 1.6, 0.7}, []float64{1.3, 0.8, 1.9}, false},
		{"30% worse, 15 rounds, as noisy as the change", spread(1.0, 0.6, 15), spread(1.3, 0.6, 15), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, now, p, worse := regressed(tc.before, tc.now)
			if worse != tc.want {
				t.Errorf("regressed = %v (medians %.3f → %.3f, p=%.4f), want %v", worse, old, now, p, tc.want)
			}
		})
	}
}

// TestCompare checks the guard on a report: against per-round samples,
// and against the medians of a report without them.
func TestCompare(t *testing.T) {
	rep := &report{rows: []row{
		{path: "Basic", kase: "OK", samples: map[string][]float64{"raw": spread(1.3, 0.05, 15), "huma": spread(0.5, 0.02, 15)}},
		{path: "Basic", kase: "OK", sfx: "5", samples: map[string][]float64{"raw": spread(1.0, 0.05, 15)}},
	}}

	rep.compare(previous{found: true, samples: map[string][]float64{
		"Basic/OK/fastecho/raw":   spread(1.0, 0.05, 15),
		"Basic/OK/fastecho/huma":  spread(0.5, 0.02, 15),
		"Basic/OK/fastecho5/raw5": spread(1.0, 0.05, 15),
	}})
	g := rep.guard
	if g.compared != 3 || g.mediansOnly || len(g.regressions) != 1 {
		t.Fatalf("guard = %+v, want 3 compared, 1 regression", g)
	}
	if r := rep.rows[0].regressed; len(r) != 1 || r[0].ratio != "fastecho/raw" || r[0].p >= 0.05 || !strings.HasPrefix(r[0].mark(), "▲ fastecho/raw +30% (p=0.0") {
		t.Errorf("row regressions = %+v (%s)", r, r[0].mark())
	}
	if len(rep.rows[1].regressed) != 0 {
		t.Errorf("v5 row regressed: %+v", rep.rows[1].regressed)
	}
	if !strings.Contains(g.warning("RESULTS.md"), "Echo v4 Basic/OK ▲ fastecho/raw +30%") {
		t.Errorf("warning = %q", g.warning("RESULTS.md"))
	}

	for i := range rep.rows {
		rep.rows[i].regressed = nil
	}
	rep.compare(previous{found: true, medians: map[string]float64{"Basic/OK/fastecho/raw": 1.0, "Basic/OK/fastecho5/raw5": 0.8}})
	g = rep.guard
	if g.compared != 2 || !g.mediansOnly || len(g.regressions) != 2 || !math.IsNaN(g.regressions[0].p) {
		t.Fatalf("guard = %+v, want 2 compared, 2 regressions on medians", g)
	}
	if m := g.regressions[1].mark(); m != "▲ fastecho5/raw5 +25% (medians only)" {
		t.Errorf("mark = %q", m)
	}

	rep.compare(previous{})
	if rep.guard.found || rep.guard.compared != 0 || rep.guard.warning("x") != "" {
		t.Errorf("no previous report: guard = %+v", rep.guard)
	}
}
