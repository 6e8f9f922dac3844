//go:build race

package echov4_test

func init() { raceEnabled = true }
