package main

import (
	"strings"
	"testing"
)

func TestParseRound(t *testing.T) {
	out := `goos: linux
BenchmarkBasic/OK/raw-2         	  547130	       500.0 ns/op	     112 B/op	       5 allocs/op
BenchmarkBasic/OK/fastecho-2    	  533367	       400.0 ns/op	      96 B/op	       4 allocs/op
BenchmarkOpenAPIFirst/20-2      	      22	   4935098 ns/op	    214344 register-ns/op
PASS
`
	r, err := parseRound(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if got := r["BenchmarkBasic/OK/fastecho"]["allocs/op"]; got != 4 {
		t.Errorf("allocs/op = %v, want 4", got)
	}
	if got := r["BenchmarkOpenAPIFirst/20"]["register-ns/op"]; got != 214344 {
		t.Errorf("register-ns/op = %v", got)
	}
	if len(r) != 3 {
		t.Errorf("%d benchmarks, want 3", len(r))
	}
}

// TestRatio checks that ratios are taken per round, then their median.
func TestRatio(t *testing.T) {
	rs := results{
		{"a": {"ns/op": 100}, "b": {"ns/op": 200}},   // 0.5
		{"a": {"ns/op": 300}, "b": {"ns/op": 300}},   // 1.0
		{"a": {"ns/op": 1000}, "b": {"ns/op": 1600}}, // 0.625
	}
	if got, _ := rs.ratio("a", "b"); got != 0.625 {
		t.Errorf("ratio = %v, want 0.625", got)
	}
	if got, _ := rs.median("a", "ns/op"); got != 300 {
		t.Errorf("median = %v, want 300", got)
	}
}

func TestParseBefore(t *testing.T) {
	text := `# Benchmark results

Written by ` + "`make bench`" + ` on go1.26, 2 CPUs; 7 rounds.

| path | case | raw | fastecho | echomw | huma | fastecho/raw | fastecho/echomw | fastecho/huma | targets |
|---|---|---:|---:|---:|---:|---:|---:|---:|---|
| Digest | OK | 768 ns · 3 | 655 ns · 1 | 1271 ns · 8 | 1210 ns · 6 | 0.87 | 0.52 | 0.54 | **missed** x |
| Floor/401/direct | 85 ns · 0 | 0.14 |
`
	rows, env := parseBefore(text)
	if env != "go1.26, 2 CPUs; 7 rounds" {
		t.Errorf("env = %q", env)
	}
	r, ok := rows["Digest/OK"]
	if len(rows) != 1 || !ok {
		t.Fatalf("rows = %v", rows)
	}
	if r.cell["fastecho"] != "655 ns · 1" || r.allocs["raw"] != 3 || r.ratio["raw"] != 0.87 || r.ratio["huma"] != 0.54 {
		t.Errorf("row = %+v", r)
	}
}

// TestMissedBenchmarks checks that the typical miss of each kind and host
// is profiled, each benchmark once.
func TestMissedBenchmarks(t *testing.T) {
	miss := func(bench, kind, sfx string, v float64) target {
		return target{bench: bench, kind: kind, sfx: sfx, value: v}
	}
	rep := &report{rows: []row{{targets: []target{
		miss("A", "401", "", 3), miss("B", "401", "", 1), miss("C", "401", "", 2),
		miss("C", "echomw", "", 9), miss("D", "401", "5", 1),
		{bench: "E", kind: "401", ok: true, value: 5},
	}}}}
	var got []string
	for _, t := range rep.missedBenchmarks() {
		got = append(got, t.bench)
	}
	if strings.Join(got, " ") != "C D" {
		t.Errorf("profiled %v, want [C D]", got)
	}
}
