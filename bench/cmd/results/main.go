// Command results runs the benchmarks of package bench in interleaved
// rounds and writes RESULTS.md: per path, case and Echo major version the
// median ns/op and allocs/op of each implementation, the median of the
// per-round ratios fastecho/raw, fastecho/echomw and fastecho/huma (on Echo
// v5: fastecho5/raw5, fastecho5/echomw5), whether the targets of issue 16
// are met (targets.go), and for each miss the CPU and allocation profile of
// the fastecho benchmark.
//
// The test binary is built once; each round then runs every benchmark once,
// as `go test -run '^$' -bench . -count 1` would, so that the machine's
// drift shows in every benchmark alike and cancels out of the ratios.
//
// The regression guard (regress.go) compares every ratio with the previous
// report (-previous, by default the -out file before it is overwritten),
// whose per-round ratios the report keeps in a collapsed block at its end
// (samples.go), and marks those that got more than 15% worse with
// significance (Mann–Whitney U, p < 0.05, through golang.org/x/perf). A
// regression is a warning on stderr, never a failure. The previous report's
// bench-http section (written by make bench-http between its marker lines)
// is carried over unchanged (preserve.go).
//
// Usage, from the bench module:
//
//	go run ./cmd/results [-rounds 7] [-benchtime 250ms] [-bench .] [-openapi-rounds 3] [-out RESULTS.md] [-previous RESULTS.md] [-before RESULTS.before.md]
//
// With -before, the report also shows the Echo v4 ratios of that earlier
// report beside this run's.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"time"
)

