package main

import (
	"bufio"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// measure is one benchmark's result in one round: its metrics by unit
// ("ns/op", "B/op", "allocs/op", and any the benchmark reports).
type measure map[string]float64

// round is every benchmark's measure in one run, by name without the
// GOMAXPROCS suffix.
type round map[string]measure

var procSuffix = regexp.MustCompile(`-\d+$`)

// parseRound reads `go test -bench` output.
func parseRound(r io.Reader) (round, error) {
	res := round{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		name, m, ok := parseLine(sc.Text())
		if ok {
			res[name] = m
		}
	}
	return res, sc.Err()
}

// parseLine parses one result line: the name, the iteration count, then
// value-unit pairs.
func parseLine(line string) (string, measure, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
		return "", nil, false
	}
	if _, err := strconv.Atoi(f[1]); err != nil {
		return "", nil, false
	}
	m := measure{}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return "", nil, false
		}
		m[f[i+1]] = v
	}
	return procSuffix.ReplaceAllString(f[0], ""), m, true
}

// results are the rounds of a run.
type results []round

// values returns the metric unit of benchmark name in every round that has
// it.
func (rs results) values(name, unit string) []float64 {
	var out []float64
	for _, r := range rs {
		if m, ok := r[name]; ok {
			if v, ok := m[unit]; ok {
				out = append(out, v)
			}
		}
	}
	return out
}

// median returns the median of name's unit over the rounds, and whether
// any round measured it.
func (rs results) median(name, unit string) (float64, bool) {
	v := rs.values(name, unit)
	return median(v), len(v) > 0
}

// ratios returns a's ns/op divided by b's in the same round, for every
// round that measured both, in the order of the rounds.
func (rs results) ratios(a, b string) []float64 {
	var rat []float64
	for _, r := range rs {
		ma, oka := r[a]
		mb, okb := r[b]
		if oka && okb && mb["ns/op"] > 0 {
			rat = append(rat, ma["ns/op"]/mb["ns/op"])
		}
	}
	return rat
}

// ratio returns the median over the rounds of a's ns/op divided by b's in
// the same round: the machine's drift between rounds cancels out.
func (rs results) ratio(a, b string) (float64, bool) {
	rat := rs.ratios(a, b)
	return median(rat), len(rat) > 0
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
