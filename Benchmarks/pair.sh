#!/bin/sh
# Usage: Benchmarks/pair.sh OUT_A OUT_B COMMAND...
# Runs COMMAND -o OUT_A pinned to core 0 and COMMAND -o OUT_B pinned to core 1 at the same time,
# and exits with the larger of their two statuses: run.sh's control for the two-core ratio.
out_a=$1 out_b=$2
shift 2
taskset -c 0 "$@" -o "$out_a" &
first=$!
taskset -c 1 "$@" -o "$out_b"
second=$?
wait "$first"
first=$?
[ "$first" -gt "$second" ] && exit "$first"
exit "$second"
