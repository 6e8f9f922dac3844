package main

import "strings"

// The HTTP-load section of RESULTS.md is written by another program
// (make bench-http) between these lines; rewriting the report keeps it.
const (
	httpBegin = "<!-- bench-http:begin -->"
	httpEnd   = "<!-- bench-http:end -->"
)

// httpSection returns the bench-http section of a report, from the start
// of its begin marker's line to the end of its end marker's line, or ""
// if the report has none. A section whose end marker is missing runs to
// the end of the report, so that nothing of it is lost.
func httpSection(text string) string {
	i := strings.Index(text, httpBegin)
	if i < 0 {
		return ""
	}
	i = strings.LastIndex(text[:i], "\n") + 1
	j := strings.Index(text[i:], httpEnd)
	if j < 0 {
		return text[i:]
	}
	j += i + len(httpEnd)
	if k := strings.IndexByte(text[j:], '\n'); k >= 0 {
		j += k + 1
	} else {
		j = len(text)
	}
	return text[i:j]
}

// withHTTPSection appends the bench-http section of old, unchanged, to the
// report, after a blank line.
func withHTTPSection(report []byte, old string) []byte {
	sec := httpSection(old)
	if sec == "" {
		return report
	}
	out := append(report, '\n')
	out = append(out, sec...)
	if !strings.HasSuffix(sec, "\n") {
		out = append(out, '\n')
	}
	return out
}