func main() {
	rounds := flag.Int("rounds", 7, "rounds of every benchmark")
	benchtime := flag.String("benchtime", "250ms", "-benchtime of each benchmark in a round")
	bench := flag.String("bench", ".", "-bench pattern")
	openapiRounds := flag.Int("openapi-rounds", 3, "rounds that also run the OpenAPI benchmarks (slow, and not ratios); the others run the paths and BenchmarkFloor only, when -bench is .")
	out := flag.String("out", "RESULTS.md", "the report to write")
	profile := flag.Bool("profile", true, "profile the fastecho benchmark of each missed target")
	before := flag.String("before", "", "an earlier RESULTS.md whose Echo v4 ratios to show beside this run's")
	prevFile := flag.String("previous", "", "the previous report, whose ratios the regression guard compares with this run's and whose bench-http section is kept (default: the -out file as it is before being overwritten)")
	library := flag.String("library", "", "what library is measured, for the report (default: the commit of ../ and whether its packages have uncommitted changes)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("results: ")

	var beforeText []byte
	if *before != "" {
		var err error
		if beforeText, err = os.ReadFile(*before); err != nil {
			log.Fatal(err)
		}
	}

	if *prevFile == "" {
		*prevFile = *out
	}
	prevText, err := os.ReadFile(*prevFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		log.Fatal(err)
	}
	prev, err := parsePrevious(string(prevText))
	if err != nil { // compare with the medians of its tables instead
		log.Printf("warning: %s: %v; comparing with the medians of its tables", *prevFile, err)
		prev.samples, prev.medians = nil, parseTableRatios(string(prevText))
	}

	dir, err := os.MkdirTemp("", "fastecho-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "bench.test")
	if err := run("go", "test", "-c", "-o", bin, "."); err != nil {
		log.Fatalf("building the benchmarks: %v", err)
	}

	later := *bench // the pattern of the rounds after the first openapiRounds
	if later == "." {
		if later, err = withoutOpenAPI(bin); err != nil {
			log.Fatal(err)
		}
	}

	start, loadStart := time.Now(), loadAverage()
	var rs results
	for i := range *rounds {
		t := time.Now()
		var buf bytes.Buffer
		pattern := *bench
		if i >= *openapiRounds {
			pattern = later
		}
		cmd := exec.Command(bin, "-test.run", "^$", "-test.bench", pattern, "-test.benchtime", *benchtime,
			"-test.count", "1", "-test.benchmem")
		cmd.Stdout, cmd.Stderr = &buf, os.Stderr
		if err := cmd.Run(); err != nil {
			os.Stderr.Write(buf.Bytes())
			log.Fatalf("round %d: %v", i+1, err)
		}
		r, err := parseRound(&buf)
		if err != nil {
			log.Fatal(err)
		}
		rs = append(rs, r)
		log.Printf("round %d/%d: %d benchmarks in %v", i+1, *rounds, len(r), time.Since(t).Round(time.Second))
	}

	rep := newReport(rs)
	rep.compare(prev)
	if beforeText != nil {
		rep.before, rep.beforeEnv = parseBefore(string(beforeText))
	}
	if *profile {
		for _, t := range rep.missedBenchmarks() {
			ns, _ := rep.rs.median(t.bench, "ns/op")
			p, err := profileBenchmark(bin, dir, t.bench, t.focus, memRuns(ns))
			if err != nil {
				log.Printf("profiling %s: %v", t.bench, err)
				continue
			}
			rep.profiles[t.bench] = p
			log.Printf("profiled %s", t.bench)
		}
	}
	lib := *library
	if lib == "" {
		lib = libraryCommit()
	}
	rep.env = environment(*rounds, *openapiRounds, *benchtime, time.Since(start), loadStart, loadAverage(), lib)
	if err := os.WriteFile(*out, withHTTPSection(rep.markdown(), string(prevText)), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d targets met, %d missed; %d of %d ratios regressed against %s",
		*out, rep.met, rep.missed, len(rep.guard.regressions), rep.guard.compared, *prevFile)
	if msg := rep.guard.warning(*out); msg != "" {
		log.Print(msg) // a warning only: timings on a shared machine must not fail the build
	}
}

// withoutOpenAPI returns a -bench pattern of every top-level benchmark of
// the test binary but the slow OpenAPI ones.
func withoutOpenAPI(bin string) (string, error) {
	out, err := exec.Command(bin, "-test.list", "^Benchmark").Output()
	if err != nil {
		return "", fmt.Errorf("listing the benchmarks: %v", err)
	}
	var names []string
	for _, name := range strings.Fields(string(out)) {
		if strings.HasPrefix(name, "Benchmark") && !strings.HasPrefix(name, "BenchmarkOpenAPI") {
			names = append(names, regexp.QuoteMeta(name))
		}
	}
	if len(names) == 0 {
		return "", fmt.Errorf("no benchmarks in %s", bin)
	}
	return "^(" + strings.Join(names, "|") + ")$", nil
}

// run runs a command with its output on stderr.
func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// runQuiet runs a command and shows its output only if it fails.
func runQuiet(name string, args ...string) error {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	return nil
}

// profile is the evidence for a missed target: the top CPU entries and the
// allocations per request, by function.
type profile struct {
	cpu, allocs string
}

// memRuns is how many iterations the allocation profile records: 20000
// for a request, fewer for a benchmark of ns nanoseconds per iteration
// (about 0.2s of it, at least 20), since recording every allocation slows
// a benchmark of many allocations tenfold.
func memRuns(ns float64) int {
	if ns <= 0 {
		return 20000
	}
	return int(min(20000, max(20, 2e8/ns)))
}

// profileBenchmark runs one benchmark (a name such as
// BenchmarkBasic/Missing/fastecho) under the CPU profiler, then runs
// times under the memory profiler recording every allocation, and keeps the entries below
// focus (Echo's ServeHTTP for a request), which leaves the benchmark's
// setup out.
func profileBenchmark(bin, dir, name, focus string, runs int) (profile, error) {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + p + "$"
	}
	pattern := strings.Join(parts, "/")
	cpu, mem := filepath.Join(dir, "cpu.out"), filepath.Join(dir, "mem.out")
	if err := runQuiet(bin, "-test.run", "^$", "-test.bench", pattern, "-test.benchtime", "1s",
		"-test.cpuprofile", cpu); err != nil {
		return profile{}, err
	}
	if err := runQuiet(bin, "-test.run", "^$", "-test.bench", pattern, "-test.benchtime", fmt.Sprint(runs, "x"),
		"-test.memprofile", mem, "-test.memprofilerate", "1"); err != nil {
		return profile{}, err
	}
	cpuTop, err := pprofTop(bin, cpu, "-top", "-cum", "-nodecount=30", "-focus="+focus)
	if err != nil {
		return profile{}, err
	}
	memTop, err := pprofTop(bin, mem, "-top", "-sample_index=alloc_objects", "-nodecount=12", "-focus="+focus)
	if err != nil {
		return profile{}, err
	}
	return profile{cpu: trimCPU(cpuTop, 12), allocs: perRequest(memTop, runs)}, nil
}

func pprofTop(bin, prof string, args ...string) (string, error) {
	var out, errb bytes.Buffer
	cmd := exec.Command("go", append(append([]string{"tool", "pprof"}, args...), bin, prof)...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pprof: %v: %s", err, errb.String())
	}
	return out.String(), nil
}

// trimCPU keeps the header and the first n entries of a `pprof -top -cum`
// that are not the benchmark harness's frames.
func trimCPU(top string, n int) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(top, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "flat") {
			in = true
			b.WriteString(line + "\n")
			continue
		}
		if !in || line == "" || harnessFrame(line) {
			continue
		}
		if n == 0 {
			break
		}
		b.WriteString(line + "\n")
		n--
	}
	return b.String()
}

