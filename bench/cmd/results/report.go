package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// The paths and cases of the benchmarks, in the order of the report.
var (
	paths = []string{"APIKeyHeader", "APIKeyQuery", "APIKeyCookie", "Basic", "Bearer", "Digest",
		"OAuth2Bearer", "OAuth2Scopes", "PasswordForm", "PasswordFormStrict"}
	cases  = []string{"OK", "Missing", "Invalid"}
	others = []string{"echomw", "huma"}
)

// headerPaths are the schemes that read a header, query parameter or
// cookie, whose success path has the strictest target.
var headerPaths = []string{"APIKeyHeader", "APIKeyQuery", "APIKeyCookie", "Basic", "Bearer", "Digest", "OAuth2Bearer"}

func isForm(path string) bool { return strings.HasPrefix(path, "PasswordForm") }

// target is one of issue 5's targets, checked for one row.
type target struct {
	kind  string // key of notes
	label string // e.g. "fastecho/raw ≤ 1.0"
	have  string // e.g. "1.15"
	ok    bool
	bench string // the fastecho benchmark to profile on a miss
	focus string // pprof -focus of that profile
}

// row is one path and case.
type row struct {
	path, kase string
	ns, allocs map[string]float64 // by implementation
	ratio      map[string]float64 // fastecho/impl, median of per-round ratios
	targets    []target
}

type report struct {
	rs       results
	rows     []row
	openapi  []target
	profiles map[string]profile
	env      string
	met      int
	missed   int
}

func bench(path, kase, impl string) string { return "Benchmark" + path + "/" + kase + "/" + impl }

func newReport(rs results) *report {
	rep := &report{rs: rs, profiles: map[string]profile{}}
	for _, p := range paths {
		for _, c := range cases {
			fe := bench(p, c, "fastecho")
			if _, ok := rs.median(fe, "ns/op"); !ok {
				continue
			}
			r := row{path: p, kase: c, ns: map[string]float64{}, allocs: map[string]float64{}, ratio: map[string]float64{}}
			for _, im := range []string{"raw", "fastecho", "echomw", "huma"} {
				if v, ok := rs.median(bench(p, c, im), "ns/op"); ok {
					r.ns[im] = v
					r.allocs[im], _ = rs.median(bench(p, c, im), "allocs/op")
				}
				if im != "fastecho" {
					if v, ok := rs.ratio(fe, bench(p, c, im)); ok {
						r.ratio[im] = v
					}
				}
			}
			r.targets = rowTargets(r, fe)
			rep.rows = append(rep.rows, r)
		}
	}
	rep.openapi = openapiTargets(rs)
	for _, t := range rep.allTargets() {
		if t.ok {
			rep.met++
		} else {
			rep.missed++
		}
	}
	return rep
}

func rowTargets(r row, fe string) []target {
	var ts []target
	ratio := func(kind, impl string, max float64) {
		v, ok := r.ratio[impl]
		if !ok {
			return
		}
		ts = append(ts, target{kind: kind, label: fmt.Sprintf("fastecho/%s ≤ %.1f", impl, max),
			have: fmt.Sprintf("%.2f", v), ok: v <= max, bench: fe, focus: "ServeHTTP"})
	}
	allocs := func(kind string, max float64) {
		v := r.allocs["fastecho"]
		ts = append(ts, target{kind: kind, label: fmt.Sprintf("≤ %.0f allocs/op", max),
			have: fmt.Sprintf("%.0f", v), ok: v <= max, bench: fe, focus: "ServeHTTP"})
	}
	switch {
	case r.kase == "OK" && slices.Contains(headerPaths, r.path):
		ratio("success", "raw", 1.0)
		allocs("success-allocs", 2)
	case r.kase == "OK" && r.path == "OAuth2Scopes":
		ratio("chain", "raw", 1.0)
	case r.kase == "Missing":
		ratio("401", "raw", 0.5)
	case isForm(r.path):
		ratio("form", "raw", 0.6)
		allocs("form-allocs", 15)
	}
	for _, im := range others {
		ratio(im, im, 0.5)
	}
	return ts
}

