#!/usr/bin/env python3
"""Turns run.sh's raw measurements into the benchmark table and a JSON record (issue #7).

    python3 Benchmarks/summarize.py WORK_DIR OUT_DIR

WORK_DIR holds what run.sh wrote: `raw.tsv` (name, wall seconds, user+system seconds, peak RSS in
KiB; one line per run), `run.json` (the run's settings and inputs) and the last run's outputs
(`*.err`, `*.out`), from which the message counts Rapport and Python report are read back. The
table goes to standard output; the JSON to OUT_DIR/<UTC time>-<commit>-<size>mb.json, so
successive runs can be compared. MB means MiB (1,048,576 bytes) throughout.
"""
import glob
import json
import os
import re
import statistics
import sys
import time

MIB = 1024 * 1024


def load_raw(path):
    runs = {}
    with open(path) as f:
        for line in f:
            name, wall, cpu, rss = line.rstrip("\n").split("\t")
            runs.setdefault(name, []).append({"wall": float(wall), "cpu": float(cpu), "rss_kib": int(rss)})
    return runs


def median(runs, name, key="wall"):
    values = [run[key] for run in runs.get(name, [])]
    return statistics.median(values) if values else None


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def reported_counts(work):
    """What the tools said they read, to check every tool saw the same mail."""
    counts = {}
    analyze = re.search(r"read \d+ inputs?, (\d+) messages; analysed (\d+); skipped (\d+)", read(f"{work}/analyze-1core.err"))
    if analyze:
        counts["analyze_messages"], counts["analyze_analysed"], counts["analyze_skipped"] = map(int, analyze.groups())
    reference = re.search(r"messages (\d+) errors (\d+)", read(f"{work}/python.out"))
    if reference:
        counts["python_messages"], counts["python_errors"] = map(int, reference.groups())
    for name in ("scan-first", "scan-unchanged", "scan-grown"):
        scan = re.search(r"(\d+) messages \([\d.]+ MB\); (\d+) new documents", read(f"{work}/{name}.err"))
        if scan:
            counts[f"{name}_messages"], counts[f"{name}_new_documents"] = map(int, scan.groups())
    grep = read(f"{work}/grep.out").strip()
    if grep.isdigit():
        counts["grep_matching_lines"] = int(grep)
    return counts


class Table:
    """Rows of figure, value, target and pass/miss; a missing measurement shows as n/a."""

    def __init__(self):
        self.rows = []
        self.figures = {}

    def add(self, key, label, value, unit, fmt, target=None, check=None):
        shown = "n/a" if value is None else fmt.format(value) + unit
        verdict = "" if check is None or value is None else ("pass" if check(value) else "MISS")
        self.rows.append((label, shown, target or "", verdict))
        self.figures[key] = {"value": value, "unit": unit.strip(), "target": target, "verdict": verdict or None}

    def render(self):
        widths = [max(len(row[i]) for row in self.rows + [("figure", "value", "target", "")]) for i in range(4)]
        lines = [f"{'figure':<{widths[0]}}  {'value':>{widths[1]}}  {'target':<{widths[2]}}  result"]
        lines.append("-" * (sum(widths) + 12))
        for label, value, target, verdict in self.rows:
            lines.append(f"{label:<{widths[0]}}  {value:>{widths[1]}}  {target:<{widths[2]}}  {verdict}".rstrip())
        return "\n".join(lines)


def ratio(a, b):
    return a / b if a is not None and b else None


