package main

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The paths and cases of the benchmarks, in the order of the report; a
// path or case the benchmarks have besides these (see benchPaths) comes
// after them.
var (
	paths = []string{"APIKeyHeader", "APIKeyQuery", "APIKeyCookie", "Basic", "Bearer", "Digest",
		"OAuth2Bearer", "OAuth2Scopes", "PasswordForm", "PasswordFormStrict"}
	cases = []string{"OK", "Missing", "Invalid"}
	// impls are the implementations of a path on one host, by base name.
	impls = []string{"raw", "fastecho", "echomw", "huma"}
)

// host is one Echo major version: the benchmarks of its implementations
// are named with suffix after the base name (fastecho5, raw5…).
type host struct {
	name, suffix string
}

var hosts = []host{{"Echo v4", ""}, {"Echo v5", "5"}}

// row is one path and case on one host.
type row struct {
	path, kase string
	sfx        string               // the host's suffix: "" for Echo v4, "5" for v5
	ns, allocs map[string]float64   // by implementation's base name
	ratio      map[string]float64   // fastecho/impl, median of per-round ratios
	samples    map[string][]float64 // fastecho/impl, the per-round ratios
	targets    []target
	regressed  []regression // ratios worse than in the previous report
}

type report struct {
	rs        results
	rows      []row
	before    map[string]beforeRow // by path + "/" + case: the Echo v4 rows of an earlier report
	beforeEnv string               // where and when that report was written
	openapi   []target
	profiles  map[string]profile
	env       string
	met       int
	missed    int
	guard     guard // the comparison with the previous report
}

func bench(path, kase, impl string) string { return "Benchmark" + path + "/" + kase + "/" + impl }

