#!/usr/bin/env bash
# step.sh NAME CMD...: says what runs, runs it, says how long it took.
set -u
name=$1
shift
echo "==> $name"
start=$(date +%s)
"$@"
rc=$?
echo "==> $name: $( [ $rc = 0 ] && echo ok || echo "FAILED ($rc)" ) in $(( $(date +%s) - start )) s"
exit $rc
