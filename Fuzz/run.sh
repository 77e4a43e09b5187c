#!/usr/bin/env bash
# Builds one libFuzzer target with AddressSanitizer and runs it for a while.
#
# Usage: Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#   TARGET  mbox, message, ingest, header-text, date, address, authored, charset, html, notes,
#           lexicon, score or config (see README.md)
#
# The corpus grows in Fuzz/corpus/TARGET (run Fuzz/seed.sh first to seed it), crashes, hangs and
# out-of-memory inputs land in Fuzz/corpus/artifacts/TARGET/, and the full log in
# Fuzz/corpus/logs/. Everything under Fuzz/corpus/ is ignored by git.
# To replay one input: Fuzz/run.sh TARGET 0 path/to/input
set -euo pipefail

if [ $# -lt 2 ]; then
    sed -n '4,6p' "$0" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2

fuzz_dir=$(cd "$(dirname "$0")" && pwd)
product="fuzz-$target"
if [ ! -d "$fuzz_dir/Sources/$product" ]; then
    echo "run.sh: no fuzz target '$target' (no Sources/$product)" >&2
    exit 2
fi

# A message of 64 KB is plenty to reach every branch of the mail readers. Lexicon and configuration
# inputs are whole files parsed five ways and compiled; under AddressSanitizer a 64 KB lexicon
# takes about a second, which would read as a hang, so they are cut at 16 KB (how reading time
# grows with size is checked by the hostile-input tests instead).
max_len=65536
case $target in
    html | notes) dictionary=("-dict=$fuzz_dir/markup.dict") ;;
    lexicon | config) dictionary=(); max_len=16384 ;;
    score) dictionary=() ;;
    *) dictionary=("-dict=$fuzz_dir/mime.dict") ;;
esac

# Everything is compiled with AddressSanitizer and libFuzzer's coverage instrumentation (what
# -sanitize=fuzzer turns on); only the fuzz targets link libFuzzer (Package.swift). SwiftPM's
# --sanitize=fuzzer cannot be used: it would also turn the main package's build-tool plugin
# into a fuzzer. That plugin runs under AddressSanitizer during the build, hence no leak check.
build_flags=(
    -c release --product "$product"
    -Xswiftc -sanitize=address
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,trace-cmp,pc-table
)
export ASAN_OPTIONS=detect_leaks=0
swift build --package-path "$fuzz_dir" "${build_flags[@]}" >&2
binary="$(swift build --package-path "$fuzz_dir" "${build_flags[@]}" --show-bin-path)/$product"

corpus="$fuzz_dir/corpus/$target"
artifacts="$fuzz_dir/corpus/artifacts/$target"
logs="$fuzz_dir/corpus/logs"
mkdir -p "$corpus" "$artifacts" "$logs"

flags=(
    -use_value_profile=1     # finds comparisons against constants (boundaries, tokens) far sooner
    -timeout=1               # an input that takes over a second is a hang
    -rss_limit_mb=2048       # and one that needs 2 GB is a memory blow-up
    "-max_len=$max_len"
    -detect_leaks=0          # Swift's runtime keeps metadata caches that look like leaks
    -print_final_stats=1
    "-artifact_prefix=$artifacts/"
    "${dictionary[@]}"
)

# Replaying given inputs instead of fuzzing.
if [ "$seconds" = 0 ] && [ $# -gt 0 ]; then
    SWIFT_BACKTRACE=enable=no "$binary" "${flags[@]}" "$@"
    exit
fi

log="$logs/$target-$(date +%Y%m%d-%H%M%S).log"
echo "run.sh: fuzzing $target for $seconds s; log in $log" >&2
# Swift's own crash handler would swallow the crash before libFuzzer writes the input.
set +e
SWIFT_BACKTRACE=enable=no "$binary" "${flags[@]}" -max_total_time="$seconds" "$@" "$corpus" 2>&1 | tee "$log" \
    | grep -E '^(#[0-9]+.*(INITED|DONE)|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written|stat::number_of_executed_units)'
status=${PIPESTATUS[0]}
exit "$status"
