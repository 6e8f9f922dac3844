// Command httpload is the end-to-end HTTP benchmark of bench/ (`make
// bench-http`): the scopes demo served by four programs, each in its own
// process on 127.0.0.1, under load from vegeta (used as a library) over
// keep-alive connections.
//
// The servers are examples/scopes (fastecho on Echo v4),
// examples/scopes-echo5 (fastecho on Echo v5), rawserver (the same routes
// hand-written on raw Echo v4) and humaserver (the same on huma v2 over
// humaecho), built with `go build` into a temporary directory. Each logs
// the demo user in at /token, and its answers to the two measured requests
// are checked to equal raw Echo's; then GET /users/me/items/ is loaded with
// that token (the 200 path) and without one (the 401 path), by 1, 8 and 64
// closed-loop clients, every run bounded in time and in count. For each
// cell (path, clients) the implementations run one after the other, in an
// order rotated from cell to cell and round to round, so that drift on a
// shared machine affects them alike. Every response's status and body are
// checked; any mismatch or transport error fails the run.
//
// It writes its section of RESULTS.md between the lines
// <!-- bench-http:begin --> and <!-- bench-http:end --> (appending both
// when absent): throughput and p50/p99 latency, each with its ratio to raw
// Echo, and each server's peak RSS, with a plot of latency against clients
// (-plot).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// config is the command line.
type config struct {
	out      string
	plot     string
	goCmd    string
	clients  []int
	rounds   int
	duration time.Duration
	maxReqs  uint64
	warmup   time.Duration
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("httpload: ")
	var cfg config
	var clients string
	flag.StringVar(&cfg.out, "out", "RESULTS.md", "the Markdown file whose bench-http section to write (\"\" prints it)")
	flag.StringVar(&cfg.plot, "plot", "http-latency.png", "the PNG to draw, next to -out (\"\" for none)")
	flag.StringVar(&cfg.goCmd, "go", "go", "the go command that builds the servers")
	flag.StringVar(&clients, "clients", "1,8,64", "concurrent clients (closed-loop workers), comma-separated")
	flag.IntVar(&cfg.rounds, "rounds", 4, "runs of each implementation per cell, merged")
	flag.DurationVar(&cfg.duration, "duration", 750*time.Millisecond, "time bound of one run")
	flag.Uint64Var(&cfg.maxReqs, "max-requests", 100000, "count bound of one run")
	flag.DurationVar(&cfg.warmup, "warmup", 300*time.Millisecond, "warm-up of each server on each path before measuring")
	flag.Parse()
	var err error
	if cfg.clients, err = parseInts(clients); err != nil {
		log.Fatalf("-clients: %v", err)
	}
	if err := run(cfg); err != nil {
		log.Fatal(err)
	}
}

// parseInts reads a comma-separated list of positive integers.
func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive integer", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// run builds and starts the servers, measures every cell and writes the
// report.
func run(cfg config) error {
	start := time.Now()
	loadavg := loadAverage()
	dir, err := os.MkdirTemp("", "httpload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	log.Printf("building the %d servers", len(impls))
	if err := build(cfg.goCmd, dir); err != nil {
		return err
	}
	goVersion := goVersionOf(cfg.goCmd)
	servers := make([]*server, len(impls))
	defer func() {
		for _, s := range servers {
			if s != nil {
				s.stop()
			}
		}
	}()
	for i, im := range impls {
		if servers[i], err = startServer(im, dir); err != nil {
			return err
		}
	}
	if err := prepare(servers); err != nil {
		return err
	}
	for _, s := range servers {
		for _, p := range paths {
			if _, err := attack(s, p, cfg.clients[len(cfg.clients)-1], cfg.warmup, cfg.maxReqs); err != nil {
				return fmt.Errorf("warm-up: %w", err)
			}
		}
	}
	log.Printf("measuring %d cells × %d implementations × %d rounds of %v", len(paths)*len(cfg.clients), len(impls), cfg.rounds, cfg.duration)
	results := map[cellKey]*stats{}
	cell := 0
	for _, p := range paths {
		for _, n := range cfg.clients {
			for r := 0; r < cfg.rounds; r++ {
				for k := range impls {
					s := servers[(cell+r+k)%len(servers)]
					st, err := attack(s, p, n, cfg.duration, cfg.maxReqs)
					if err != nil {
						return err
					}
					key := cellKey{s.impl.key, p.name, n}
					if results[key] == nil {
						results[key] = &stats{}
					}
					results[key].merge(st)
				}
			}
			cell++
		}
	}
	rss := map[string]int{}
	for _, s := range servers {
		if rss[s.impl.key], err = s.peakRSS(); err != nil {
			return err
		}
	}
	rows := tabulate(results, rss, cfg.clients)
	rep := report{
		rows:     rows,
		machine:  machine(),
		goVer:    goVersion,
		vegeta:   moduleVersion("github.com/tsenart/vegeta/v12"),
		loadavg:  loadavg,
		date:     time.Now().UTC(),
		cfg:      cfg,
		plotFile: cfg.plot,
	}
	if cfg.plot != "" {
		if err := drawPlot(rows, cfg.clients, plotPath(cfg.out, cfg.plot)); err != nil {
			return err
		}
	}
	rep.elapsed = time.Since(start)
	section := rep.markdown()
	if cfg.out == "" {
		fmt.Print(section)
		return nil
	}
	if err := writeSection(cfg.out, section); err != nil {
		return err
	}
	log.Printf("wrote the bench-http section of %s in %v", cfg.out, rep.elapsed.Round(time.Second))
	return nil
}

// goVersionOf is `go env GOVERSION` of the go command that built the
// servers, or this program's runtime version when that fails.
func goVersionOf(goCmd string) string {
	out, err := exec.Command(goCmd, "env", "GOVERSION").Output()
	if v := strings.TrimSpace(string(out)); err == nil && v != "" {
		return v
	}
	return runtimeVersion()
}
