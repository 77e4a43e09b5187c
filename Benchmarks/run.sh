#!/usr/bin/env bash
# The benchmark of issue #7: builds rapport in release mode, generates a realistic mailbox, and
# measures analyze (1 and 2 cores, peak RSS, and two 1-core runs at once as the control for the
# two-core ratio), a Python reference pipeline, the grep floor, score, and scan (first, unchanged,
# after 1% growth), each several times. Prints one table of medians with the targets, and writes
# the figures as JSON under Benchmarks/out/. See Benchmarks/README.md.
#
# Usage: Benchmarks/run.sh [--size MB | --full | --quick] [--reps N] [--python-mb MB] [--seed N] [--no-build]
#   --size MB       mailbox size in MiB (default 100)
#   --full          the full run: 1 GB (1024 MiB)
#   --quick         a smoke run on 5 MB
#   --reps N        runs of each measurement (default 3)
#   --python-mb MB  measure the Python reference on the first MB of the mailbox (default: all of it
#                   up to 20 MB); its figure is per MB, so the ratio carries over
#   --seed N        generator seed (default 1)
#   --no-build      use the existing release binary
# Env: SCRATCH_PATH  SwiftPM scratch folder for the release build (default .build-perf)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '/^# Usage:/,/^# Env:/p' Benchmarks/run.sh | sed 's/^# \{0,1\}//'; }

size=100 reps=3 python_mb="" seed=1 build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --size) size=${2:?--size needs a value}; shift ;;
        --full) size=1024 ;;
        --quick) size=5 ;;
        --reps) reps=${2:?--reps needs a value}; shift ;;
        --python-mb) python_mb=${2:?--python-mb needs a value}; shift ;;
        --seed) seed=${2:?--seed needs a value}; shift ;;
        --no-build) build=0 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 64 ;;
    esac
    shift
done
case "$size$reps$seed$python_mb" in
    *[!0-9]*) echo "run.sh: --size, --reps, --python-mb and --seed take whole numbers" >&2; exit 64 ;;
esac
[ "$reps" -ge 1 ] && [ "$size" -ge 1 ] || { echo "run.sh: --size and --reps must be at least 1" >&2; exit 64; }
[ -n "$python_mb" ] || python_mb=$((size < 20 ? size : 20))
[ "$python_mb" -ge 1 ] || { echo "run.sh: --python-mb must be at least 1" >&2; exit 64; }
text_mb=$((size < 100 ? size : 100))

