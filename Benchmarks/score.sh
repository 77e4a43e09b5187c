#!/usr/bin/env bash
# Measures `rapport score --file` throughput on ~100 MB of generated business text (English and
# Icelandic, one text per line) with a release build, pinned to one core where taskset exists.
#
# Usage: Benchmarks/score.sh [MEGABYTES]        (default 100)
# Env:   SCRATCH_PATH  SwiftPM scratch folder for the release build (default .build)
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes="${1:-100}"
scratch="${SCRATCH_PATH:-.build}"
data="Benchmarks/data"
input="$data/score-${megabytes}mb.txt"
mkdir -p "$data"

if [ ! -s "$input" ]; then
    echo "generating $input ..." >&2
    awk -v target=$((megabytes * 1000 * 1000)) 'BEGIN {
        srand(42)
        n = split("Thanks for the quick turnaround, the report looks great.|Per my last email, the invoice is still unpaid and this is the third reminder.|We are not happy with the delay, but the support team has been very helpful.|If this is not fixed by Friday we will have to escalate to legal.|Could you please send the updated contract when you get a chance?|The price is too high compared to the competitor offer we received.|No problem at all, happy to help with the follow-up on Monday.|Frankly the quality has been unacceptable for months and nobody responds.|We appreciate the partnership and look forward to renewing next year.|Hi Anna, just checking in on the status of the migration.|Takk fyrir fundinn í gær, þetta var mjög gagnlegt.|Við erum ekki ánægð með þjónustuna og viljum fá svar strax.|Verðið er of hátt en varan er samt góð.|Ef þetta verður ekki lagað munum við leita annað.|Kær kveðja og takk fyrir samstarfið á árinu.", s, "|")
        split("today|this week|again|as discussed|ASAP|on the call|in the meeting|for Q3|with the team|per our agreement", tail, "|")
        written = 0
        while (written < target) {
            line = s[int(rand() * n) + 1]
            if (rand() < 0.5) line = line " " s[int(rand() * n) + 1]
            if (rand() < 0.3) line = line " (" tail[int(rand() * 10) + 1] ")"
            print line
            written += length(line) + 1
        }
    }' > "$input"
fi
bytes=$(wc -c < "$input")

echo "building release ..." >&2
swift build -c release --product rapport --scratch-path "$scratch" >&2
binary="$scratch/release/rapport"

pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)

start=$(date +%s.%N)
"${pin[@]}" "$binary" score --file "$input" > /dev/null
end=$(date +%s.%N)

awk -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN {
    seconds = e - s
    printf "rapport score: %.1f MB in %.2f s = %.1f MB/s\n", b / 1e6, seconds, b / 1e6 / seconds
}'
