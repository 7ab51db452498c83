#!/usr/bin/env python3
"""Whole-process measurements for scripts/bench, the targets Google
Benchmark cannot see from inside one binary:

  * peak RSS of `ieval score` on a JSONL corpus and on one 10x larger
    (documents are streamed: it should grow by at most 20 %);
  * `ieval conlleval` and `ieval score --conll` on a 1,000,000-token CoNLL
    file against a line scan of the same file (`wc -l`), and their peak RSS
    on that file and on a file 20x larger (streamed: independent of size);
  * optionally conlleval.pl on the same file (--conlleval-pl), whose output
    must be identical;
  * `ieval score --jobs 1` against `--jobs 2` and `ieval run --jobs 1`
    against `--jobs 2` (rules variant; report.json compared without its
    timings, predictions byte for byte), in alternating pairs, with the
    ceiling this machine sets: two `--jobs 1` processes at once against
    one alone.

Peak RSS comes from GNU time (/usr/bin/time -f %M) when it is installed:
a child forked from this Python process would otherwise inherit the
interpreter's resident size in its ru_maxrss (Linux keeps the high-water
mark across exec), so wait4()'s figure is only an upper bound. Outputs are
compared by SHA-256, never held, to keep this process small. Wall times are
the best of --repetitions runs (the least disturbed by the other processes
of a shared machine). Writes one JSON object to --out.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time


GNU_TIME = "/usr/bin/time"


def has_gnu_time():
    try:
        out = subprocess.run([GNU_TIME, "--version"], capture_output=True,
                             check=False)
    except OSError:
        return False
    return b"GNU" in out.stdout + out.stderr


USE_GNU_TIME = has_gnu_time()


def run(cmd, stdin_path=None, cwd=None):
    """Runs cmd; returns (wall seconds, peak RSS KiB, user+sys s, SHA-256 of
    stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        full = ([GNU_TIME, "-f", "%M", "-o", rss.name] + cmd
                if USE_GNU_TIME else cmd)
        try:
            start = time.perf_counter()
            child = subprocess.Popen(full, stdin=stdin, stdout=out,
                                     stderr=err, cwd=cwd)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdin_path:
                stdin.close()
        if child.returncode != 0:
            err.seek(0)
            sys.stderr.write(err.read().decode(errors="replace"))
            raise SystemExit(f"process_bench: {' '.join(cmd)} exited "
                             f"{child.returncode}")
        peak = usage.ru_maxrss
        if USE_GNU_TIME:
            peak = int(rss.read().strip().splitlines()[-1])
        out.seek(0)
        digest = hashlib.sha256()
        for block in iter(lambda: out.read(1 << 20), b""):
            digest.update(block)
        return (wall, peak, usage.ru_utime + usage.ru_stime,
                digest.hexdigest())


def best(cmd, repetitions, stdin_path=None, same_output=True):
    """Best wall time of `repetitions` runs, with the first run's output and
    the largest peak RSS seen. With same_output, the runs must print the
    same."""
    walls, rss, cpu, output = [], 0, [], None
    for _ in range(repetitions):
        wall, peak, used, out = run(cmd, stdin_path)
        walls.append(wall)
        cpu.append(used)
        rss = max(rss, peak)
        if output is None:
            output = out
        elif same_output and out != output:
            raise SystemExit(f"process_bench: {' '.join(cmd)} printed "
                             "different outputs on two runs")
    return {"wall_s": min(walls), "walls_s": walls, "cpu_s": min(cpu),
            "peak_rss_kib": rss}, output


def paired(cmd1, cmd2, pairs, outputs=None):
    """Runs cmd1 and cmd2 alternately, `pairs` times each, and returns both
    results with the speed-up: the median of the pairs' ratios (each pair
    ran within a second or two, so a drift of a shared machine's speed
    between pairs cancels out; bench/README.md, "Measuring on a shared
    machine") and the ratio of
    the two best times. `outputs(n)` (n = 1, 2), when given, is called
    after each run to fingerprint what it wrote; the first run's is kept.
    """
    results = [{"walls_s": [], "cpus_s": [], "peak_rss_kib": 0},
               {"walls_s": [], "cpus_s": [], "peak_rss_kib": 0}]
    printed = [None, None]
    for _ in range(pairs):
        for k, cmd in enumerate((cmd1, cmd2)):
            wall, peak, used, out = run(cmd)
            r = results[k]
            r["walls_s"].append(wall)
            r["cpus_s"].append(used)
            r["peak_rss_kib"] = max(r["peak_rss_kib"], peak)
            if printed[k] is None:
                printed[k] = outputs(k + 1) if outputs else out
    for r in results:
        r["wall_s"] = min(r["walls_s"])
        r["cpu_s"] = sorted(r["cpus_s"])[len(r["cpus_s"]) // 2]
    ratios = sorted(a / b for a, b in zip(results[0]["walls_s"],
                                          results[1]["walls_s"]))
    summary = {"jobs1": results[0], "jobs2": results[1], "pairs": pairs,
               "speedup": ratios[len(ratios) // 2],
               "speedup_range": [ratios[0], ratios[-1]],
               "speedup_of_best": results[0]["wall_s"] / results[1]["wall_s"],
               # > 1: the second thread costs CPU of its own (malloc, page
               # faults, waiting), which caps the speed-up below 2.
               "cpu_ratio": results[1]["cpu_s"] / results[0]["cpu_s"]}
    return summary, printed


def ceiling(cmd_a, cmd_b, pairs):
    """What two cores give this workload on this machine: `cmd_a` alone,
    then `cmd_a` and `cmd_b` (the same work, different outputs) as two
    processes at once, `pairs` times. Two processes share nothing but the
    machine (caches, memory bandwidth, the host's other tenants), so
    2 x alone / together is the most any --jobs 2 could reach; the
    median is returned with its range."""
    ratios = []
    for _ in range(pairs):
        alone = run(cmd_a)[0]
        start = time.perf_counter()
        children = [subprocess.Popen(c, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
                    for c in (cmd_a, cmd_b)]
        if any(c.wait() != 0 for c in children):
            raise SystemExit(f"process_bench: {' '.join(cmd_a)} failed "
                             "when run twice at once")
        together = time.perf_counter() - start
        ratios.append(2 * alone / together)
    ratios.sort()
    return {"speedup": ratios[len(ratios) // 2],
            "speedup_range": [ratios[0], ratios[-1]]}


def strip_timings(value):
    """report.json without what differs from run to run."""
    volatile = ("throughput", "started_at", "total_seconds", "jobs")
    if isinstance(value, dict):
        return {k: strip_timings(v) for k, v in value.items()
                if k not in volatile}
    if isinstance(value, list):
        return [strip_timings(v) for v in value]
    return value


def run_outputs(folder):
    """What `ieval run` wrote that must not depend on --jobs."""
    with open(os.path.join(folder, "report.json")) as f:
        report = strip_timings(json.load(f))
    predictions = {}
    pred_dir = os.path.join(folder, "predictions")
    for name in sorted(os.listdir(pred_dir)):
        with open(os.path.join(pred_dir, name), "rb") as f:
            predictions[name] = hashlib.sha256(f.read()).hexdigest()
    return report, predictions


def corpus(make_corpus, shared, folder, args):
    """Makes a synthetic corpus unless it is there and newer than the tool."""
    stamp = os.path.join(folder, "tokens.conll")
    if (os.path.exists(stamp) and
            os.path.getmtime(stamp) > os.path.getmtime(make_corpus)):
        return folder
    os.makedirs(folder, exist_ok=True)
    subprocess.run([make_corpus, "--out", folder, "--shared", shared] + args,
                   check=True, stdout=subprocess.DEVNULL)
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ieval", required=True)
    parser.add_argument("--make-corpus", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--work", required=True,
                        help="folder for the generated corpora (cached)")
    parser.add_argument("--docs", type=int, default=5000,
                        help="documents of the small corpus (the large one "
                             "has 10x as many)")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=9,
                        help="alternating --jobs 1 / --jobs 2 pairs (and "
                             "two-process runs) for the --jobs rows; their "
                             "median ratio is reported (default 9: a "
                             "shared VM's speed drifts within a minute)")
    parser.add_argument("--conlleval-pl", default="",
                        help="conlleval.pl to compare with (optional)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    r = args.repetitions
    ieval = args.ieval
    result = {"repetitions": r,
              "peak_rss_from": "GNU time" if USE_GNU_TIME else
              "wait4 ru_maxrss (upper bound: includes this interpreter)"}

    small = corpus(args.make_corpus, args.shared,
                   os.path.join(args.work, f"docs{args.docs}"),
                   ["--docs", str(args.docs)])
    large = corpus(args.make_corpus, args.shared,
                   os.path.join(args.work, f"docs{10 * args.docs}"),
                   ["--docs", str(10 * args.docs)])
    tokens = corpus(args.make_corpus, args.shared,
                    os.path.join(args.work, "tokens1000000"),
                    ["--tokens", "1000000"])

    def score(folder, *extra):
        return [ieval, "score", "--gold", os.path.join(folder, "gold.jsonl"),
                "--pred", os.path.join(folder, "pred.jsonl")] + list(extra)

    # Peak RSS of ieval score, 1x and 10x.
    memory = {}
    for name, folder in (("small", small), ("large", large)):
        size = os.path.getsize(os.path.join(folder, "gold.jsonl")) + \
            os.path.getsize(os.path.join(folder, "pred.jsonl"))
        text, _ = best(score(folder), 1)
        as_json, _ = best(score(folder, "--json"), 1)
        memory[name] = {"input_bytes": size,
                        "peak_rss_kib": text["peak_rss_kib"],
                        "wall_s": text["wall_s"],
                        "json_peak_rss_kib": as_json["peak_rss_kib"]}
    memory["growth"] = (memory["large"]["peak_rss_kib"] /
                        memory["small"]["peak_rss_kib"])
    memory["json_growth"] = (memory["large"]["json_peak_rss_kib"] /
                             memory["small"]["json_peak_rss_kib"])
    result["score_memory"] = memory

    # --jobs 1 against --jobs 2 on the large corpus (the table: --json's
    # serialisation of every document is single-threaded), in alternating
    # pairs; outputs compared with and without --json (on the small corpus
    # for --json).
    pairs = max(r, args.pairs)
    jobs, outputs = paired(score(large, "--jobs", "1"),
                           score(large, "--jobs", "2"), pairs)
    jobs["docs"] = 10 * args.docs
    jobs["two_processes"] = ceiling(score(large, "--jobs", "1"),
                                    score(large, "--jobs", "1"), pairs)
    json_out = [best(score(small, "--json", "--jobs", str(n)), 1)[1]
                for n in (1, 2)]
    jobs["identical_output"] = (outputs[0] == outputs[1] and
                                json_out[0] == json_out[1])
    jobs["cores"] = os.cpu_count()
    result["score_jobs"] = jobs

    # ieval run --jobs 1 against --jobs 2 (the rules variant over the small
    # corpus's gold), report.json without timings and predictions compared
    # (its table on stdout shows documents/s, so differs run to run).
    def run_cmd(n):
        return [ieval, "run", "--gold", os.path.join(small, "gold.jsonl"),
                "--variants", "rules", "--jobs", str(n), "--resamples", "100",
                "--out", os.path.join(args.work, f"run-jobs{n}"), "--quiet"]

    run_jobs, reports = paired(
        run_cmd(1), run_cmd(2), pairs,
        lambda n: run_outputs(os.path.join(args.work, f"run-jobs{n}")))
    run_jobs.update({"docs": args.docs, "variant": "rules"})
    twin = run_cmd(1)
    twin[twin.index("--out") + 1] += "-twin"
    run_jobs["two_processes"] = ceiling(run_cmd(1), twin, pairs)
    run_jobs["identical_output"] = reports[0] == reports[1]
    result["run_jobs"] = run_jobs

    # CoNLL: 1M tokens against a line scan; memory at 1M and ~20x.
    conll = os.path.join(tokens, "tokens.conll")
    big_conll = os.path.join(large, "tokens.conll")
    seq = {"file_bytes": os.path.getsize(conll),
           "tokens": sum(1 for line in open(conll, "rb") if line.strip())}
    seq["line_scan"], _ = best(["wc", "-l"], r, conll)
    seq["startup"], _ = best([ieval, "--version"], r)
    seq["conlleval"], conlleval_out = best([ieval, "conlleval"], r, conll)
    seq["score_conll"], _ = best([ieval, "score", "--conll", conll], r)
    seq["score_conll_seqeval"], _ = best(
        [ieval, "score", "--conll", conll, "--mode", "seqeval"], r)
    big, _ = best([ieval, "conlleval"], 1, big_conll)
    seq["large_file_bytes"] = os.path.getsize(big_conll)
    seq["large_conlleval_peak_rss_kib"] = big["peak_rss_kib"]
    for key in ("conlleval", "score_conll", "score_conll_seqeval"):
        seq[key]["x_line_scan"] = seq[key]["wall_s"] / seq["line_scan"]["wall_s"]
        # The same without ieval's start-up (dynamic loading of ICU & co.,
        # `ieval --version`), which wc does not pay.
        seq[key]["x_line_scan_after_startup"] = (
            (seq[key]["wall_s"] - seq["startup"]["wall_s"]) /
            seq["line_scan"]["wall_s"])
    seq["memory_growth"] = (seq["large_conlleval_peak_rss_kib"] /
                            seq["conlleval"]["peak_rss_kib"])
    if args.conlleval_pl:
        perl, perl_out = best(["perl", args.conlleval_pl], 1, conll)
        perl["identical_output"] = perl_out == conlleval_out
        perl["x_ieval"] = perl["wall_s"] / seq["conlleval"]["wall_s"]
        seq["conlleval_pl"] = perl
    result["conll"] = seq

    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