def paired(runs, numerator, denominator, scale=1.0):
    """The median of each repetition's ratio numerator ÷ denominator (times `scale`): the two
    commands of one repetition ran minutes apart at most, so a shared machine that slows down or
    speeds up between repetitions moves both, where a ratio of medians taken over the whole run
    would mix a fast moment's run with a slow one's."""
    pairs = zip(runs.get(numerator, []), runs.get(denominator, []))
    ratios = [scale * a["wall"] / b["wall"] for a, b in pairs if b["wall"] > 0]
    return statistics.median(ratios) if ratios else None


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: summarize.py WORK_DIR OUT_DIR")
    work, out_dir = sys.argv[1], sys.argv[2]
    runs = load_raw(f"{work}/raw.tsv")
    with open(f"{work}/run.json") as f:
        run = json.load(f)
    mail_mb = run["mail_bytes"] / MIB
    prefix_mb = run["python_bytes"] / MIB
    text_mb = run["text_bytes"] / MIB
    grown_mb = run["more_bytes"] / MIB
    one_core = "1 core" if run["pinned"] else "unpinned"

    analyze_1 = median(runs, "analyze-1core")
    analyze_2 = median(runs, "analyze-2core")
    analyze_mbps = ratio(mail_mb, analyze_1)
    python_mbps = ratio(prefix_mb, median(runs, "python"))
    grep_mbps = ratio(mail_mb, median(runs, "grep"))
    scan_first = median(runs, "scan-first")
    scan_first_1 = median(runs, "scan-first-1core")
    rss = median(runs, "analyze-1core", "rss_kib")
    rss_mb = rss / 1024 if rss is not None else None
    python_note = "whole mbox" if run["python_bytes"] >= run["mail_bytes"] else f"first {prefix_mb:.0f} MB"

    t = Table()
    t.add("analyze_mbps", f"analyze, {one_core}", analyze_mbps, " MB/s", "{:.1f}", "≥ 50 MB/s", lambda v: v >= 50)
    t.add("analyze_messages_per_s", f"analyze, {one_core}", ratio(run["messages"], analyze_1), " msg/s", "{:,.0f}")
    t.add("analyze_seconds", f"analyze, {one_core}, wall time", analyze_1, " s", "{:.2f}")
    t.add("analyze_cpu_seconds", f"analyze, {one_core}, user+sys", median(runs, "analyze-1core", "cpu"), " s",
          "{:.2f}")
    t.add("analyze_rss_mb", "analyze peak RSS", rss_mb, " MB", "{:.0f}", "< 150 MB (on 1 GB)", lambda v: v < 150)
    baseline = previous_rss(out_dir, run) if run["size_mb"] > 100 else None
    if baseline is not None:
        t.add("analyze_rss_vs_100mb", "  ÷ peak RSS of the last 100 MB run", ratio(rss_mb, baseline), "×",
              "{:.2f}", "≤ 1.25× (about the same)", lambda v: v <= 1.25)
    # Two workers hold two accounts' readings at once, and each thread has its own malloc arena.
    rss_2 = median(runs, "analyze-2core", "rss_kib")
    t.add("analyze_2core_rss_mb", "analyze peak RSS, 2 cores", None if rss_2 is None else rss_2 / 1024, " MB",
          "{:.0f}", "< 150 MB (on 1 GB)", lambda v: v < 150)
    t.add("python_mbps", f"Python reference ({python_note})", python_mbps, " MB/s", "{:.2f}")
    # Per MB: Python reads `prefix_mb` in its time, analyze `mail_mb` in its own.
    t.add("analyze_vs_python", "analyze ÷ Python (per MB)", paired(runs, "python", "analyze-1core", mail_mb / prefix_mb),
          "×", "{:.0f}",
          "≥ 100×", lambda v: v >= 100)
    t.add("grep_mbps", "grep -c -F -f TERMS (floor)", grep_mbps, " MB/s", "{:.0f}")
    t.add("grep_vs_analyze", "grep ÷ analyze", paired(runs, "analyze-1core", "grep"), "×", "{:.1f}", "≤ 10× (within 10×)",
          lambda v: v <= 10)
    t.add("analyze_2core_mbps", "analyze, 2 cores", ratio(mail_mb, analyze_2), " MB/s", "{:.1f}")
    speedup = paired(runs, "analyze-1core", "analyze-2core")
    t.add("analyze_speedup", "analyze 2 cores ÷ 1 core", speedup, "×", "{:.2f}", "≥ 1.7×", lambda v: v >= 1.7)
    # Two one-core runs at once do twice the work: twice one run's time over the pair's.
    ceiling = paired(runs, "analyze-1core", "analyze-pair", 2.0)
    t.add("analyze_pair_speedup", "  control: two 1-core runs at once ÷ one", ceiling, "×", "{:.2f}")
    t.add("analyze_speedup_share", "  2 cores ÷ 1 core, share of the control", ratio(speedup, ceiling), "", "{:.0%}")
    t.add("score_mbps", f"score, {one_core} ({text_mb:.0f} MB of lines)", ratio(text_mb, median(runs, "score")),
          " MB/s", "{:.1f}", "≥ 30 MB/s", lambda v: v >= 30)
    t.add("scan_first_seconds", "scan, first (all cores), wall time", scan_first, " s", "{:.2f}")
    t.add("scan_first_mbps", "scan, first (all cores)", ratio(mail_mb, scan_first), " MB/s", "{:.1f}")
    t.add("scan_first_1core_seconds", f"scan, first, {one_core}", scan_first_1, " s", "{:.2f}")
    t.add("scan_speedup", "scan first 2 cores ÷ 1 core", paired(runs, "scan-first-1core", "scan-first"), "×", "{:.2f}")
    t.add("scan_unchanged_seconds", "re-scan, unchanged", median(runs, "scan-unchanged"), " s", "{:.2f}",
          "< 2 s (on 1 GB)", lambda v: v < 2)
    t.add("scan_grown_seconds", f"re-scan after +{100 * grown_mb / mail_mb:.1f}% ({grown_mb:.1f} MB)",
          median(runs, "scan-grown"), " s", "{:.2f}")
    grown_share = paired(runs, "scan-grown", "scan-first")
    t.add("scan_grown_share", "  ÷ first scan", None if grown_share is None else 100 * grown_share, " %", "{:.1f}",
          "< 5 %", lambda v: v < 5)
    scan_rss = median(runs, "scan-first", "rss_kib")
    t.add("scan_rss_mb", "scan peak RSS (first)", None if scan_rss is None else scan_rss / 1024, " MB", "{:.0f}")

    counts = reported_counts(work)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    header = (f"Rapport benchmark {stamp}, commit {run['commit']}: {mail_mb:.0f} MB mbox, {run['messages']:,} "
              f"messages ({run['threads']:,} threads), {run['reps']} run(s) each, medians (a ratio: the median of "
              f"each run's own); {run['cores']} cores, "
              f"load {run['load_before']} before, {load_average()} after")
    print(header)
    print(t.render())
    notes = sanity_notes(work, run, counts)
    for note in notes:
        print(f"note: {note}")

    record = {
        "date": stamp, "commit": run["commit"], "dirty": run["dirty"], "size_mb": run["size_mb"],
        "input": {"mail_bytes": run["mail_bytes"], "messages": run["messages"], "threads": run["threads"],
                  "grown_bytes": run["more_bytes"], "grown_messages": run["more_messages"],
                  "python_bytes": run["python_bytes"], "text_bytes": run["text_bytes"], "terms": run["terms"],
                  "seed": run["seed"]},
        "machine": {"cores": run["cores"], "cpu": run["cpu"], "kernel": run["kernel"], "pinned": run["pinned"],
                    "load_before": run["load_before"], "load_after": load_average()},
        "reps": run["reps"], "figures": t.figures, "counts": counts, "notes": notes,
        "samples": runs,
    }
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"{stamp.replace(':', '').replace('-', '')}-{run['commit']}-{run['size_mb']}mb.json")
    with open(path, "w") as f:
        json.dump(record, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"figures written to {path}")


