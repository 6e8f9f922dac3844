#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 60s):
# `make fuzz`, or FUZZTIME=3s for CI's short pass. New crashers land in the
# package's testdata/fuzz/ and fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-60s}
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "fuzz: $pkg $target ($FUZZTIME)"
		go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" >/tmp/fuzz.$$.log 2>&1 || {
			cat /tmp/fuzz.$$.log >&2
			exit 1
		}
		tail -n 3 /tmp/fuzz.$$.log | grep -E 'elapsed|ok' | tail -n 1 || true
	done
done
rm -f /tmp/fuzz.$$.log
