package main

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestReplaceSection(t *testing.T) {
	const block = beginMarker + "\nnew\n" + endMarker
	for _, c := range []struct{ name, doc, want string }{
		{"empty", "", block + "\n"},
		{"append", "# R\n\ntext", "# R\n\ntext\n\n" + block + "\n"},
		{"append after newlines", "# R\n\n\n", "# R\n\n" + block + "\n"},
		{"replace", "a\n" + beginMarker + "\nold\nolder\n" + endMarker + "\nb\n", "a\n" + block + "\nb\n"},
		{"replace empty", "a\n" + beginMarker + endMarker + "\n", "a\n" + block + "\n"},
	} {
		got, err := replaceSection(c.doc, "new\n\n")
		if err != nil || got != c.want {
			t.Errorf("%s: replaceSection = %q, %v; want %q", c.name, got, err, c.want)
		}
		if again, _ := replaceSection(got, "new"); again != got {
			t.Errorf("%s: not idempotent: %q", c.name, again)
		}
	}
	for _, doc := range []string{beginMarker + "\nx", "x\n" + endMarker, endMarker + "\n" + beginMarker} {
		if _, err := replaceSection(doc, "new"); err == nil {
			t.Errorf("replaceSection(%q): no error", doc)
		}
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i))
	}
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{0, 1}, {0.5, 50}, {0.99, 99}, {1, 100}, {0.001, 1}} {
		if got := percentile(d, c.q); got != c.want {
			t.Errorf("percentile(1..100, %v) = %v, want %v", c.q, got, c.want)
		}
	}
	if got := percentile(nil, 0.5); got != 0 {
		t.Errorf("percentile(nil) = %v", got)
	}
	st := &stats{lat: []time.Duration{3, 1, 2}, elapsed: time.Second}
	if q := st.quantiles(0.5, 1); q[0] != 2 || q[1] != 3 {
		t.Errorf("quantiles = %v", q)
	}
	if st.rps() != 3 {
		t.Errorf("rps = %v", st.rps())
	}
}

func TestTabulateRatios(t *testing.T) {
	results := map[cellKey]*stats{}
	for i, im := range impls {
		n := time.Duration(i + 1)
		results[cellKey{im.key, "200", 8}] = &stats{lat: []time.Duration{10 * n, 20 * n}, elapsed: n * time.Second}
	}
	rows := tabulate(results, map[string]int{"raw": 2048}, []int{8})
	if len(rows) != len(impls) {
		t.Fatalf("%d rows, want %d", len(rows), len(impls))
	}
	raw, second := rows[0], rows[1]
	if raw.impl.key != "raw" || raw.rpsRatio != 1 || raw.p50Ratio != 1 || raw.rssKB != 2048 {
		t.Errorf("raw row = %+v", raw)
	}
	if second.rpsRatio != 0.5 || second.p50Ratio != 2 || second.p99Ratio != 2 {
		t.Errorf("second row ratios = %v %v %v, want 0.5 2 2", second.rpsRatio, second.p50Ratio, second.p99Ratio)
	}
	if !math.IsNaN(ratio(1, 0)) || fmtRatio(ratio(1, 0)) != "—" || fmtRatio(1.234) != "1.23" {
		t.Error("ratio of an unknown reference")
	}
}

func TestFormatting(t *testing.T) {
	for d, want := range map[time.Duration]string{
		85300 * time.Nanosecond:  "85.3 µs",
		412 * time.Microsecond:   "412 µs",
		2410 * time.Microsecond:  "2.41 ms",
		48300 * time.Microsecond: "48.3 ms",
	} {
		if got := fmtLatency(d); got != want {
			t.Errorf("fmtLatency(%v) = %q, want %q", d, got, want)
		}
	}
	if got := joinInts([]int{1, 8, 64}); got != "1, 8 and 64" {
		t.Errorf("joinInts = %q", got)
	}
	if got, err := parseInts("1, 8,64"); err != nil || len(got) != 3 || got[2] != 64 {
		t.Errorf("parseInts = %v, %v", got, err)
	}
	if _, err := parseInts("1,0"); err == nil {
		t.Error("parseInts accepted 0")
	}
	if s := (report{rows: nil, cfg: config{clients: []int{1}}, plotFile: "p.png"}).markdown(); !strings.Contains(s, "](p.png)") {
		t.Errorf("markdown has no plot: %s", s)
	}
}
