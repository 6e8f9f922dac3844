package main

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"golang.org/x/perf/benchmath"
)

// regressionLimit is how much worse a ratio may get before the guard marks
// it: its median more than 15% higher than the previous report's.
const regressionLimit = 0.15

// regression is one ratio of one row that got worse than in the previous
// report.
type regression struct {
	host, path, kase string
	ratio            string  // the column, e.g. "fastecho5/raw5"
	old, now         float64 // the medians
	p                float64 // the Mann–Whitney U test's p-value; NaN when only medians were compared
}

// mark is the regression as the targets column shows it.
func (r regression) mark() string {
	return fmt.Sprintf("▲ %s %+.0f%% (%s)", r.ratio, 100*(r.now/r.old-1), r.pText())
}

func (r regression) pText() string {
	if math.IsNaN(r.p) {
		return "medians only"
	}
	return fmt.Sprintf("p=%.3f", r.p)
}

// guard is the comparison of a run's ratios with the previous report's.
type guard struct {
	found       bool   // there was a previous report
	env         string // where and when it was written
	mediansOnly bool   // it had no sample block: only its medians were compared
	compared    int    // ratios compared
	regressions []regression
}

// previous is what a previous report offers to compare with.
type previous struct {
	found   bool
	env     string
	samples map[string][]float64 // per-round ratios by ratioKey; nil without a sample block
	medians map[string]float64   // the tables' medians by ratioKey, when there is no sample block
}

// parsePrevious reads the previous report (text is empty when there is
// none): its sample block, or failing that the medians of its tables. Its
// bench-http section is left out.
func parsePrevious(text string) (previous, error) {
	if strings.TrimSpace(text) == "" {
		return previous{}, nil
	}
	if sec := httpSection(text); sec != "" {
		text = strings.Replace(text, sec, "", 1)
	}
	_, env := parseBefore(text)
	prev := previous{found: true, env: env}
	s, ok, err := parseSamples(text)
	if err != nil {
		return prev, err
	}
	if ok {
		prev.samples = s
	} else {
		prev.medians = parseTableRatios(text)
	}
	return prev, nil
}

// regressed decides one ratio on its per-round values before and now, as
// benchstat does (golang.org/x/perf/benchmath, AssumeNothing): the medians
// and the p-value of the Mann–Whitney U test that both samples come from
// the same distribution. A regression is a median more than
// regressionLimit higher with p below benchmath's default alpha (0.05).
func regressed(before, now []float64) (old, cur, p float64, worse bool) {
	th := &benchmath.DefaultThresholds
	sb := benchmath.NewSample(slices.Clone(before), th)
	sn := benchmath.NewSample(slices.Clone(now), th)
	old = benchmath.AssumeNothing.Summary(sb, 0.95).Center
	cur = benchmath.AssumeNothing.Summary(sn, 0.95).Center
	c := benchmath.AssumeNothing.Compare(sb, sn)
	return old, cur, c.P, old > 0 && cur > old*(1+regressionLimit) && c.P < c.Alpha
}

// compare checks every ratio of the run against prev and marks the rows
// whose ratios regressed.
func (rep *report) compare(prev previous) {
	g := guard{found: prev.found, env: prev.env, mediansOnly: prev.found && prev.samples == nil}
	for i := range rep.rows {
		r := &rep.rows[i]
		for _, im := range impls {
			now, ok := r.samples[im]
			if !ok {
				continue
			}
			key := ratioKey(r.path, r.kase, r.sfx, im)
			reg := regression{host: hostName(r.sfx), path: r.path, kase: r.kase, ratio: ratioName(r.sfx, im)}
			var worse bool
			if before, ok := prev.samples[key]; ok && len(before) > 0 {
				reg.old, reg.now, reg.p, worse = regressed(before, now)
			} else if old, ok := prev.medians[key]; ok {
				reg.old, reg.now, reg.p = old, median(now), math.NaN()
				worse = old > 0 && reg.now > old*(1+regressionLimit)
			} else {
				continue
			}
			g.compared++
			if worse {
				r.regressed = append(r.regressed, reg)
				g.regressions = append(g.regressions, reg)
			}
		}
	}
	rep.guard = g
}

func hostName(sfx string) string {
	for _, h := range hosts {
		if h.suffix == sfx {
			return h.name
		}
	}
	return sfx
}

// writeRegressions writes the report's Regressions section.
func (rep *report) writeRegressions(w func(string, ...any)) {
	g := rep.guard
	w("## Regressions\n\n")
	w("The regression guard compares each ratio (fastecho/raw, fastecho/echomw, fastecho/huma, per path, case and ")
	w("Echo) with the previous RESULTS.md, the file as it was before this run overwrote it. A ratio is marked ")
	w("**regressed** when its median is more than %.0f%% higher than before **and** the difference is significant: ", 100*regressionLimit)
	w("benchstat's test (golang.org/x/perf/benchmath, AssumeNothing: the Mann–Whitney U test on the per-round ratios ")
	w("of both runs, which the report keeps in the collapsed block at its end) gives p < 0.05. With few rounds a ")
	w("change cannot be significant (3 rounds a side cannot reach p < 0.05), so a short run marks nothing. `make bench` ")
	w("then prints a warning on stderr but still writes this report and succeeds: on a noisy shared machine a ")
	w("timing must not break the build; the marks are for the reviewer.\n\n")
	switch {
	case !g.found:
		w("No previous report: nothing was compared.\n\n")
		return
	case g.mediansOnly:
		w("The previous report (written on %s) has no per-round ratios, so only the medians of its tables were ", g.env)
		w("compared, without a significance test (marked \"medians only\"). Ratios compared: %d.\n\n", g.compared)
	default:
		w("The previous report was written on %s. Ratios compared: %d.\n\n", g.env, g.compared)
	}
	if len(g.regressions) == 0 {
		w("None.\n\n")
		return
	}
	w("| Echo | path | case | ratio | before | now | change | test |\n|---|---|---|---|---:|---:|---:|---|\n")
	for _, r := range g.regressions {
		w("| %s | %s | %s | %s | %.2f | %.2f | ▲ %+.0f%% | %s |\n", strings.TrimPrefix(r.host, "Echo "), r.path, r.kase,
			r.ratio, r.old, r.now, 100*(r.now/r.old-1), r.pText())
	}
	w("\n")
}

// warning is the line make bench prints on stderr when ratios regressed,
// or "".
func (g guard) warning(out string) string {
	if len(g.regressions) == 0 {
		return ""
	}
	var which []string
	for _, r := range g.regressions {
		which = append(which, fmt.Sprintf("%s %s/%s %s", r.host, r.path, r.kase, r.mark()))
	}
	return fmt.Sprintf("WARNING: %d ratio(s) regressed by more than %.0f%% against the previous report (see Regressions in %s): %s",
		len(g.regressions), 100*regressionLimit, out, strings.Join(which, "; "))
}
