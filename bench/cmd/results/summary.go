package main

// summary writes one row per path and case with the Echo v4 and v5
// figures side by side: fastecho/raw, allocations against raw's, and
// whether the fastecho/raw targets (time and allocations) are met.
func (rep *report) summary(w func(string, ...any)) {
	type key struct{ path, kase string }
	byHost := map[key]map[string]*row{}
	var order []key
	for i := range rep.rows {
		r := &rep.rows[i]
		k := key{r.path, r.kase}
		if byHost[k] == nil {
			byHost[k] = map[string]*row{}
			order = append(order, k)
		}
		byHost[k][r.sfx] = r
	}
	w("## Summary: Echo v4 beside Echo v5\n\n")
	w("fastecho/raw (v4) and fastecho5/raw5 (v5), allocs/op of fastecho against raw's, and the fastecho/raw ")
	w("targets of the row on each major (✓ met, ✗ missed); the tables below have every implementation and ratio.\n\n")
	w("| path | case | v4 fastecho/raw | v5 fastecho5/raw5 | v4 allocs | v5 allocs | v4 | v5 |\n")
	w("|---|---|---:|---:|---:|---:|:-:|:-:|\n")
	for _, k := range order {
		w("| %s | %s |", k.path, k.kase)
		hs := byHost[k]
		for _, h := range hosts {
			if r := hs[h.suffix]; r != nil {
				w(" %s |", fmtRatio(r.ratio, "raw"))
			} else {
				w(" — |")
			}
		}
		for _, h := range hosts {
			if r := hs[h.suffix]; r != nil {
				w(" %.0f vs %.0f |", r.allocs["fastecho"], r.allocs["raw"])
			} else {
				w(" — |")
			}
		}
		for _, h := range hosts {
			w(" %s |", rawTargetsMark(hs[h.suffix]))
		}
		w("\n")
	}
	w("\n")
}

// rawTargetsMark is ✓ when every fastecho/raw target of r (its time ratio
// and its allocations) is met, ✗ otherwise, — without a row.
func rawTargetsMark(r *row) string {
	if r == nil {
		return "—"
	}
	for _, t := range r.targets {
		if t.kind != "echomw" && t.kind != "huma" && !t.ok {
			return "✗"
		}
	}
	return "✓"
}
