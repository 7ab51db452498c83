#!/usr/bin/env python3
"""Merges the Google Benchmark JSON of every bench/ binary (and the
whole-process measurements of process_bench.py) into one JSON file, and
writes a Markdown summary: per family the median time, throughput and ratio
to its baseline (counter x_baseline), the fitted complexities, and the
speed targets of bench/README.md, met or not.

Usage: bench_summary.py --json-out F --md-out F [--process F] BINARY.json...
"""
import argparse
import json
import os


def load(paths):
    merged = {"context": None, "benchmarks": []}
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        binary = os.path.splitext(os.path.basename(path))[0]
        if merged["context"] is None:
            merged["context"] = data.get("context", {})
        for b in data.get("benchmarks", []):
            b["binary"] = binary
            merged["benchmarks"].append(b)
    return merged


def medians(benchmarks):
    """name -> the median aggregate (or the single run without
    repetitions)."""
    out = {}
    for b in benchmarks:
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                out[b["run_name"]] = b
        elif b.get("run_type") == "iteration" and "repetitions" not in b:
            out.setdefault(b["name"], b)
        elif b.get("run_type") == "iteration":
            out.setdefault(b.get("run_name", b["name"]), b)
    return out


def fits(benchmarks):
    """family -> (BigO entry, RMS entry)."""
    out = {}
    for b in benchmarks:
        name = b.get("aggregate_name")
        if name in ("BigO", "RMS"):
            family = b["run_name"]
            out.setdefault(family, {})[name] = b
    return out


def human_time(b):
    ns = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
    t = b["real_time"] * ns
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if t >= scale:
            return f"{t / scale:.3g} {unit}"
    return f"{t:.3g} ns"


def rate(value, unit):
    for prefix, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"{value / scale:.3g} {prefix}{unit}"
    return f"{value:.3g} {unit}"


def throughput(b):
    parts = []
    if "bytes_per_second" in b:
        parts.append(rate(b["bytes_per_second"], "B/s"))
    if "items_per_second" in b:
        parts.append(rate(b["items_per_second"], "items/s"))
    if "tokens_per_second" in b:
        parts.append(rate(b["tokens_per_second"], "tokens/s"))
    return ", ".join(parts)


def verdict(ok):
    if ok is None:
        return "not measured"
    return "**met**" if ok else "**not met**"


def targets(med, process):
    """Rows (target, measured, verdict)."""
    rows = []

    def ratio_rows(target, limit, benchmarks):
        """A row per (benchmark name, what it measures): `target` formatted
        with both, met when the benchmark's x_baseline is below `limit`."""
        out = []
        for name, what in benchmarks:
            b = med.get(name)
            x = None if b is None else b.get("x_baseline")
            out.append((target.format(name=name, what=what),
                        "n/a" if x is None else f"{x:.2f}x",
                        verdict(None if x is None else x < limit)))
        return out

    rows += ratio_rows(
        "{what}, 1M tokens: < 3x the memchr line scan (in-process, `{name}`)",
        3, (("BM_Conlleval/tokens:1000000", "ieval conlleval path"),
            ("BM_ScoreConll_Conlleval/tokens:1000000",
             "ieval score --conll path")))
    conll = (process or {}).get("conll")
    if conll:
        for key, what in (("conlleval", "ieval conlleval < file"),
                          ("score_conll", "ieval score --conll file")):
            x = conll[key]["x_line_scan"]
            rows.append((f"{what}, 1M tokens ({conll['file_bytes'] / 1e6:.1f}"
                         " MB): < 3x `wc -l` on the same file (whole "
                         "process, startup included)",
                         f"{x:.2f}x ({conll[key]['wall_s'] * 1e3:.0f} ms vs "
                         f"{conll['line_scan']['wall_s'] * 1e3:.0f} ms; "
                         f"{conll[key].get('x_line_scan_after_startup', 0):.2f}x "
                         f"without ieval's start-up of "
                         f"{conll['startup']['wall_s'] * 1e3:.0f} ms)",
                         verdict(x < 3)))
        ms = conll["conlleval"]["wall_s"] * 1e3
        rows.append(("ieval conlleval, 1M tokens: two orders of magnitude "
                     "faster than conlleval.pl (~3 s): < 30 ms",
                     f"{ms:.0f} ms" + (
                         f" (conlleval.pl here: "
                         f"{conll['conlleval_pl']['wall_s']:.2f} s, output "
                         f"{'identical' if conll['conlleval_pl']['identical_output'] else 'DIFFERENT'})"
                         if "conlleval_pl" in conll else ""),
                     verdict(ms < 30)))
        g = conll["memory_growth"]
        rows.append((f"ieval conlleval peak RSS independent of file size "
                     f"({conll['file_bytes'] / 1e6:.0f} MB vs "
                     f"{conll['large_file_bytes'] / 1e6:.0f} MB)",
                     f"{conll['conlleval']['peak_rss_kib'] / 1024:.1f} MiB vs "
                     f"{conll['large_conlleval_peak_rss_kib'] / 1024:.1f} MiB"
                     f" ({(g - 1) * 100:+.1f} %)",
                     verdict(g <= 1.05)))
    rows += ratio_rows(
        "{what}, 1M gold + ~1M predicted mentions: < 5x sorting them "
        "(`{name}`)",
        5, (("BM_ScoreSpans/mentions:1000000", "span scoring"),
            ("BM_ScoreDocument/mentions:1000000",
             "span scoring with every other family of `ieval score` "
             "(relations, values, clusters), one document"),
            ("BM_ScoreCorpus/mentions:1000000",
             "the same, document by document as `ieval score`")))
    memory = (process or {}).get("score_memory")
    if memory:
        s, l = memory["small"], memory["large"]
        rows.append((f"ieval score peak RSS, corpus 10x larger "
                     f"({(s['input_bytes']) / 1e6:.0f} MB -> "
                     f"{l['input_bytes'] / 1e6:.0f} MB JSONL): grows <= 20 %",
                     f"{s['peak_rss_kib'] / 1024:.1f} -> "
                     f"{l['peak_rss_kib'] / 1024:.1f} MiB "
                     f"({(memory['growth'] - 1) * 100:+.1f} %; RSS from "
                     f"{process.get('peak_rss_from', 'wait4')})",
                     verdict(memory["growth"] <= 1.2)))
    rows += ratio_rows(
        "{what} extractor: < 3x ICU word segmentation of the same text "
        "(`{name}`)",
        3, [(f"BM_Extract/{extractor}/docs:1000", extractor)
            for extractor in ("rules", "gazetteer")])
    tagger = med.get("BM_Extract/tagger/docs:1000")
    rows.append(("tagger: >= 200,000 tokens/s on one core",
                 "n/a" if tagger is None else
                 rate(tagger["tokens_per_second"], "tokens/s"),
                 verdict(None if tagger is None else
                         tagger["tokens_per_second"] >= 2e5)))
    jobs = (process or {}).get("score_jobs")
    if jobs:
        rows.append((f"ieval score --jobs 2: >= 1.8x --jobs 1, "
                     f"identical output ({jobs.get('docs', '?')} documents, "
                     f"{jobs['cores']} cores)",
                     jobs_figure(jobs),
                     verdict(jobs["speedup"] >= 1.8 and
                             jobs["identical_output"])))
    run_jobs = (process or {}).get("run_jobs")
    rows.append(("ieval run --jobs 2: >= 1.8x --jobs 1, identical output"
                 + ("" if not run_jobs else
                    f" (variant {run_jobs['variant']}, "
                    f"{run_jobs['docs']} documents)"),
                 "n/a" if not run_jobs else jobs_figure(run_jobs),
                 verdict(None if not run_jobs else
                         run_jobs["speedup"] >= 1.8 and
                         run_jobs["identical_output"])))
    return rows