def sanity_notes(work, run, counts):
    """Disagreements between the generator and the tools, which make a figure suspect."""
    notes = []
    expected = run["messages"]
    if counts.get("analyze_messages") not in (None, expected):
        notes.append(f"analyze read {counts['analyze_messages']} messages; the generator wrote {expected}")
    if counts.get("analyze_skipped"):
        notes.append(f"analyze skipped {counts['analyze_skipped']} messages")
    if counts.get("python_errors"):
        notes.append(f"the Python reference failed on {counts['python_errors']} of {counts['python_messages']} messages")
    # The report is the same for any number of threads, and the control runs did the same work.
    for name, label in (("analyze-2.json", "the two-core analyze"), ("analyze-pair-a.json", "the control's first run"),
                        ("analyze-pair-b.json", "the control's second run")):
        if same_report(f"{work}/analyze.json", f"{work}/{name}") is False:
            notes.append(f"{label} wrote another report than the one-core analyze")
    if counts.get("scan-first_messages") not in (None, expected):
        notes.append(f"the first scan read {counts['scan-first_messages']} messages; the generator wrote {expected}")
    if counts.get("scan-unchanged_messages"):
        notes.append(f"the unchanged re-scan read {counts['scan-unchanged_messages']} messages (expected 0)")
    if counts.get("scan-grown_messages") not in (None, run["more_messages"]):
        notes.append(f"the re-scan after growth read {counts['scan-grown_messages']} messages; "
                     f"{run['more_messages']} were appended")
    return notes


def same_report(first, second):
    """Whether two JSON reports agree line by line apart from their generation time (None when
    either is missing)."""
    try:
        with open(first, "rb") as a, open(second, "rb") as b:
            for left, right in zip(a, b, strict=True):
                if left != right and not (b'"generatedAt"' in left and b'"generatedAt"' in right):
                    return False
    except OSError:
        return None
    except ValueError:  # one has more lines than the other
        return False
    return True


def previous_rss(out_dir, run):
    """Peak RSS of analyze in the newest earlier 100 MB run with the same seed, if any."""
    best = None
    for path in sorted(glob.glob(os.path.join(out_dir, "*-100mb.json"))):
        try:
            with open(path) as f:
                record = json.load(f)
        except (OSError, ValueError):
            continue
        if record.get("input", {}).get("seed") == run["seed"]:
            best = record["figures"].get("analyze_rss_mb", {}).get("value")
    return best


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "n/a"


if __name__ == "__main__":
    main()
