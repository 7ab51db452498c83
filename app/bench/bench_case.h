// One benchmark instance of `ieval bench` — a variant, or the ICU
// baseline, at one document length — and the function Google Benchmark
// calls for it. Google Benchmark calls it several times (to choose the
// number of iterations, then once per repetition); the case keeps what
// lasts between calls: the warm-up still due, the next document, a
// failure.
#ifndef IEVAL_APP_BENCH_BENCH_CASE_H_
#define IEVAL_APP_BENCH_BENCH_CASE_H_

#include <benchmark/benchmark.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/extractors/extractor.h"
#include "ieval/text/segmenter.h"

namespace ieval::bench_internal {

struct BenchCase {
  // nullptr: the baseline, ICU word segmentation of each document.
  const Extractor* extractor = nullptr;
  std::string label;  // names the variant in failures
  const BenchCorpus* corpus = nullptr;
  ThreadPool* pool = nullptr;  // with more than one thread: `batch` at once
  size_t batch = 1;            // documents per iteration
  // Untimed passes over the documents still due before the first timed
  // call, and the seconds they may take (it stops at the first document
  // past them, after one document at least).
  int warmup_passes = 0;
  double warmup_budget = 0;
  // Creating the extractor plus its first document (counter startup_ms);
  // negative for the baseline.
  double startup_seconds = -1;
  // Once set, every later call reports it (SkipWithError) at once.
  Status failure;
  size_t cursor = 0;  // the next document, round the corpus
  std::unique_ptr<Segmenter> segmenter;
};

// What a warm-up did.
struct WarmUpDone {
  size_t documents = 0;
  size_t due = 0;                   // warmup_passes times the corpus
  double seconds_per_document = 0;  // 0 when none ran
};

// Runs the warm-up still due, within its budget. A failure is kept in the
// case and returned.
Result<WarmUpDone> WarmUp(BenchCase& c);

// The benchmark function: iterations of `batch` documents, then the
// counters (bench_runner.h lists them).
void RunCase(benchmark::State& state, BenchCase& c);

}  // namespace ieval::bench_internal

#endif  // IEVAL_APP_BENCH_BENCH_CASE_H_
