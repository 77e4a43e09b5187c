#!/usr/bin/env bash
# Shows that reading an mbox streams: peak memory of `rapport extract` on a small and a large
# mailbox, side by side in one run. Usage: Benchmarks/ingest-memory.sh [LARGE_MB]   (default 500)
set -euo pipefail
cd "$(dirname "$0")/.."
large=${1:-500}
data=Benchmarks/data
mkdir -p "$data"
swift build -c release --product rapport >/dev/null
bin=$(swift build -c release --show-bin-path)/rapport
[ -f "$data/small.mbox" ] || python3 Benchmarks/make_mbox.py 2 "$data/small.mbox"
[ -f "$data/large-$large.mbox" ] || python3 Benchmarks/make_mbox.py "$large" "$data/large-$large.mbox"
# Reading alone (--no-threads streams) must stay flat; threading keeps a small key per message.
for mode in --no-threads ""; do
    for file in "$data/small.mbox" "$data/large-$large.mbox"; do
        /usr/bin/time -f "%M %e" -o "$data/time.txt" "$bin" extract --quiet $mode "$file" >/dev/null
        read -r rss seconds < "$data/time.txt"
        mb=$(du -m "$file" | cut -f1)
        echo "extract ${mode:-(threaded)} $(basename "$file"): ${mb} MB read, peak RSS $((rss / 1024)) MB, ${seconds} s"
    done
done
