// `ieval bench`: the speed of extractor variants as Google Benchmarks, with
// the same measurements `ieval run` reports (ieval/run/timing.h), so that
// `compare.py` and `ieval gate` read the output as they read bench/'s.
//
// Each variant is one benchmark family, "extract/<variant>", registered
// with benchmark::RegisterBenchmark and run on its own:
//   start-up   creating the extractor (a plug-in is loaded), then its first
//              document (an external program starts on it), timed apart
//              and reported as counters, never in the timed iterations;
//   warm-up    `warmup` untimed passes over the documents;
//   iterations one document each (`jobs` documents at once with jobs > 1),
//              round the corpus, timed on the wall clock (real_time: an
//              external extractor works in another process); cpu_time is
//              ieval's whole process (every thread);
//   repetitions Google Benchmark's, with mean, median, stddev and cv.
// Counters: documents_per_second, tokens_per_second (ICU words and
// punctuation), bytes_per_second; latency_p50_ms … latency_max_ms per
// document; cpu_per_wall (ieval's and its children's CPU over wall time);
// x_icu_words, the wall time per byte over that of ICU word segmentation
// of the same documents measured in the same call; startup_ms; peak_rss_mb
// of ieval; with child processes, children_cpu_ms per iteration and
// children_peak_rss_mb. The baseline family "baseline/icu_words" runs
// first, over the same documents.
//
// Google Benchmark keeps its registry and flags in globals: one
// RunBenchmarks at a time in a process.
#ifndef IEVAL_BENCH_BENCH_RUNNER_H_
#define IEVAL_BENCH_BENCH_RUNNER_H_

#include <string>
#include <utility>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/run/runner.h"

namespace ieval {

struct BenchOptions {
  // Repetitions of every benchmark. Default 9: what `ieval gate` needs to
  // judge a slowdown.
  int repetitions = 9;
  // Seconds each repetition runs at least (Google Benchmark's min_time).
  double min_time = 0.05;
  // Seconds a variant's warm-up and repetitions may take, all sizes
  // together: a variant so slow that they would take longer gets fewer
  // repetitions (at least one), and its warm-up stops once start-up and
  // warm-up have taken a quarter of it (after one document at least, none
  // when start-up alone took all of it); the table says so.
  double max_time = 5;
  // Untimed passes over the documents before each size is timed.
  int warmup = 1;
  // Documents extracted at once (threads); an iteration is that many.
  int jobs = 1;
  // Length factors of a scaling curve (1, 10, 100): the documents are
  // made that many times as long (bench_corpus.h) and the complexity is
  // fitted. Empty: the documents as given.
  std::vector<int> sizes;
  // A variant whose requirement is missing (kUnavailable) is left out with
  // a note; otherwise RunBenchmarks fails with its error.
  bool skip_unavailable = false;
  // Google Benchmark's lines on stderr as each benchmark finishes.
  bool progress = true;
  // The JSON context's "executable".
  std::string executable = "ieval bench";
  // More context entries (the corpus, the variants file, ieval's version).
  std::vector<std::pair<std::string, std::string>> context;
};

struct BenchOutcome {
  // Google Benchmark JSON: every repetition of every benchmark and the
  // aggregates (mean, median, stddev, cv; BigO and RMS with sizes).
  std::string json;
  // The terminal table (medians over the repetitions) and its notes.
  std::string table;
  // Variants whose extractor failed on a document, each naming it. Their
  // benchmarks are in the JSON with "error_occurred", so `ieval gate`
  // fails them; the other variants ran.
  std::vector<Status> failures;
};

// Creates every variant (all before any runs), then benchmarks the
// baseline and each variant in turn. Errors, before anything runs: kUsage
// for options out of range or no documents; a variant's creation error
// (kUnavailable unless skip_unavailable, kUsage for bad options…).
Result<BenchOutcome> RunBenchmarks(const std::vector<Document>& documents,
                                   const std::vector<VariantToRun>& variants,
                                   const BenchOptions& options);

}  // namespace ieval

#endif  // IEVAL_BENCH_BENCH_RUNNER_H_
