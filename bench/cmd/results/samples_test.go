package main

import (
	"math"
	"strings"
	"testing"
)

// testRun is three rounds of two paths on both Echos.
func testRun() results {
	var rs results
	for i, k := range []float64{1, 1.25, 0.8} {
		rs = append(rs, round{
			"BenchmarkBasic/OK/raw":           {"ns/op": 500 * k, "allocs/op": 5},
			"BenchmarkBasic/OK/fastecho":      {"ns/op": (600 + 10*float64(i)) * k, "allocs/op": 4},
			"BenchmarkBasic/OK/echomw":        {"ns/op": 800 * k, "allocs/op": 9},
			"BenchmarkBasic/OK/huma":          {"ns/op": 900 * k, "allocs/op": 8},
			"BenchmarkBasic/Missing/raw":      {"ns/op": 400 * k, "allocs/op": 4},
			"BenchmarkBasic/Missing/fastecho": {"ns/op": 1000 * k, "allocs/op": 7},
			"BenchmarkBasic/OK/raw5":          {"ns/op": 300 * k, "allocs/op": 2},
			"BenchmarkBasic/OK/fastecho5":     {"ns/op": 333 * k, "allocs/op": 3},
		})
	}
	return rs
}

// TestSamplesRoundTrip checks that a report's sample block and its tables
// read back as the run's per-round ratios and their medians.
func TestSamplesRoundTrip(t *testing.T) {
	rep := newReport(testRun())
	rep.compare(previous{})
	text := string(rep.markdown())

	got, ok, err := parseSamples(text)
	if err != nil || !ok {
		t.Fatalf("parseSamples: %v, %v", ok, err)
	}
	n := 0
	for _, r := range rep.rows {
		for im, want := range r.samples {
			key := ratioKey(r.path, r.kase, r.sfx, im)
			n++
			if len(got[key]) != len(want) {
				t.Errorf("%s: %v, want %v", key, got[key], want)
				continue
			}
			for i := range want {
				if math.Abs(got[key][i]-want[i]) > 5e-5 {
					t.Errorf("%s: %v, want %v", key, got[key], want)
				}
			}
		}
	}
	if n != 5 || len(got) != n {
		t.Errorf("%d ratios written, %d read: %v", n, len(got), got)
	}
	if !strings.Contains(text, "Basic/OK/fastecho5/raw5 1.1100 1.1100 1.1100\n") {
		t.Errorf("sample block:\n%s", text[strings.Index(text, "<details>"):])
	}

	medians := parseTableRatios(text)
	for _, r := range rep.rows {
		for im, want := range r.ratio {
			key := ratioKey(r.path, r.kase, r.sfx, im)
			if math.Abs(medians[key]-want) > 0.005 {
				t.Errorf("table %s = %v, want %.2f", key, medians[key], want)
			}
		}
	}
	if len(medians) != 5 {
		t.Errorf("table ratios = %v", medians)
	}
}

// TestParseTableRatios reads the tables of a report written before the
// sample block existed: only the Echo v4 and v5 path tables count.
func TestParseTableRatios(t *testing.T) {
	text := `## Echo v4

| path | case | raw | fastecho | echomw | huma | fastecho/raw | fastecho/echomw | fastecho/huma | targets |
|---|---|---:|---:|---:|---:|---:|---:|---:|---|
| APIKeyHeader | OK | 365 ns · 3 | 703 ns · 3 | 813 ns · 8 | 790 ns · 7 | 1.82 | 0.82 | 0.79 | **missed** x |

## Echo v5

| path | case | raw5 | fastecho5 | echomw5 | fastecho5/raw5 | fastecho5/echomw5 | targets |
|---|---|---:|---:|---:|---:|---:|---|
| OAuth2Bearer | OK | 298 ns · 2 | 681 ns · 3 | — | 2.01 | — | **missed** y |

## Before and after the core/adapter refactor (Echo v4)

| path | case | fastecho/raw before | fastecho/raw after | after/before |
|---|---|---:|---:|---:|
| APIKeyHeader | OK | 0.63 | 1.82 | ×2.90 |
`
	got := parseTableRatios(text)
	want := map[string]float64{
		"APIKeyHeader/OK/fastecho/raw": 1.82, "APIKeyHeader/OK/fastecho/echomw": 0.82, "APIKeyHeader/OK/fastecho/huma": 0.79,
		"OAuth2Bearer/OK/fastecho5/raw5": 2.01,
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

// TestParsePrevious checks what a previous report offers: its samples, or
// without them its tables' medians; a broken block is an error.
func TestParsePrevious(t *testing.T) {
	if p, err := parsePrevious(""); err != nil || p.found {
		t.Errorf("empty: %+v, %v", p, err)
	}
	withBlock := "Written by `make bench` on a machine.\n\n" + samplesBegin + "\n```text\nBasic/OK/fastecho/raw 1.0 1.1\n```\n" + samplesEnd + "\n"
	p, err := parsePrevious(withBlock)
	if err != nil || !p.found || p.env != "a machine" || len(p.samples["Basic/OK/fastecho/raw"]) != 2 || p.medians != nil {
		t.Errorf("with block: %+v, %v", p, err)
	}
	old := "## Echo v4\n\n| path | case | raw | fastecho | fastecho/raw | targets |\n|---|---|---:|---:|---:|---|\n| Basic | OK | 1 | 2 | 2.00 | met |\n"
	p, err = parsePrevious(old)
	if err != nil || p.samples != nil || p.medians["Basic/OK/fastecho/raw"] != 2 {
		t.Errorf("without block: %+v, %v", p, err)
	}
	if _, err := parsePrevious(samplesBegin + "\nBasic/OK/fastecho/raw 1.0 x\n" + samplesEnd); err == nil {
		t.Error("a bad value: no error")
	}
	if _, err := parsePrevious(samplesBegin + "\nBasic/OK/fastecho/raw 1.0\n"); err == nil {
		t.Error("no end marker: no error")
	}
}
