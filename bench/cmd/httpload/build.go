package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// impl is one implementation of the scopes demo: a server program.
type impl struct {
	key   string // short name
	label string // in the plot's legend
	name  string // as the report names it
	pkg   string // import path, built from this module (replace ../)
	bin   string // the binary's name, the last element of pkg
}

// impls are the four servers, raw Echo first: ratios are to it.
var impls = []impl{
	{"raw", "raw Echo v4", "raw Echo v4", "./cmd/httpload/rawserver", "rawserver"},
	{"fastecho", "fastecho v4", "fastecho, Echo v4", "github.com/fastecho/fastecho/examples/scopes", "scopes"},
	{"fastecho5", "fastecho v5", "fastecho, Echo v5", "github.com/fastecho/fastecho/examples/scopes-echo5", "scopes-echo5"},
	{"huma", "huma v2", "huma v2 (humaecho, Echo v4)", "./cmd/httpload/humaserver", "humaserver"},
}

// build builds every server into dir with one `go build`, from the bench
// module (the working directory), so that all four link the same versions
// of Echo and the library comes from ../ through the replace.
func build(goCmd, dir string) error {
	args := []string{"build", "-o", dir + string(filepath.Separator)}
	for _, im := range impls {
		args = append(args, im.pkg)
	}
	cmd := exec.Command(goCmd, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	return nil
}