func openapiTargets(rs results) []target {
	var ts []target
	if v, ok := rs.median("BenchmarkOpenAPIFirst/20", "ns/op"); ok {
		ts = append(ts, target{kind: "openapi-cold", label: "first openapi.JSON of 20 operations ≤ 25 ms",
			have: fmt.Sprintf("%.1f ms", v/1e6), ok: v <= 25e6, bench: "BenchmarkOpenAPI/JSON/20/cold", focus: "openapi.JSON"})
	}
	for _, n := range []string{"20", "200"} {
		fe, raw := "BenchmarkOpenAPI/Serve/"+n+"/fastecho", "BenchmarkOpenAPI/Serve/"+n+"/raw"
		a, okA := rs.median(fe, "allocs/op")
		b, okB := rs.median(raw, "allocs/op")
		if okA && okB {
			ts = append(ts, target{kind: "openapi-serve", label: "serving /openapi.json (" + n + " operations): allocs/op ≤ a c.Blob route's",
				have: fmt.Sprintf("%.0f vs %.0f", a, b), ok: a <= b, bench: fe, focus: "ServeHTTP"})
		}
	}
	return ts
}

func (rep *report) allTargets() []target {
	var ts []target
	for _, r := range rep.rows {
		ts = append(ts, r.targets...)
	}
	return append(ts, rep.openapi...)
}

// missedBenchmarks returns the fastecho benchmarks with a missed target,
// each once.
func (rep *report) missedBenchmarks() []target {
	var out []target
	seen := map[string]bool{}
	for _, t := range rep.allTargets() {
		if !t.ok && !seen[t.bench] {
			seen[t.bench] = true
			out = append(out, t)
		}
	}
	return out
}