def jobs_figure(jobs):
    """A --jobs 2 speed-up as measured by process_bench.py's paired()."""
    text = f"{jobs['speedup']:.2f}x"
    if "speedup_range" in jobs:  # older JSON: best of each, no pairs
        low, high = jobs["speedup_range"]
        text += (f" (median of {jobs['pairs']} alternating pairs, "
                 f"{low:.2f}-{high:.2f}; CPU x{jobs['cpu_ratio']:.2f})")
    if "two_processes" in jobs:
        text += (f"; two --jobs 1 processes at once: "
                 f"{jobs['two_processes']['speedup']:.2f}x")
    same = "identical" if jobs["identical_output"] else "DIFFERENT"
    return f"{text}, output {same}"


def markdown(merged, process, title):
    med = medians(merged["benchmarks"])
    lines = [f"# {title}", ""]
    ctx = merged.get("context") or {}
    lines.append(f"{ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} "
                 f"CPUs at {ctx.get('mhz_per_cpu', '?')} MHz, load average "
                 f"{', '.join(f'{x:.1f}' for x in ctx.get('load_avg', []))}; "
                 f"{ctx.get('library_build_type', '')} Google Benchmark. "
                 "Times are medians of the repetitions; `x baseline` is the "
                 "median of each run's min(iteration) / min(baseline) "
                 "measured in the same process (see bench/README.md).")
    lines += ["", "## Targets", "", "| target | measured | |",
              "|---|---|---|"]
    for target, measured, ok in targets(med, process):
        lines.append(f"| {target} | {measured} | {ok} |")
    binaries = []
    for b in merged["benchmarks"]:
        if b["binary"] not in binaries:
            binaries.append(b["binary"])
    all_fits = fits(merged["benchmarks"])
    for binary in binaries:
        lines += ["", f"## {binary}", "",
                  "| benchmark | time | throughput | x baseline |",
                  "|---|---|---|---|"]
        for name, b in med.items():
            if b["binary"] != binary:
                continue
            x = b.get("x_baseline")
            lines.append(f"| `{name}` | {human_time(b)} | {throughput(b)} | "
                         f"{'' if x is None else f'{x:.2f}'} |")
        family_fits = [(f, v) for f, v in all_fits.items()
                       if v.get("BigO", {}).get("binary") == binary]
        if family_fits:
            lines += ["", "| family | fitted complexity | RMS |",
                      "|---|---|---|"]
            for family, v in family_fits:
                big_o = v.get("BigO", {})
                rms = v.get("RMS", {})
                lines.append(
                    f"| `{family}` | {big_o.get('real_coefficient', 0):.3g} "
                    f"{big_o.get('time_unit', '')} x {big_o.get('big_o', '?')}"
                    f" | {rms.get('rms', 0) * 100:.0f} % |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json-out", required=True)
    parser.add_argument("--md-out", required=True)
    parser.add_argument("--process", default="")
    parser.add_argument("--title", default="ieval benchmarks")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    merged = load(args.inputs)
    process = None
    if args.process and os.path.exists(args.process):
        with open(args.process) as f:
            process = json.load(f)
        merged["process"] = process
    with open(args.json_out, "w") as f:
        json.dump(merged, f, indent=1)
        f.write("\n")
    with open(args.md_out, "w") as f:
        f.write(markdown(merged, process, args.title))


if __name__ == "__main__":
    main()
