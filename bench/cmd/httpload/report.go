package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// The lines around this program's section of RESULTS.md; cmd/results
// keeps what is between them.
const (
	beginMarker = "<!-- bench-http:begin -->"
	endMarker   = "<!-- bench-http:end -->"
)

// row is the measurements of one implementation in one cell, with its
// ratios to raw Echo in the same cell.
type row struct {
	impl     impl
	path     string
	clients  int
	requests int
	rps      float64
	p50, p99 time.Duration
	rssKB    int
	// to raw Echo: req/s, p50, p99
	rpsRatio, p50Ratio, p99Ratio float64
}

// tabulate turns the measurements into rows, by path, then clients, then
// implementation.
func tabulate(results map[cellKey]*stats, rss map[string]int, clients []int) []row {
	var rows []row
	for _, p := range paths {
		for _, n := range clients {
			var ref row
			for i, im := range impls {
				st := results[cellKey{im.key, p.name, n}]
				if st == nil {
					continue
				}
				q := st.quantiles(0.50, 0.99)
				r := row{impl: im, path: p.name, clients: n, requests: len(st.lat), rps: st.rps(), p50: q[0], p99: q[1], rssKB: rss[im.key]}
				if i == 0 {
					ref = r
				}
				r.rpsRatio = ratio(r.rps, ref.rps)
				r.p50Ratio = ratio(float64(r.p50), float64(ref.p50))
				r.p99Ratio = ratio(float64(r.p99), float64(ref.p99))
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// ratio is a/b, NaN when b is not positive.
func ratio(a, b float64) float64 {
	if b <= 0 {
		return math.NaN()
	}
	return a / b
}

// fmtRatio writes a ratio with two decimals, "—" when unknown.
func fmtRatio(r float64) string {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return "—"
	}
	return fmt.Sprintf("%.2f", r)
}

// fmtLatency writes a latency with three significant digits, in µs below
// 1 ms, else in ms.
func fmtLatency(d time.Duration) string {
	us := float64(d) / float64(time.Microsecond)
	switch {
	case us < 100:
		return fmt.Sprintf("%.1f µs", us)
	case us < 1000:
		return fmt.Sprintf("%.0f µs", us)
	case us < 10000:
		return fmt.Sprintf("%.2f ms", us/1000)
	}
	return fmt.Sprintf("%.1f ms", us/1000)
}

// report is the section this program writes.
type report struct {
	rows     []row
	machine  string
	goVer    string
	vegeta   string
	loadavg  string
	date     time.Time
	elapsed  time.Duration
	cfg      config
	plotFile string
}

// markdown is the section, without its markers.
func (r report) markdown() string {
	var b strings.Builder
	c := r.cfg
	fmt.Fprintf(&b, "## HTTP load on loopback\n\n")
	fmt.Fprintf(&b, "Written by `make bench-http` (`go run ./cmd/httpload` in bench/) on %s, %s; load average %s before; %s; %v in all, builds included.\n\n",
		r.goVer, r.machine, r.loadavg, r.date.Format("2006-01-02 15:04 UTC"), r.elapsed.Round(time.Second))
	fmt.Fprintf(&b, "The scopes demo's `GET %s` (the chain needs the scopes items and me) over real HTTP, served by four programs, each in its own process on 127.0.0.1 and built with `go build` from this module: "+
		"**raw Echo v4** (cmd/httpload/rawserver: the routes hand-written as in scopes_test.go), **fastecho, Echo v4** (examples/scopes), **fastecho, Echo v5** (examples/scopes-echo5) "+
		"and **huma v2** on humaecho (cmd/httpload/humaserver). "+
		"The load is vegeta %s, used as a library (cmd/httpload): %s closed-loop clients, each sending its next request when the last is answered, over keep-alive connections. "+
		"The 200 path sends the token each server issued at /token to johndoe for the scopes \"me items\"; the 401 path sends none (401 Not authenticated, WWW-Authenticate: Bearer). "+
		"Before the load, each server's two answers (status, WWW-Authenticate, body) were checked to equal raw Echo's; under load every answer's status and body were checked. "+
		"Each server was warmed up for %v per path; then, for each path and number of clients, the four ran one after the other, in an order rotated from run to run, %d rounds of %v (at most %d requests) each, merged. "+
		"Servers and load generator share the machine's CPUs, so the absolute figures are those of a busy machine: compare the ratios to raw Echo in the same row group (req/s above 1 and latencies below 1 are faster than raw). "+
		"Peak RSS is each server's VmHWM (/proc/PID/status) after all its runs.\n\n",
		route, r.vegeta, joinInts(c.clients), c.warmup, c.rounds, c.duration, c.maxReqs)
	b.WriteString("| path | clients | implementation | requests | req/s | req/s ÷ raw | p50 | p50 ÷ raw | p99 | p99 ÷ raw | peak RSS |\n")
	b.WriteString("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, w := range r.rows {
		fmt.Fprintf(&b, "| %s | %d | %s | %d | %.0f | %s | %s | %s | %s | %s | %.1f MiB |\n",
			w.path, w.clients, w.impl.name, w.requests, w.rps, fmtRatio(w.rpsRatio),
			fmtLatency(w.p50), fmtRatio(w.p50Ratio), fmtLatency(w.p99), fmtRatio(w.p99Ratio), float64(w.rssKB)/1024)
	}
	if r.plotFile != "" {
		fmt.Fprintf(&b, "\n![Latency against concurrent clients, p50 (solid) and p99 (dashed), per implementation, on the 200 and 401 paths](%s)\n",
			filepath.ToSlash(r.plotFile))
	}
	return b.String()
}

// joinInts writes ns as "1, 8 and 64".
func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// replaceSection puts section between the markers of doc, replacing what
// was there, or appends it with its markers when doc has none.
func replaceSection(doc, section string) (string, error) {
	block := beginMarker + "\n" + strings.TrimRight(section, "\n") + "\n" + endMarker
	i, j := strings.Index(doc, beginMarker), strings.Index(doc, endMarker)
	switch {
	case i >= 0 && j > i:
		return doc[:i] + block + doc[j+len(endMarker):], nil
	case i >= 0 || j >= 0:
		return "", errors.New("the bench-http markers are out of order or one is missing")
	}
	if doc != "" {
		doc = strings.TrimRight(doc, "\n") + "\n\n"
	}
	return doc + block + "\n", nil
}

// writeSection replaces the section of the file at path (created when
// absent).
func writeSection(path, section string) error {
	doc, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	out, err := replaceSection(string(doc), section)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(out), 0o644)
}

// plotPath is where the plot goes: plot, relative to the directory of out.
func plotPath(out, plot string) string {
	if filepath.IsAbs(plot) {
		return plot
	}
	return filepath.Join(filepath.Dir(out), plot)
}

// machine describes the CPU: its model from /proc/cpuinfo and the number
// of CPUs.
func machine() string {
	model := runtime.GOARCH
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%s/%s, %s, %d CPUs", runtime.GOOS, runtime.GOARCH, model, runtime.NumCPU())
}

// loadAverage is the 1-minute load average from /proc/loadavg, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "?"
}

// moduleVersion is the version of the module at path linked into this
// program, or "?".
func moduleVersion(path string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == path {
				return d.Version
			}
		}
	}
	return "?"
}

// runtimeVersion is the Go version this program runs on.
func runtimeVersion() string { return runtime.Version() }