func newReport(rs results) *report {
	rep := &report{rs: rs, profiles: map[string]profile{}}
	ps, cs := benchPaths(rs)
	for _, h := range hosts {
		for _, p := range ps {
			for _, c := range cs[p] {
				fe := bench(p, c, "fastecho"+h.suffix)
				if _, ok := rs.median(fe, "ns/op"); !ok {
					continue
				}
				r := row{path: p, kase: c, sfx: h.suffix, ns: map[string]float64{}, allocs: map[string]float64{},
					ratio: map[string]float64{}, samples: map[string][]float64{}}
				for _, im := range impls {
					b := bench(p, c, im+h.suffix)
					if v, ok := rs.median(b, "ns/op"); ok {
						r.ns[im] = v
						r.allocs[im], _ = rs.median(b, "allocs/op")
					}
					if im != "fastecho" {
						if rat := rs.ratios(fe, b); len(rat) > 0 {
							r.ratio[im] = median(rat)
							r.samples[im] = rat
						}
					}
				}
				r.targets = rowTargets(r, fe)
				rep.rows = append(rep.rows, r)
			}
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

// benchPaths returns the paths measured, known ones (paths) first, then
// any other Benchmark<Path>/<Case>/<impl> in the rounds, by name; and each
// path's cases, known ones (cases) first, then the others by name.
func benchPaths(rs results) ([]string, map[string][]string) {
	found := map[string]map[string]bool{}
	for _, r := range rs {
		for name := range r {
			f := strings.Split(strings.TrimPrefix(name, "Benchmark"), "/")
			if len(f) != 3 || !strings.HasPrefix(name, "Benchmark") || !isImpl(f[2]) {
				continue
			}
			if found[f[0]] == nil {
				found[f[0]] = map[string]bool{}
			}
			found[f[0]][f[1]] = true
		}
	}
	ps := ordered(paths, found)
	cs := map[string][]string{}
	for _, p := range ps {
		cs[p] = ordered(cases, found[p])
	}
	return ps, cs
}

// ordered returns the keys of set: those in known in its order, then the
// others sorted.
func ordered[V any](known []string, set map[string]V) []string {
	var out, rest []string
	for _, k := range known {
		if _, ok := set[k]; ok {
			out = append(out, k)
		}
	}
	for k := range set {
		if !slices.Contains(known, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// isImpl reports whether name is an implementation's name on some host.
func isImpl(name string) bool {
	for _, h := range hosts {
		for _, im := range impls {
			if name == im+h.suffix {
				return true
			}
		}
	}
	return false
}

func (rep *report) allTargets() []target {
	var ts []target
	for _, r := range rep.rows {
		ts = append(ts, r.targets...)
	}
	return append(ts, rep.openapi...)
}

// missedBenchmarks returns the benchmarks to profile: for each kind of
// miss and each host, the fastecho benchmark whose miss is the median of
// that kind's (the typical case, each benchmark once). Profiling every miss
// would take longer than the rounds.
func (rep *report) missedBenchmarks() []target {
	byKind := map[[2]string][]target{}
	for _, t := range rep.allTargets() {
		if !t.ok {
			k := [2]string{t.kind, t.sfx}
			byKind[k] = append(byKind[k], t)
		}
	}
	var out []target
	seen := map[string]bool{}
	for _, kind := range noteOrder {
		for _, h := range hosts {
			ts := byKind[[2]string{kind, h.suffix}]
			if len(ts) == 0 {
				continue
			}
			slices.SortStableFunc(ts, func(a, b target) int { return cmp.Compare(a.value, b.value) })
			if t := ts[(len(ts)-1)/2]; !seen[t.bench] {
				seen[t.bench] = true
				out = append(out, t)
			}
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
	w("(the harness allocates nothing), after checking that all implementations of a path, on Echo v4 and v5 alike, ")
	w("give the same status, WWW-Authenticate and body. Times are medians over the rounds and drift ±30%% on this ")
	w("shared machine; the **ratios** are medians of the per-round ratios, which cancel that drift: compare those. ")
	w("Cells read `ns/op · allocs/op`. Implementations: **raw** a hand-written Echo handler, **fastecho** a typed ")
	w("route on the `typed/echov4` adapter, **echomw** Echo's KeyAuth/BasicAuth/echo-jwt middleware (for forms: ")
	w("`c.Bind` + validator), **huma** huma v2 on humaecho (see bench/doc.go); **raw5**, **fastecho5** (the ")
	w("`typed/echov5` adapter) and **echomw5** are the same on Echo v5.\n\n")
	w("Every error answer goes through Echo's HTTPErrorHandler (Echo's default one): typed routes return their ")
	w("errors to it since the core/adapter refactor, so the raw and echomw handlers do too, as Echo's own middleware ")
	w("does: the challenge set on the response, an error returned (on v4 an `*echo.HTTPError` whose Message is the ")
	w("`{\"detail\": …}` value; on v5 an error with `StatusCode` and `MarshalJSON`). Before the refactor raw wrote ")
	w("its 401 and 422 with `c.JSON` in the handler, and fastecho wrote a prepared 401 directly.\n\n")
	w("%s\n\n", targetsLegend())
	w("Targets met: **%d**, missed: **%d**. Ratios regressed against the previous report: **%d** (see [Regressions](#regressions)).\n\n",
		rep.met, rep.missed, len(rep.guard.regressions))
	rep.summary(w)

	for _, h := range hosts {
		var hostRows []row
		for _, r := range rep.rows {
			if r.sfx == h.suffix {
				hostRows = append(hostRows, r)
			}
		}
		if len(hostRows) == 0 {
			continue
		}
		// The implementations some row of this host has.
		var have []string
		for _, im := range impls {
			for _, r := range hostRows {
				if _, ok := r.ns[im]; ok {
					have = append(have, im)
					break
				}
			}
		}
		w("## %s\n\n", h.name)
		if h.suffix != "" {
			w("No echomw5 for OAuth2Bearer and OAuth2Scopes: their echomw is echo-jwt, and the module proxy does not ")
			w("serve github.com/labstack/echo-jwt/v5 (403). No huma5: humaecho in huma v2.37.2, the newest huma v2 ")
			w("the proxy serves, supports Echo v4 only (the module requires no echo/v5).\n\n")
		}
		w("| path | case |")
		for _, im := range have {
			w(" %s%s |", im, h.suffix)
		}
		for _, im := range have {
			if im != "fastecho" {
				w(" fastecho%s/%s%s |", h.suffix, im, h.suffix)
			}
		}
		w(" targets |\n|---|---|%s---|\n", strings.Repeat("---:|", 2*len(have)-1))
		for _, r := range hostRows {
			w("| %s | %s |", r.path, r.kase)
			for _, im := range have {
				if v, ok := r.ns[im]; ok {
					w(" %s · %.0f |", fmtNs(v), r.allocs[im])
				} else {
					w(" — |")
				}
			}
			for _, im := range have {
				if im == "fastecho" {
					continue
				}
				if v, ok := r.ratio[im]; ok {
					w(" %.2f |", v)
				} else {
					w(" — |")
				}
			}
			w(" %s |\n", targetCell(r.targets, r.regressed))
		}
		w("\n")
	}
	rep.writeRegressions(w)
	rep.beforeAfter(w)

	w("\n## References\n\n")
	w("BenchmarkFloor writes the same answers as APIKeyHeader in the cheapest ways the library could: ")
	w("a prepared 401 written straight to the response (as typed answered before the refactor), the same body ")
	w("returned to Echo's default error handler (as typed and raw answer now), and `{\"key\": …}` encoded into a ")
	w("pooled buffer with shared header slices ")
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
			"OpenAPIFirst/" + n, "OpenAPI/Serve/" + n + "/raw", "OpenAPI/Serve/" + n + "/fastecho",
			"OpenAPI/Serve/" + n + "/raw5", "OpenAPI/Serve/" + n + "/fastecho5"} {
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
	w("the same bytes with `c.Blob`; raw5 and fastecho5 are the same on Echo v5 (the document registered on ")
	w("`typed/echov5` is byte for byte the v4 one).\n\n")
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
		w("Each cause below lists the misses it explains; the profiles after them, of the typical (median) miss of ")
		w("each cause on each Echo, are the evidence.\n\n")
	}
	for _, k := range noteOrder {
		if !missedKinds[k] {
			continue
		}
		w("- <a id=\"cause-%s\"></a>%s\n", k, notes[k])
		for _, h := range hosts {
			var by []string
			for _, t := range rep.allTargets() {
				if !t.ok && t.kind == k && t.sfx == h.suffix {
					by = append(by, fmt.Sprintf("%s %s", strings.TrimPrefix(t.bench, "Benchmark"), t.have))
				}
			}
			if len(by) > 0 {
				w("  Missed on %s by: %s.\n", h.name, strings.Join(by, "; "))
			}
		}
		w("\n")
	}
	for _, mt := range rep.missedBenchmarks() {
		p, ok := rep.profiles[mt.bench]
		if !ok {
			continue
		}
		w("### %s\n\n", strings.TrimPrefix(mt.bench, "Benchmark"))
		for _, t := range rep.allTargets() {
			if t.bench == mt.bench && !t.ok {
				w("- missed %s: %s ([cause](#cause-%s))\n", t.label, t.have, t.kind)
			}
		}
		w("\n")
		w("CPU (`pprof -top -cum`, below %s):\n\n```\n%s```\n\n", mt.focus, p.cpu)
		w("Allocations per request (`pprof -sample_index=alloc_objects`, every allocation recorded):\n\n```\n%s```\n\n", p.allocs)
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("\n\n")) {
		w("\n")
	}
	writeSamples(w, rep.rows)
	return b.Bytes()
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
