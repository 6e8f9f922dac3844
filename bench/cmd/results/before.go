package main

import (
	"fmt"
	"strconv"
	"strings"
)

// beforeRow is one Echo v4 row of an earlier RESULTS.md: each
// implementation's cell as written ("458 ns · 3") and its allocs/op, and
// the ratios fastecho/impl.
type beforeRow struct {
	cell   map[string]string
	allocs map[string]float64
	ratio  map[string]float64
}

// parseBefore reads the path table of an earlier report (its columns:
// path, case, raw, fastecho, echomw, huma, fastecho/raw, fastecho/echomw,
// fastecho/huma, targets) and the environment it was written on.
func parseBefore(text string) (rows map[string]beforeRow, env string) {
	rows = map[string]beforeRow{}
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, "Written by "); ok && env == "" {
			if _, e, ok := strings.Cut(rest, " on "); ok {
				env = strings.TrimSuffix(strings.TrimSpace(e), ".")
			}
			continue
		}
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		f := strings.Split(strings.Trim(line, "|"), "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) < 9 || !isPath(f[0]) {
			continue
		}
		r := beforeRow{cell: map[string]string{}, allocs: map[string]float64{}, ratio: map[string]float64{}}
		for i, im := range impls {
			cell := f[2+i]
			if cell == "—" {
				continue
			}
			r.cell[im] = cell
			if _, a, ok := strings.Cut(cell, "·"); ok {
				r.allocs[im], _ = strconv.ParseFloat(strings.TrimSpace(a), 64)
			}
		}
		for i, im := range []string{"raw", "echomw", "huma"} {
			if v, err := strconv.ParseFloat(f[6+i], 64); err == nil {
				r.ratio[im] = v
			}
		}
		rows[f[0]+"/"+f[1]] = r
	}
	return rows, env
}

func isPath(s string) bool {
	for _, p := range paths {
		if p == s {
			return true
		}
	}
	return false
}

// beforeAfter writes the comparison of the Echo v4 rows with the earlier
// report's, if one was given.
func (rep *report) beforeAfter(w func(string, ...any)) {
	if len(rep.before) == 0 {
		return
	}
	w("## Before and after the core/adapter refactor (Echo v4)\n\n")
	w("**Before** is the previous RESULTS.md (commit 7bdec4f, the library before the refactor, kept as ")
	w("bench/RESULTS.before.md), written on %s; **after** is this run. ", rep.beforeEnv)
	w("The runs differ in load and -benchtime, so compare the ratios, not the times. Before, raw wrote its ")
	w("401/422 with `c.JSON` in the handler and fastecho wrote a prepared 401 directly (0 allocations); now ")
	w("both return their errors to Echo's error handler, so the Missing and Invalid ratios measure different ")
	w("designs. after/before > 1 means fastecho lost ground against raw.\n\n")
	w("| path | case | fastecho/raw before | fastecho/raw after | after/before | fastecho before → after | raw before → after | fastecho/echomw before → after | fastecho/huma before → after |\n")
	w("|---|---|---:|---:|---:|---|---|---|---|\n")
	for _, r := range rep.rows {
		if r.sfx != "" {
			continue
		}
		b, ok := rep.before[r.path+"/"+r.kase]
		if !ok {
			continue
		}
		w("| %s | %s | %s | %s | %s | %s → %s | %s → %s | %s → %s | %s → %s |\n", r.path, r.kase,
			fmtRatio(b.ratio, "raw"), fmtRatio(r.ratio, "raw"), change(b.ratio, r.ratio, "raw"),
			orDash(b.cell["fastecho"]), cell(r, "fastecho"), orDash(b.cell["raw"]), cell(r, "raw"),
			fmtRatio(b.ratio, "echomw"), fmtRatio(r.ratio, "echomw"), fmtRatio(b.ratio, "huma"), fmtRatio(r.ratio, "huma"))
	}
	w("\n")
}

func fmtRatio(m map[string]float64, k string) string {
	if v, ok := m[k]; ok {
		return fmt.Sprintf("%.2f", v)
	}
	return "—"
}

func change(before, after map[string]float64, k string) string {
	b, okB := before[k]
	a, okA := after[k]
	if !okA || !okB || b == 0 {
		return "—"
	}
	return fmt.Sprintf("×%.2f", a/b)
}

func cell(r row, im string) string {
	if v, ok := r.ns[im]; ok {
		return fmt.Sprintf("%s · %.0f", fmtNs(v), r.allocs[im])
	}
	return "—"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
