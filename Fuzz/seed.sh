#!/usr/bin/env bash
# Fills Fuzz/corpus/TARGET/ with seed inputs taken from Samples/ and, when present, the shared
# corpora beside the clone (../shared/corpora). The corpus folder is ignored by git: the seeds are
# other projects' files and are never committed. Safe to run again: files are named by content.
#
# Usage: Fuzz/seed.sh [TARGET...]      (default: every target)
set -euo pipefail

fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz_dir/.." && pwd)
samples="$root/Samples"
corpora="$root/../shared/corpora"
max_seed=65536

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(mbox message ingest header-text date address authored charset html notes lexicon score config)
fi

# Copies the first $max_seed bytes of a file into corpus/TARGET under its content hash.
put() {
    local target=$1 file=$2 dir="$fuzz_dir/corpus/$1" hash
    mkdir -p "$dir"
    hash=$(head -c "$max_seed" "$file" | sha1sum | cut -c1-40)
    [ -e "$dir/$hash" ] || head -c "$max_seed" "$file" > "$dir/$hash"
}

# Stores every line read from standard input as a seed of its own.
put_lines() {
    local target=$1 dir="$fuzz_dir/corpus/$1" hash line
    mkdir -p "$dir"
    while IFS= read -r line; do
        hash=$(printf '%s' "$line" | sha1sum | cut -c1-40)
        [ -e "$dir/$hash" ] || printf '%s' "$line" > "$dir/$hash"
    done
}

# Every regular file under the given folders, except licences and provenance notes.
files_under() {
    for folder in "$@"; do
        [ -d "$folder" ] && find "$folder" -type f ! -name 'SOURCE.txt' ! -name 'LICENSE*' ! -name '*.py' -print0
    done
}

mail_folders=("$samples/eml" "$samples/maildir" "$samples/mbox")
reply_folders=()
if [ -d "$corpora" ]; then
    mail_folders+=("$corpora/email")
    reply_folders+=("$corpora/reply-stripping")
else
    echo "seed.sh: no shared corpora at $corpora; seeding from Samples/ only" >&2
fi

# Header lines of one kind from every mail file, value only, at most a few thousand.
header_values() {
    local pattern=$1
    files_under "${mail_folders[@]}" | xargs -0 grep -ahiE "^($pattern):" 2>/dev/null \
        | sed -E 's/^[^:]+:[ \t]*//' | sort -u | head -n 3000 || true
}

for target in "${targets[@]}"; do
    case $target in
        mbox | message | ingest | charset)
            files_under "${mail_folders[@]}" | while IFS= read -r -d '' file; do put "$target" "$file"; done ;;
        header-text)
            header_values 'subject|content-type|content-disposition|from|to' | put_lines "$target" ;;
        date)
            header_values 'date|received' | put_lines "$target"
            files_under "${mail_folders[@]}" | xargs -0 grep -ahE '^From ' 2>/dev/null | sed 's/^From //' \
                | sort -u | head -n 1000 | put_lines "$target" || true ;;
        address)
            header_values 'from|to|cc|bcc|reply-to|sender' | put_lines "$target" ;;
        authored)
            files_under "$samples/eml" "${reply_folders[@]}" | while IFS= read -r -d '' file; do put "$target" "$file"; done ;;
        html | notes)
            files_under "$samples/notes" | while IFS= read -r -d '' file; do put "$target" "$file"; done
            files_under "${mail_folders[@]}" "${reply_folders[@]}" | xargs -0 grep -liE '<html|<\?xml' 2>/dev/null \
                | while IFS= read -r file; do put "$target" "$file"; done || true ;;
        lexicon)
            for file in "$root"/Lexicons/*/*.tsv "$root"/Tests/RapportLanguageTests/Fixtures/*; do
                [ -f "$file" ] && put "$target" "$file"
            done ;;
        score)
            # Rated sentences (the text column of the dev sets), then whole sample messages.
            for file in "$root"/Tests/RapportLanguageTests/DevSet/*.tsv; do
                [ -f "$file" ] && cut -f1 "$file" | grep -v '^#' | head -n 2000 | put_lines "$target"
            done
            files_under "$samples/eml" | while IFS= read -r -d '' file; do put "$target" "$file"; done ;;
        config)
            find "$root/Samples/" "$root/Tests/" -type f \( -name '*.yml' -o -name '*.yaml' \) -print0 2>/dev/null \
                | while IFS= read -r -d '' file; do put "$target" "$file"; done
            # Every ```yaml block of the documentation, one seed each.
            for doc in "$root"/Docs/*.md; do
                [ -f "$doc" ] || continue
                awk -v out="$fuzz_dir/corpus/$target/doc-$(basename "$doc" .md)" \
                    '/^```ya?ml/ { n++; on = 1; next } /^```/ { on = 0 } on { print > (out "-" n) }' "$doc"
            done ;;
        *)
            echo "seed.sh: unknown target $target" >&2; exit 2 ;;
    esac
    echo "$target: $(find "$fuzz_dir/corpus/$target" -type f 2>/dev/null | wc -l) inputs"
done
