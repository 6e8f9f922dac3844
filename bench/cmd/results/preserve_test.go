package main

import (
	"strings"
	"testing"
)

const httpBlock = httpBegin + `
## HTTP load

| impl | req/s |
|---|---:|
| raw | 10000 |

![latency](http-latency.png)
` + httpEnd + "\n"

// TestHTTPSection checks that rewriting the report keeps the bench-http
// section of the old one, unchanged, at its end, run after run.
func TestHTTPSection(t *testing.T) {
	report := []byte("# Benchmark results\n\nnew tables\n")
	for _, tc := range []struct {
		name, old, want string
	}{
		{"no old report", "", string(report)},
		{"old report without a section", "# Benchmark results\n\nold tables\n", string(report)},
		{"section at the end", "# old\n\n" + httpBlock, string(report) + "\n" + httpBlock},
		{"section in the middle", "# old\n\n" + httpBlock + "\n## Misses\n\nold\n", string(report) + "\n" + httpBlock},
		{"end marker without a newline", "# old\n" + strings.TrimSuffix(httpBlock, "\n"), string(report) + "\n" + httpBlock},
		{"no end marker: kept to the end", "# old\n" + httpBegin + "\ntext\n", string(report) + "\n" + httpBegin + "\ntext\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(withHTTPSection(append([]byte(nil), report...), tc.old))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			// Rewriting the rewritten report changes nothing.
			if again := string(withHTTPSection(append([]byte(nil), report...), got)); again != got {
				t.Errorf("second rewrite:\n%s\nwant:\n%s", again, got)
			}
		})
	}
}

// TestHTTPSectionOnReport checks a full rewrite: the section follows the
// sample block, and the previous report's samples are read around it.
func TestHTTPSectionOnReport(t *testing.T) {
	rep := newReport(testRun())
	rep.compare(previous{})
	first := string(withHTTPSection(rep.markdown(), "# old\n\n"+httpBlock))
	if !strings.HasSuffix(first, samplesEnd+"\n</details>\n\n"+httpBlock) {
		t.Errorf("report does not end with the sample block and the section:\n%s", first[strings.Index(first, "<details>"):])
	}
	prev, err := parsePrevious(first)
	if err != nil || len(prev.samples) != 5 {
		t.Fatalf("previous: %d samples, %v", len(prev.samples), err)
	}
	rep = newReport(testRun())
	rep.compare(prev)
	second := string(withHTTPSection(rep.markdown(), first))
	if strings.Count(second, httpBegin) != 1 || !strings.HasSuffix(second, httpBlock) {
		t.Errorf("second rewrite lost or doubled the section")
	}
	if rep.guard.compared != 5 || len(rep.guard.regressions) != 0 {
		t.Errorf("guard = %+v, want 5 compared, none regressed", rep.guard)
	}
}
