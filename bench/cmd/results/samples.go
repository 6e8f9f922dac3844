package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The per-round ratios of a run are kept in its report, for the next run's
// regression check, between these lines (HTML comments, which Markdown
// does not show), inside a collapsed <details> block: one line per ratio,
// its key (see ratioKey) and then its value in each round.
const (
	samplesBegin = "<!-- results:samples:begin v1 -->"
	samplesEnd   = "<!-- results:samples:end -->"
)

// ratioKey names one ratio column of one row, as the sample block and
// the tables do: path/case/fastecho<sfx>/<impl><sfx>, e.g.
// "Basic/OK/fastecho5/raw5".
func ratioKey(path, kase, sfx, impl string) string {
	return path + "/" + kase + "/" + ratioName(sfx, impl)
}

// ratioName is a ratio column's header: fastecho<sfx>/<impl><sfx>.
func ratioName(sfx, impl string) string { return "fastecho" + sfx + "/" + impl + sfx }

// writeSamples writes the sample block of rows: every ratio's per-round
// values, in the order of the report.
func writeSamples(w func(string, ...any), rows []row) {
	w("<details>\n<summary>Per-round ratios of this run, read back by the next <code>make bench</code> ")
	w("for its regression check</summary>\n\n%s\n\n```text\n", samplesBegin)
	for _, r := range rows {
		for _, im := range impls {
			s, ok := r.samples[im]
			if !ok {
				continue
			}
			vs := make([]string, len(s))
			for i, v := range s {
				vs[i] = strconv.FormatFloat(v, 'f', 4, 64)
			}
			w("%s %s\n", ratioKey(r.path, r.kase, r.sfx, im), strings.Join(vs, " "))
		}
	}
	w("```\n\n%s\n</details>\n", samplesEnd)
}

// parseSamples reads the sample block of a report: the per-round ratios by
// key, and whether the report has a block at all.
func parseSamples(text string) (map[string][]float64, bool, error) {
	_, rest, ok := strings.Cut(text, samplesBegin)
	if !ok {
		return nil, false, nil
	}
	block, _, ok := strings.Cut(rest, samplesEnd)
	if !ok {
		return nil, true, fmt.Errorf("sample block without %s", samplesEnd)
	}
	out := map[string][]float64{}
	for _, line := range strings.Split(block, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "```") {
			continue
		}
		vs := make([]float64, 0, len(f)-1)
		for _, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, true, fmt.Errorf("sample block: %q: %v", line, err)
			}
			vs = append(vs, v)
		}
		out[f[0]] = vs
	}
	return out, true, nil
}

// parseTableRatios reads the medians of the ratio columns (fastecho/raw,
// fastecho5/echomw5…) from the path tables of a report, under its
// "## Echo v4" and "## Echo v5" headings, by ratioKey: what a report
// written before the sample block existed offers to compare with.
func parseTableRatios(text string) map[string]float64 {
	out := map[string]float64{}
	var h *host
	var cols []string
	for _, line := range strings.Split(text, "\n") {
		if title, ok := strings.CutPrefix(line, "## "); ok {
			h, cols = nil, nil
			if i := slices.IndexFunc(hosts, func(x host) bool { return x.name == strings.TrimSpace(title) }); i >= 0 {
				h = &hosts[i]
			}
			continue
		}
		if h == nil || !strings.HasPrefix(line, "|") {
			continue
		}
		f := cells(line)
		if len(f) > 2 && f[0] == "path" && f[1] == "case" {
			cols = f
			continue
		}
		if len(f) != len(cols) {
			continue
		}
		for i, c := range cols {
			if !strings.HasPrefix(c, "fastecho"+h.suffix+"/") {
				continue
			}
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				out[f[0]+"/"+f[1]+"/"+c] = v
			}
		}
	}
	return out
}

// cells splits a Markdown table row into its trimmed cells.
func cells(line string) []string {
	f := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}
