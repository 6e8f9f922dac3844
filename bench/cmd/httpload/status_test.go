package main

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzParseVmHWM checks the /proc status parser: it never panics, and a
// well-formed VmHWM line reads back as its number (after lines shorter than
// the scanner's limit).
func FuzzParseVmHWM(f *testing.F) {
	f.Add("Name:\tx\nVmPeak:\t  20000 kB\nVmHWM:\t   14744 kB\nVmRSS:\t 1 kB\n", 14744)
	f.Add("VmHWM:", 0)
	f.Fuzz(func(t *testing.T, status string, n int) {
		_, _ = parseVmHWM(strings.NewReader(status))
		if n < 0 || len(status) > 32<<10 || strings.Contains(status, "VmHWM:") {
			return
		}
		got, err := parseVmHWM(strings.NewReader(status + "\nVmHWM:\t " + strconv.Itoa(n) + " kB\n"))
		if err != nil || got != n {
			t.Fatalf("parseVmHWM(... VmHWM %d kB) = %d, %v", n, got, err)
		}
	})
}