if ! [ -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time is missing (Debian/Ubuntu: apt-get install time)" >&2
    exit 69
fi
python3 -c 'import vaderSentiment' 2>/dev/null || { echo "run.sh: pip install vaderSentiment" >&2; exit 69; }
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
    pinned=true one=(taskset -c 0) two=(taskset -c 0,1)
else
    echo "run.sh: taskset or a second core is missing: 1-core figures run unpinned" >&2
    pinned=false one=() two=()
fi

scratch="${SCRATCH_PATH:-.build-perf}"
if [ "$build" = 1 ]; then
    echo "building release ..." >&2
    swift build -c release --product rapport --scratch-path "$scratch" >&2
fi
rapport="$scratch/release/rapport"
[ -x "$rapport" ] || { echo "run.sh: no release binary at $rapport (drop --no-build)" >&2; exit 66; }

# MARK: - Inputs (generated once per generator version, seed and size)

data=Benchmarks/data
work="$data/run"
mkdir -p "$data"
rm -rf "$work"
mkdir -p "$work"
stamp=$(cat Benchmarks/make_mbox.py Benchmarks/corpus_words.py | sha256sum | cut -c1-16)
mail="$data/mail-${size}mb-s$seed.mbox"
more="$data/more-${size}mb-s$seed.mbox"
text="$data/sentences-${text_mb}mb-s$seed.txt"
terms="$data/terms.txt"

fresh() { [ -s "$1" ] && [ "$(cat "$1.stamp" 2>/dev/null)" = "$stamp" ]; }
if ! fresh "$mail"; then
    echo "generating $mail ..." >&2
    python3 Benchmarks/make_mbox.py "$size" "$mail" --seed "$seed" && echo "$stamp" > "$mail.stamp"
    rm -f "$more.stamp"
fi
if ! fresh "$more"; then
    # 1% more mail that follows the mailbox: same accounts, later dates, new Message-IDs.
    python3 Benchmarks/make_mbox.py "$(awk -v s="$size" 'BEGIN { print s / 100 }')" "$more" --seed "$seed" \
        --continue-from "$mail" && echo "$stamp" > "$more.stamp"
fi
if ! fresh "$text"; then
    python3 Benchmarks/make_mbox.py --sentences "$text_mb" "$text" --seed "$seed" && echo "$stamp" > "$text.stamp"
fi
# Every literal word and phrase of the shipped English and Icelandic lexicons; a stem (`stem*`)
# or suffix (`*n't`) contributes the letters it keeps.
awk -F'\t' '!/^#/ && NF >= 3 { t = $1; sub(/\*$/, "", t); sub(/^\*/, "", t); if (t != "") print t }' \
    Lexicons/en/*.tsv Lexicons/is/*.tsv | LC_ALL=C sort -u > "$terms"

python_input="$mail"
if [ "$python_mb" -lt "$size" ]; then
    python_input="$data/prefix-${python_mb}mb-of-${size}mb-s$seed.mbox"
    if ! fresh "$python_input"; then
        python3 - "$mail" "$python_input" "$python_mb" <<'EOF'
import sys
source, target, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
limit = megabytes * 1048576
with open(source, "rb") as f:
    data = f.read(limit + 8 * 1048576)
cut = data.find(b"\n\nFrom ", limit)  # the first message boundary past the limit
with open(target, "wb") as f:
    f.write(data if cut < 0 else data[:cut + 2])
EOF
        echo "$stamp" > "$python_input.stamp"
    fi
fi

meta() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1.meta.json" "$2"; }
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$([ -n "$(git status --porcelain -- Sources Lexicons Package.swift 2>/dev/null)" ] && echo true || echo false)
cat > "$work/run.json" <<EOF
{"size_mb": $size, "seed": $seed, "reps": $reps, "commit": "$commit", "dirty": $dirty,
 "mail_bytes": $(wc -c < "$mail"), "messages": $(meta "$mail" messages), "threads": $(meta "$mail" threads),
 "more_bytes": $(wc -c < "$more"), "more_messages": $(meta "$more" messages),
 "python_bytes": $(wc -c < "$python_input"), "text_bytes": $(wc -c < "$text"), "terms": $(wc -l < "$terms"),
 "cores": $(nproc), "cpu": "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo | tr -d '"')",
 "kernel": "$(uname -sr)", "pinned": $pinned, "load_before": "$(cut -d' ' -f1-3 /proc/loadavg)"}
EOF

# MARK: - Measuring

# measure NAME "OK STATUSES" COMMAND...: runs COMMAND under /usr/bin/time -v, keeps its output in
# $work/NAME.out and .err, and appends wall seconds, user+system seconds and peak RSS (KiB) to raw.tsv.
measure() {
    local name=$1 ok=$2 status
    shift 2
    set +e
    /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/$name.out" 2> "$work/$name.err"
    status=$?
    set -e
    case " $ok " in
        *" $status "*) ;;
        *) echo "run.sh: $name exited with status $status; see $work/$name.err" >&2; exit 1 ;;
    esac
    awk -F': ' -v name="$name" '
        /Elapsed \(wall clock\)/ { n = split($NF, part, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + part[i] }
        /User time \(seconds\)/ { cpu += $NF }
        /System time \(seconds\)/ { cpu += $NF }
        /Maximum resident set size/ { rss = $NF }
        END { printf "%s\t%.3f\t%.3f\t%d\n", name, wall, cpu, rss }' "$work/time.txt" >> "$work/raw.tsv"
    printf '  %-18s %s\n' "$name" "$(tail -n 1 "$work/raw.tsv" | cut -f2) s" >&2
}

domain=(--our-domain vorduberg.is)
for rep in $(seq 1 "$reps"); do
    echo "run $rep of $reps" >&2
    measure analyze-1core "0 1" "${one[@]}" "$rapport" analyze "${domain[@]}" --format json -o "$work/analyze.json" "$mail"
    measure analyze-2core "0 1" "${two[@]}" "$rapport" analyze "${domain[@]}" --format json -o "$work/analyze-2.json" "$mail"
    if [ "$pinned" = true ]; then
        # The control for the two-core ratio: two one-core runs at once, one on each core, share
        # nothing but the machine. Their throughput over one run alone is what the machine gives
        # two cores' worth of this work at that moment; a two-core run below it loses the rest
        # to its threads sharing memory.
        measure analyze-pair "0 1" Benchmarks/pair.sh "$work/analyze-pair-a.json" "$work/analyze-pair-b.json" \
            "$rapport" analyze "${domain[@]}" --format json "$mail"
    fi
    measure grep "0 1" "${one[@]}" env LC_ALL=C grep -c -F -f "$terms" "$mail"
    measure python "0" "${one[@]}" python3 Benchmarks/reference.py "$python_input"
    # score writes one JSON line per input line: discard it rather than time the disk.
    measure score "0" "${one[@]}" sh -c 'exec "$0" score --file "$1" > /dev/null' "$rapport" "$text"

    # A fresh store and a copy of the mailbox that can grow.
    scan="$work/scan"
    rm -rf "$scan"
    mkdir -p "$scan"
    cp "$mail" "$scan/mail.mbox"
    scan_args=("${domain[@]}" --format json)
    measure scan-first-1core "0 1" "${one[@]}" "$rapport" scan --db "$scan/one-core.sqlite" "${scan_args[@]}" \
        -o "$scan/report-1core.json" "$scan/mail.mbox"
    measure scan-first "0 1" "$rapport" scan --db "$scan/store.sqlite" "${scan_args[@]}" -o "$scan/report-1.json" "$scan/mail.mbox"
    measure scan-unchanged "0 1" "$rapport" scan --db "$scan/store.sqlite" "${scan_args[@]}" -o "$scan/report-2.json" "$scan/mail.mbox"
    cat "$more" >> "$scan/mail.mbox"
    measure scan-grown "0 1" "$rapport" scan --db "$scan/store.sqlite" "${scan_args[@]}" -o "$scan/report-3.json" "$scan/mail.mbox"
done
rm -f "$scan/mail.mbox"

python3 Benchmarks/summarize.py "$work" Benchmarks/out
