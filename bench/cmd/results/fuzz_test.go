package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// FuzzParseReport feeds arbitrary text to the parsers of a previous report
// and of benchmark output: they never panic, and a parsed sample block
// written again reads back the same (to its four decimals).
func FuzzParseReport(f *testing.F) {
	f.Add("<!-- results:samples:begin v1 -->\n```text\nBasic/OK/fastecho/raw 1.2000 1.3\n```\n<!-- results:samples:end -->\n")
	f.Add("## Echo v4\n\n| path | case | fastecho/raw |\n|---|---|---:|\n| Basic | OK | 1.20 |\n")
	f.Add("BenchmarkBasic/OK/raw-2   1000   512.5 ns/op   96 B/op   4 allocs/op")
	f.Add("<!-- bench-http:begin -->\nx\n<!-- bench-http:end -->")
	f.Fuzz(func(t *testing.T, text string) {
		parseTableRatios(text)
		for _, line := range strings.Split(text, "\n") {
			parseLine(line)
		}
		withHTTPSection([]byte("# report\n"), httpSection(text))
		got, _, err := parseSamples(text)
		if err != nil {
			return
		}
		// Round trip the keys the report writes on Echo v4.
		var rows []row
		want := map[string][]float64{}
		for key, vs := range got {
			parts := strings.Split(key, "/")
			if len(parts) != 4 || parts[2] != "fastecho" || !slices.Contains(impls, parts[3]) ||
				strings.ContainsAny(parts[0]+parts[1], " \t\n\r`") || parts[0] == "" || parts[1] == "" {
				continue
			}
			finite := true
			for _, v := range vs {
				finite = finite && !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) < 1e12
			}
			if !finite {
				continue
			}
			rows = append(rows, row{path: parts[0], kase: parts[1], samples: map[string][]float64{parts[3]: vs}})
			want[key] = vs
		}
		var b strings.Builder
		writeSamples(func(f string, a ...any) { fmt.Fprintf(&b, f, a...) }, rows)
		again, _, err := parseSamples(b.String())
		if err != nil {
			t.Fatalf("written block does not parse: %v\n%s", err, b.String())
		}
		for key, vs := range want {
			back := again[key]
			if len(back) != len(vs) {
				t.Fatalf("%s: %v read back as %v", key, vs, back)
			}
			for i := range vs {
				if math.Abs(back[i]-vs[i]) > 0.00005+1e-9*math.Abs(vs[i]) {
					t.Fatalf("%s: %v read back as %v", key, vs, back)
				}
			}
		}
	})
}
