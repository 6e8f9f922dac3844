package main

import (
	"strings"
	"testing"
)

// TestRowTargets checks the rules of issue 16 on rows of either Echo.
func TestRowTargets(t *testing.T) {
	ns := map[string]float64{"raw": 1, "fastecho": 1, "echomw": 1, "huma": 1}
	tests := []struct {
		name, path, kase, sfx string
		ratio, allocs         map[string]float64
		want                  []string // "label=ok" or "label=MISS", in order
	}{
		{"success met", "Basic", "OK", "",
			map[string]float64{"raw": 0.95, "echomw": 0.7, "huma": 0.6}, map[string]float64{"fastecho": 3, "raw": 3},
			[]string{"fastecho/raw ≤ 1.0=ok", "fastecho allocs/op ≤ raw's=ok", "fastecho/echomw ≤ 0.7=ok", "fastecho/huma ≤ 0.6=ok"}},
		{"success missed", "Bearer", "OK", "",
			map[string]float64{"raw": 1.01, "echomw": 0.71, "huma": 0.61}, map[string]float64{"fastecho": 4, "raw": 3},
			[]string{"fastecho/raw ≤ 1.0=MISS", "fastecho allocs/op ≤ raw's=MISS", "fastecho/echomw ≤ 0.7=MISS", "fastecho/huma ≤ 0.6=MISS"}},
		{"rounded as shown", "Digest", "OK", "",
			map[string]float64{"raw": 1.004}, map[string]float64{"fastecho": 2, "raw": 3},
			[]string{"fastecho/raw ≤ 1.0=ok", "fastecho allocs/op ≤ raw's=ok"}},
		{"scopes chain", "OAuth2Scopes", "OK", "",
			map[string]float64{"raw": 0.9}, map[string]float64{"fastecho": 20, "raw": 7},
			[]string{"fastecho/raw ≤ 1.0=ok", "fastecho allocs/op ≤ raw's=MISS"}},
		{"401", "APIKeyHeader", "Missing", "",
			map[string]float64{"raw": 1.1, "huma": 0.4}, map[string]float64{"fastecho": 9, "raw": 4},
			[]string{"fastecho/raw ≤ 1.1=ok", "fastecho/huma ≤ 0.6=ok"}},
		{"403, a case the list does not know", "OAuth2Scopes", "Forbidden", "",
			map[string]float64{"raw": 1.2}, nil,
			[]string{"fastecho/raw ≤ 1.1=MISS"}},
		{"v5 401", "Basic", "Missing", "5",
			map[string]float64{"raw": 1.05, "echomw": 0.8}, nil,
			[]string{"fastecho5/raw5 ≤ 1.1=ok", "fastecho5/echomw5 ≤ 0.7=MISS"}},
		{"form OK", "PasswordForm", "OK", "5",
			map[string]float64{"raw": 0.61}, map[string]float64{"fastecho": 20, "raw": 24},
			[]string{"fastecho5/raw5 ≤ 0.6=MISS", "fastecho5 allocs/op ≤ raw5's=ok"}},
		{"form 422", "PasswordFormStrict", "Invalid", "",
			map[string]float64{"raw": 0.6, "huma": 0.9}, map[string]float64{"fastecho": 40, "raw": 20},
			[]string{"fastecho/raw ≤ 0.6=ok", "fastecho/huma ≤ 0.6=MISS"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := row{path: tc.path, kase: tc.kase, sfx: tc.sfx, ns: ns, ratio: tc.ratio, allocs: tc.allocs}
			var got []string
			for _, tg := range rowTargets(r, "B") {
				res := "ok"
				if !tg.ok {
					res = "MISS"
				}
				got = append(got, tg.label+"="+res)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("targets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestOpenAPITargets checks the document's targets: the first JSON of 200
// operations within 60 ms, and no allocation serving /openapi.json.
func TestOpenAPITargets(t *testing.T) {
	rs := results{{
		"BenchmarkOpenAPIFirst/20":               {"ns/op": 90e6},
		"BenchmarkOpenAPIFirst/200":              {"ns/op": 61e6},
		"BenchmarkOpenAPI/Serve/200/fastecho":    {"ns/op": 2000, "allocs/op": 0},
		"BenchmarkOpenAPI/Serve/20/fastecho5":    {"ns/op": 200, "allocs/op": 1},
		"BenchmarkOpenAPI/Serve/20/raw":          {"ns/op": 200, "allocs/op": 1},
		"BenchmarkOpenAPI/JSON/200/cold":         {"ns/op": 70e6},
		"BenchmarkOpenAPI/Serve/200/fastecho5x":  {"allocs/op": 9},
		"BenchmarkOpenAPI/Serve/2000/fastecho5x": {"allocs/op": 9},
	}}
	var got []string
	for _, tg := range openapiTargets(rs) {
		got = append(got, mark(tg.ok)+" "+tg.label+": "+tg.have)
	}
	want := []string{
		"**missed**: first openapi.JSON of 200 operations ≤ 60 ms: 61.0 ms",
		"met: GET /openapi.json (200 operations) on Echo v4 served from memory without allocating: 0 allocs/op",
		"**missed**: GET /openapi.json (20 operations) on Echo v5 served from memory without allocating: 1 allocs/op",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("targets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTargetCell checks the targets column: misses with their values, then
// regressions.
func TestTargetCell(t *testing.T) {
	met := target{label: "a", have: "1", ok: true}
	miss := target{label: "fastecho/raw ≤ 1.0", have: "1.20"}
	reg := regression{ratio: "fastecho/raw", old: 1, now: 1.2, p: 0.001}
	for _, tc := range []struct {
		ts   []target
		regs []regression
		want string
	}{
		{[]target{met}, nil, "met"},
		{[]target{met, miss}, nil, "**missed** fastecho/raw ≤ 1.0 (1.20)"},
		{[]target{met}, []regression{reg}, "met; ▲ fastecho/raw +20% (p=0.001)"},
	} {
		if got := targetCell(tc.ts, tc.regs); got != tc.want {
			t.Errorf("targetCell = %q, want %q", got, tc.want)
		}
	}
}

// TestBenchPaths checks that paths and cases are found in the results,
// known ones in the report's order, others after them.
func TestBenchPaths(t *testing.T) {
	rs := results{{
		"BenchmarkBasic/Missing/fastecho":         {},
		"BenchmarkBasic/OK/raw5":                  {},
		"BenchmarkAPIKeyHeader/OK/fastecho":       {},
		"BenchmarkNewPath/Zeta/fastecho":          {},
		"BenchmarkOAuth2Scopes/Forbidden/huma":    {},
		"BenchmarkOAuth2Scopes/OK/fastecho":       {},
		"BenchmarkFloor/401/direct":               {},
		"BenchmarkOpenAPI/Serve/20/fastecho":      {},
		"BenchmarkOpenAPIFirst/20":                {},
		"BenchmarkOAuth2Scopes/Missing/fastecho5": {},
	}}
	ps, cs := benchPaths(rs)
	if got := strings.Join(ps, " "); got != "APIKeyHeader Basic OAuth2Scopes NewPath" {
		t.Errorf("paths = %s", got)
	}
	if got := strings.Join(cs["OAuth2Scopes"], " "); got != "OK Missing Forbidden" {
		t.Errorf("OAuth2Scopes cases = %s", got)
	}
	if got := strings.Join(cs["Basic"], " "); got != "OK Missing" {
		t.Errorf("Basic cases = %s", got)
	}
}
