#!/usr/bin/env bash
# Checks that every example is copyable: its non-test .go files, copied into
# a fresh module of their own (with a replace to this checkout), build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
fail=0
for d in examples/*/; do
	d=${d%/}
	[ "$(basename "$d")" = internal ] && continue
	tmp=$(mktemp -d)
	find "$d" -maxdepth 1 -name '*.go' ! -name '*_test.go' -exec cp {} "$tmp" \;
	(
		cd "$tmp"
		go mod init example.com/copy >/dev/null 2>&1
		go mod edit -require=github.com/fastecho/fastecho@v0.0.0 -replace=github.com/fastecho/fastecho="$root"
		go mod tidy >/dev/null 2>&1 && go build -o /dev/null .
	) || { echo "copyable: $d does not build on its own" >&2; fail=1; }
	rm -rf "$tmp"
done
[ $fail = 0 ] && echo "copyable: every example builds in a module of its own"
exit $fail