func harnessFrame(line string) bool {
	for _, f := range []string{"testing.", "runtime.goexit", "bench.(*path).run", "bench.BenchmarkOpenAPI"} {
		if strings.Contains(line, f) {
			return true
		}
	}
	return false
}

// perRequest turns `pprof -top -sample_index=alloc_objects` into
// allocations per request: flat counts divided by the runs.
func perRequest(top string, runs int) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(top, "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && f[0] == "flat" {
			in = true
			b.WriteString("allocs/request  function\n")
			continue
		}
		if !in || len(f) < 6 {
			continue
		}
		var flat float64
		if _, err := fmt.Sscan(f[0], &flat); err != nil || flat/float64(runs) < 0.05 {
			continue
		}
		fmt.Fprintf(&b, "%14.2f  %s\n", flat/float64(runs), strings.Join(f[5:], " "))
	}
	return b.String()
}

// environment describes the run for the report's header: the toolchain,
// the machine and its load (the 1-minute load average before the rounds and
// after the profiles), the process's niceness, and the library's commit.
func environment(rounds, openapiRounds int, benchtime string, took time.Duration, loadStart, loadEnd, library string) string {
	goVersion := runtime.Version()
	if out, err := exec.Command("go", "version").Output(); err == nil {
		goVersion = strings.TrimSpace(string(out))
	}
	cpu := "unknown CPU"
	if info, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(info), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	nice := ""
	if p, err := syscall.Getpriority(syscall.PRIO_PROCESS, 0); err == nil && p != 20 {
		nice = fmt.Sprintf(" at nice %d", 20-p) // the raw syscall returns 20 - nice
	}
	return fmt.Sprintf("%s, %s, %d CPUs; %d rounds of the path benchmarks (%d of the OpenAPI ones) at -benchtime %s (%v in all, profiles included)%s, load average %s before and %s after; library at %s; %s",
		goVersion, cpu, runtime.NumCPU(), rounds, min(rounds, openapiRounds), benchtime, took.Round(time.Second), nice, loadStart, loadEnd,
		library, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
}

// loadAverage returns the 1-minute load average, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// libraryCommit names the commit of the library the benchmarks ran against
// (the module is replaced by ../), and whether its packages had
// uncommitted changes.
func libraryCommit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "an unknown commit"
	}
	c := "commit " + strings.TrimSpace(string(out))
	st, err := exec.Command("git", "status", "--porcelain", "--", "../typed", "../security", "../forms",
		"../openapi", "../internal", "../go.mod").Output()
	if err == nil && len(bytes.TrimSpace(st)) > 0 {
		c += " with uncommitted changes"
	}
	return c
}
