package main

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// route is the measured route: the demo's /users/me/items/, whose chain
// needs the scopes "items" and "me".
const route = "/users/me/items/"

// pathCase is a measured request: GET route with the demo user's token
// (the 200 path) or without a token (the 401 path).
type pathCase struct {
	name   string
	status int
	auth   bool
}

// paths are the measured requests.
var paths = []pathCase{
	{"200", http.StatusOK, true},
	{"401", http.StatusUnauthorized, false},
}

// header is the request's header at s.
func (p pathCase) header(s *server) http.Header {
	h := http.Header{}
	if p.auth {
		h.Set("Authorization", "Bearer "+s.token)
	}
	return h
}

// request is the request at s, for the checks before the load.
func (p pathCase) request(s *server) *http.Request {
	req, err := http.NewRequest(http.MethodGet, s.base+route, nil)
	if err != nil {
		panic(err) // s.base is a valid URL
	}
	req.Header = p.header(s)
	return req
}

// cellKey names the measurements of an implementation in a cell.
type cellKey struct {
	impl    string
	path    string
	clients int
}

// stats are the measurements of one or more runs.
type stats struct {
	lat     []time.Duration // of every request
	elapsed time.Duration   // of the runs, wall clock
}

// merge adds o's runs.
func (st *stats) merge(o *stats) {
	st.lat = append(st.lat, o.lat...)
	st.elapsed += o.elapsed
}

// rps is the throughput, requests per second.
func (st *stats) rps() float64 {
	if st.elapsed <= 0 {
		return 0
	}
	return float64(len(st.lat)) / st.elapsed.Seconds()
}

// quantiles returns the latencies at each of qs (in [0, 1]).
func (st *stats) quantiles(qs ...float64) []time.Duration {
	sorted := slices.Clone(st.lat)
	slices.Sort(sorted)
	out := make([]time.Duration, len(qs))
	for i, q := range qs {
		out[i] = percentile(sorted, q)
	}
	return out
}

// percentile is the nearest-rank q-quantile of sorted (0 when empty): the
// smallest value that at least q of the values do not exceed.
func percentile(sorted []time.Duration, q float64) time.Duration {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := int(q*float64(n) + 0.999999999)
	rank = min(max(rank, 1), n)
	return sorted[rank-1]
}

// countPacer is vegeta's unbounded rate (ConstantPacer{Freq: 0}) that
// stops after max requests.
type countPacer struct{ max uint64 }

// Pace sends the next request at once, unless max have been sent.
func (p countPacer) Pace(_ time.Duration, hits uint64) (time.Duration, bool) {
	return 0, hits >= p.max
}

// Rate is 0: unbounded, as ConstantPacer{Freq: 0} reports it.
func (countPacer) Rate(time.Duration) float64 { return 0 }

// attack loads s with p from clients closed-loop workers (vegeta at an
// unbounded rate: each worker sends its next request when the last one is
// answered) over s's keep-alive connections, until d has passed or maxReqs
// requests have been sent. Every answer must have p's status and the body
// s gave before the load; any other answer, or a transport error, fails
// the run.
func attack(s *server, p pathCase, clients int, d time.Duration, maxReqs uint64) (*stats, error) {
	n := uint64(clients)
	a := vegeta.NewAttacker(
		vegeta.Client(s.client),
		vegeta.KeepAlive(true),
		vegeta.Workers(n),
		vegeta.MaxWorkers(n),
	)
	targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: s.base + route, Header: p.header(s)})
	want := s.body[p.name]
	st := &stats{lat: make([]time.Duration, 0, 1<<14)}
	bad := map[string]int{}
	start := time.Now()
	for res := range a.Attack(targeter, countPacer{maxReqs}, d, s.impl.key) {
		switch {
		case int(res.Code) != p.status:
			msg := res.Error
			if msg == "" {
				msg = fmt.Sprintf("status %d", res.Code)
			}
			bad[msg]++
		case !bytes.Equal(res.Body, want):
			bad[fmt.Sprintf("body %q", res.Body)]++
		}
		st.lat = append(st.lat, res.Latency)
	}
	st.elapsed = time.Since(start)
	if len(bad) > 0 {
		return nil, fmt.Errorf("%s, %s path, %d clients: %s", s.impl.name, p.name, clients, describe(bad, len(st.lat)))
	}
	if len(st.lat) == 0 {
		return nil, fmt.Errorf("%s, %s path, %d clients: no request answered", s.impl.name, p.name, clients)
	}
	return st, nil
}

// describe lists the wrong answers of a run.
func describe(bad map[string]int, total int) string {
	msgs := make([]string, 0, len(bad))
	sum := 0
	for m, n := range bad {
		msgs = append(msgs, fmt.Sprintf("%d× %s", n, m))
		sum += n
	}
	sort.Strings(msgs)
	return fmt.Sprintf("%d of %d answers wrong: %s", sum, total, strings.Join(msgs, "; "))
}