func (rep *report) markdown() []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# Benchmark results\n\n")
	w("Written by `make bench` (`go run ./cmd/results` in bench/) on %s.\n\n", rep.env)
	w("Every benchmark serves pre-built requests through `e.ServeHTTP` into a reusable ResponseWriter ")
	w("(the harness allocates nothing), after checking that all implementations give the same status, ")
	w("WWW-Authenticate and body. Times are medians over the rounds and drift ±30%% on this shared machine; ")
	w("the **ratios** are medians of the per-round ratios, which cancel that drift: compare those. ")
	w("Cells read `ns/op · allocs/op`. Implementations: **raw** a hand-written Echo handler, **echomw** ")
	w("Echo's KeyAuth/BasicAuth/echo-jwt middleware (for forms: `c.Bind` + validator), **huma** huma v2 on humaecho ")
	w("(see bench/doc.go).\n\n")
	w("Targets met: **%d**, missed: **%d**.\n\n", rep.met, rep.missed)

	w("| path | case | raw | fastecho | echomw | huma | fastecho/raw | fastecho/echomw | fastecho/huma | targets |\n")
	w("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, r := range rep.rows {
		w("| %s | %s |", r.path, r.kase)
		for _, im := range []string{"raw", "fastecho", "echomw", "huma"} {
			if v, ok := r.ns[im]; ok {
				w(" %s · %.0f |", fmtNs(v), r.allocs[im])
			} else {
				w(" — |")
			}
		}
		for _, im := range []string{"raw", "echomw", "huma"} {
			if v, ok := r.ratio[im]; ok {
				w(" %.2f |", v)
			} else {
				w(" — |")
			}
		}
		w(" %s |\n", targetCell(r.targets))
	}

	w("\n## References\n\n")
	w("BenchmarkFloor writes the same answers as APIKeyHeader in the cheapest ways the library could: ")
	w("a prepared 401 written straight to the response, the same body returned to Echo's error handler ")
	w("(as typed answers now), and `{\"key\": …}` encoded into a pooled buffer with shared header slices ")
	w("instead of `c.JSON`. Ratios are to APIKeyHeader's raw handler for the same case, per round.\n\n")
	w("| reference | ns/op · allocs/op | ratio to raw |\n|---|---:|---:|\n")
	for _, ref := range [][2]string{
		{"Floor/401/direct", "APIKeyHeader/Missing/raw"},
		{"Floor/401/errorhandler", "APIKeyHeader/Missing/raw"},
		{"Floor/OK/direct", "APIKeyHeader/OK/raw"},
	} {
		ns, ok := rep.rs.median("Benchmark"+ref[0], "ns/op")
		if !ok {
			continue
		}
		allocs, _ := rep.rs.median("Benchmark"+ref[0], "allocs/op")
		rat, _ := rep.rs.ratio("Benchmark"+ref[0], "Benchmark"+ref[1])
		w("| %s | %s · %.0f | %.2f |\n", ref[0], fmtNs(ns), allocs, rat)
	}

	w("\n## OpenAPI\n\n")
	w("| benchmark | ns/op | allocs/op | B/op |\n|---|---:|---:|---:|\n")
	for _, n := range []string{"20", "200"} {
		for _, name := range []string{"OpenAPI/Build/" + n, "OpenAPI/JSON/" + n + "/warm", "OpenAPI/JSON/" + n + "/cold",
			"OpenAPIFirst/" + n, "OpenAPI/Serve/" + n + "/raw", "OpenAPI/Serve/" + n + "/fastecho"} {
			ns, ok := rep.rs.median("Benchmark"+name, "ns/op")
			if !ok {
				continue
			}
			if reg, ok := rep.rs.median("Benchmark"+name, "register-ns/op"); ok {
				// A new process per iteration: allocs/op would be the parent's.
				w("| %s (new process; registering took %s) | %s | — | — |\n", name, fmtNs(reg), fmtNs(ns))
				continue
			}
			allocs, _ := rep.rs.median("Benchmark"+name, "allocs/op")
			bytes, _ := rep.rs.median("Benchmark"+name, "B/op")
			w("| %s | %s | %.0f | %.0f |\n", name, fmtNs(ns), allocs, bytes)
		}
	}
	w("\nBuild is `openapi.Build`, JSON `openapi.JSON` on a registered API (warm) or after registering the ")
	w("operations on a new Echo (cold, Go's type caches warm); OpenAPIFirst is the first `openapi.JSON` ")
	w("in a new process. Serve is `GET /openapi.json` from `openapi.Mount` against an Echo route sending ")
	w("the same bytes with `c.Blob`.\n\n")
	for _, t := range rep.openapi {
		w("- %s %s: %s\n", mark(t.ok), t.label, t.have)
	}

	w("\n## Misses\n\n")
	if rep.missed == 0 {
		w("None.\n")
	}
	missedKinds := map[string]bool{}
	for _, t := range rep.allTargets() {
		if !t.ok {
			missedKinds[t.kind] = true
		}
	}
	if len(missedKinds) > 0 {
		w("Each miss below names its causes; these are they. The profiles under each miss are the evidence.\n\n")
	}
	for _, k := range noteOrder {
		if missedKinds[k] {
			w("- <a id=\"cause-%s\"></a>%s\n\n", k, notes[k])
		}
	}
	for _, mt := range rep.missedBenchmarks() {
		w("### %s\n\n", strings.TrimPrefix(mt.bench, "Benchmark"))
		for _, t := range rep.allTargets() {
			if t.bench == mt.bench && !t.ok {
				w("- missed %s: %s ([cause](#cause-%s))\n", t.label, t.have, t.kind)
			}
		}
		w("\n")
		if p, ok := rep.profiles[mt.bench]; ok {
			w("CPU (`pprof -top -cum`, below %s):\n\n```\n%s```\n\n", mt.focus, p.cpu)
			w("Allocations per request (`pprof -sample_index=alloc_objects`, every allocation recorded):\n\n```\n%s```\n\n", p.allocs)
		}
	}
	return b.Bytes()
}

func targetCell(ts []target) string {
	var miss []string
	for _, t := range ts {
		if !t.ok {
			miss = append(miss, t.label+" ("+t.have+")")
		}
	}
	if len(miss) == 0 {
		return "met"
	}
	return "**missed** " + strings.Join(miss, "; ")
}

func mark(ok bool) string {
	if ok {
		return "met:"
	}
	return "**missed**:"
}

func fmtNs(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2f ms", v/1e6)
	case v >= 1e4:
		return fmt.Sprintf("%.1f µs", v/1e3)
	}
	return fmt.Sprintf("%.0f ns", v)
}
