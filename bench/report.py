#!/usr/bin/env python3
"""Summarizes Google Benchmark JSON files (--benchmark_out) from scripts/bench.sh.

usage: report.py RESULT.json...

Prints one line per benchmark run (time per iteration, words/s, MB/s) and,
when pipeline_bench ran, the derived figures docs/performance.md records:
the stages' words/s on the same texts, the 2-thread in-process documents/s
and the 4 MB / 4 KB time-per-word ratio.
"""
import json
import sys


def load(paths):
    runs = []
    for p in paths:
        with open(p) as f:
            data = json.load(f)
        for b in data.get("benchmarks", []):
            if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
                continue
            b["_file"] = p
            runs.append(b)
    return runs


def fmt_rate(x):
    if x is None:
        return "-"
    if x >= 1e6:
        return "%.2fM" % (x / 1e6)
    if x >= 1e3:
        return "%.1fk" % (x / 1e3)
    return "%.0f" % x


def main(argv):
    runs = load(argv[1:])
    print("%-46s %-8s %12s %10s %9s" % ("benchmark", "doc", "time/iter", "words/s", "MB/s"))
    by_name = {}
    for b in runs:
        name = b["name"]
        by_name[name] = b
        words = b.get("items_per_second") or b.get("words/s")
        mbs = b.get("bytes_per_second")
        t = "%.3f %s" % (b.get("real_time", 0), b.get("time_unit", ""))
        if b.get("error_occurred"):
            t = "ERROR: " + b.get("error_message", "")
        print("%-46s %-8s %12s %10s %9s" % (name[:46], b.get("label", ""), t,
                                             fmt_rate(words),
                                             "%.2f" % (mbs / 1e6) if mbs else "-"))

    def rate(name):
        b = by_name.get(name)
        return b.get("items_per_second") if b else None

    print()
    stages = [
        ("segmentation", "BM_Segment/%d"),
        ("entities", "BM_Recognize/%d"),
        ("dates", "BM_TagCorpus/%d"),
        ("quotes", "BM_QuoteFinderCorpus/%d"),
        ("summary", "BM_SummarizeCorpus/%d"),
        ("pipeline (all four)", "BM_Pipeline/%d"),
    ]
    if any(rate(pat % 0) for _, pat in stages):
        print("words/s on the shared texts (one thread):")
        print("  %-22s %12s %12s" % ("stage", "article", "1 MB"))
        for label, pat in stages:
            print("  %-22s %12s %12s" % (label, fmt_rate(rate(pat % 0)), fmt_rate(rate(pat % 1))))
    one = by_name.get("BM_Pipeline/0")
    two = by_name.get("BM_Pipeline/0/real_time/threads:2")
    if one and two and not two.get("error_occurred"):
        unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
        wall1 = 1.0 / (one["real_time"] * unit[one["time_unit"]])
        print("in-process article documents/s per wall-clock second: 1 thread %.0f,"
              " 2 threads %.0f (x%.2f); 1 thread per CPU-second %.0f" %
              (wall1, two["docs/s"], two["docs/s"] / wall1, one["docs/s"]))
    s4k = by_name.get("BM_PipelineScaling/2")
    s4m = by_name.get("BM_PipelineScaling/3")
    if s4k and s4m and rate("BM_PipelineScaling/2") and rate("BM_PipelineScaling/3"):
        ratio = rate("BM_PipelineScaling/2") / rate("BM_PipelineScaling/3")
        print("scaling: time per word 4 MB / 4 KB = %.2f (target <= 1.5)" % ratio)


if __name__ == "__main__":
    main(sys.argv)
