package main

import (
	"fmt"
	"math"
	"strings"
)

// The targets of issue 16, on either Echo major version. Ratios are
// fastecho's ns/op over the other implementation's in the same round,
// medians over the rounds.
const (
	successMax = 1.0  // fastecho/raw on a success path (OK), the scopes chain included
	successAim = 0.75 // what the success paths aim for: in the legend only, not checked
	failureMax = 1.1  // fastecho/raw on a 401/403 path
	formMax    = 0.6  // fastecho/raw on the password forms, every case (a 422 included)
	humaMax    = 0.6  // fastecho/huma on every path
	echomwMax  = 0.7  // fastecho/echomw on every path
	firstMaxNs = 60e6 // the first openapi.JSON of 200 operations, in a new process
)

func isForm(path string) bool { return strings.HasPrefix(path, "PasswordForm") }

// target is one of issue 16's targets, checked for one row.
type target struct {
	kind  string // key of notes
	label string // e.g. "fastecho/raw ≤ 1.0"
	have  string // e.g. "1.15"
	ok    bool
	bench string  // the fastecho benchmark to profile on a miss
	focus string  // pprof -focus of that profile
	sfx   string  // the host's suffix ("" Echo v4, "5" Echo v5)
	value float64 // have as a number: the worst miss of a kind is profiled
}

// rowTargets returns the targets of one path and case on one host:
//
//   - fastecho/raw ≤ 0.6 on the password forms, every case; otherwise
//     ≤ 1.0 on a success path (OK) and ≤ 1.1 on any other case (the
//     401/403 paths);
//   - on a success path, fastecho's allocs/op ≤ raw's;
//   - on every path, fastecho/echomw ≤ 0.7 and fastecho/huma ≤ 0.6 where
//     those implementations exist.
//
// A ratio meets its target when its value rounded to two decimals, as the
// report shows it, does.
func rowTargets(r row, fe string) []target {
	var ts []target
	ratio := func(kind, impl string, max float64) {
		v, ok := r.ratio[impl]
		if !ok {
			return
		}
		ts = append(ts, target{kind: kind, label: fmt.Sprintf("fastecho%s/%s%s ≤ %.1f", r.sfx, impl, r.sfx, max),
			have: fmt.Sprintf("%.2f", v), ok: math.Round(v*100)/100 <= max, bench: fe, focus: "ServeHTTP", sfx: r.sfx, value: v})
	}
	allocs := func(kind string) {
		_, okF := r.ns["fastecho"]
		_, okR := r.ns["raw"]
		if !okF || !okR {
			return
		}
		fa, ra := r.allocs["fastecho"], r.allocs["raw"]
		ts = append(ts, target{kind: kind, label: fmt.Sprintf("fastecho%s allocs/op ≤ raw%s's", r.sfx, r.sfx),
			have: fmt.Sprintf("%.0f vs %.0f", fa, ra), ok: fa <= ra, bench: fe, focus: "ServeHTTP", sfx: r.sfx, value: fa - ra})
	}
	form, ok := isForm(r.path), r.kase == "OK"
	switch {
	case form:
		ratio("form", "raw", formMax)
	case ok && r.path == "OAuth2Scopes":
		ratio("chain", "raw", successMax)
	case ok:
		ratio("success", "raw", successMax)
	default:
		ratio("401", "raw", failureMax)
	}
	switch {
	case ok && form:
		allocs("form-allocs")
	case ok:
		allocs("success-allocs")
	}
	ratio("echomw", "echomw", echomwMax)
	ratio("huma", "huma", humaMax)
	return ts
}

// openapiTargets returns the document's targets: the first openapi.JSON
// of 200 operations in a new process (BenchmarkOpenAPIFirst/200) within
// 60 ms, and GET /openapi.json, served from memory by openapi.Mount
// (BenchmarkOpenAPI/Serve/<n>/fastecho, fastecho5), without allocating.
func openapiTargets(rs results) []target {
	var ts []target
	if v, ok := rs.median("BenchmarkOpenAPIFirst/200", "ns/op"); ok {
		ts = append(ts, target{kind: "openapi-cold", label: fmt.Sprintf("first openapi.JSON of 200 operations ≤ %.0f ms", firstMaxNs/1e6),
			have: fmt.Sprintf("%.1f ms", v/1e6), ok: v <= firstMaxNs, bench: "BenchmarkOpenAPI/JSON/200/cold", focus: "openapi.JSON", value: v})
	}
	for _, h := range hosts {
		for _, n := range []string{"20", "200"} {
			fe := "BenchmarkOpenAPI/Serve/" + n + "/fastecho" + h.suffix
			if a, ok := rs.median(fe, "allocs/op"); ok {
				ts = append(ts, target{kind: "openapi-serve", label: "GET /openapi.json (" + n + " operations) on " + h.name + " served from memory without allocating",
					have: fmt.Sprintf("%.0f allocs/op", a), ok: a == 0, bench: fe, focus: "ServeHTTP", sfx: h.suffix, value: a})
			}
		}
	}
	return ts
}

// targetsLegend states the targets for the report's header.
func targetsLegend() string {
	return fmt.Sprintf("**Targets** (issue 16), on Echo v4 and v5 alike, each ratio the median of the per-round ratios of one run: "+
		"every success path (OK) fastecho/raw ≤ %.1f (the aim is ≤ %.2f), the scopes chain included, with allocs/op ≤ raw's; "+
		"every 401/403 path fastecho/raw ≤ %.1f; the password forms (PasswordForm, PasswordFormStrict, every case, "+
		"their 422 included) fastecho/raw ≤ %.1f instead, and allocs/op ≤ raw's on their success path; on every path "+
		"fastecho/huma ≤ %.1f and fastecho/echomw ≤ %.1f where those implementations exist; the first `openapi.JSON` of "+
		"200 operations in a new process (OpenAPIFirst/200) ≤ %.0f ms, and `/openapi.json` served from memory "+
		"(OpenAPI/Serve/*/fastecho, fastecho5) with 0 allocs/op. A ratio meets its target when its value as shown "+
		"(two decimals) does. The targets column lists each miss with its measured value, and ▲ for a ratio that "+
		"regressed against the previous report (see Regressions).",
		successMax, successAim, failureMax, formMax, humaMax, echomwMax, firstMaxNs/1e6)
}

// targetCell is a row's targets column: "met", or each miss with its
// measured value; then each regression of its ratios.
func targetCell(ts []target, regs []regression) string {
	var miss []string
	for _, t := range ts {
		if !t.ok {
			miss = append(miss, t.label+" ("+t.have+")")
		}
	}
	cell := "met"
	if len(miss) > 0 {
		cell = "**missed** " + strings.Join(miss, "; ")
	}
	for _, r := range regs {
		cell += "; " + r.mark()
	}
	return cell
}

func mark(ok bool) string {
	if ok {
		return "met:"
	}
	return "**missed**:"
}
