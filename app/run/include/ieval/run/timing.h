// Timing an extractor document by document: what `ieval run` reports of
// each variant's speed and what `ieval bench` repeats under Google
// Benchmark, so the two say the same. A document is extracted as every
// command does (RunExtractor: the output checked, an exception a failure)
// and timed with steady_clock around that call alone.
#ifndef IEVAL_RUN_TIMING_H_
#define IEVAL_RUN_TIMING_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/core/types.h"
#include "ieval/extractors/extractor.h"
#include "ieval/results/run_result.h"

namespace ieval {

// RunExtractor (ieval/extractors/run.h), with an exception thrown by a C++
// back end turned into a failure naming the label and the document.
Result<Annotations> ExtractChecked(const Extractor& extractor,
                                   const Document& doc,
                                   const std::string& label);

// Seconds of steady_clock from `start`.
double SecondsSince(int64_t start_ns);
// steady_clock now, in nanoseconds.
int64_t SteadyNowNs();

// One pass of an extractor over documents.
struct TimedPass {
  double wall_seconds = 0;
  // This process (every thread) and its child processes, live or reaped
  // (resources.h).
  double cpu_seconds = 0;
  std::vector<double> latency_seconds;  // per document, in document order
};

// Extracts every document once on the pool's threads, timing each; the
// predictions are dropped. On failures, returns the error of the first
// failing document in document order.
Result<TimedPass> TimePass(const Extractor& extractor,
                           std::span<const Document> docs,
                           const std::string& label, ThreadPool& pool);

// ICU words and punctuation of each text (ieval/text/segmenter.h: the
// tokens of tokens/s), counted on the pool's threads. kInternal when ICU
// cannot build its iterators.
Result<std::vector<int64_t>> CountTokens(
    const std::vector<std::string_view>& texts, ThreadPool& pool);

// p50, p95, p99 (interpolated, ieval/stats/summary.h) and the maximum.
LatencyPercentiles PercentilesOf(std::vector<double> seconds);

}  // namespace ieval

#endif  // IEVAL_RUN_TIMING_H_
