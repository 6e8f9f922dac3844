package conformance_test

import (
	"fmt"
	"os"
	"testing"
)

// missingTool stops a test whose tool is missing: under CI=true it fails,
// since CI installs every tool; otherwise it skips, saying so in a line
// that shows without -v, with what to install.
func missingTool(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: a missing tool is a failure)", msg)
	}
	fmt.Fprintf(os.Stderr, "SKIP %s: %s\n", t.Name(), msg)
	t.Skip(msg)
}
