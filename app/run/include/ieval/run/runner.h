// Running variants over the gold: each variant's extractor over every
// document (--jobs threads), its throughput measured (resources.h,
// timing.h), its predictions scored, then the statistics of the run (bootstrap
// intervals, paired comparisons). A variant that fails — its extractor cannot
// be created, returns an error or invalid output for a document, or throws — is
// recorded as failed with the error and the run goes on; one whose requirement
// is missing (kUnavailable) is recorded as skipped.
//
// The runner knows nothing of files: the caller loads the gold and makes
// the list of variants (app/cli/run_command.cc from the run config and the
// variants file; tests from fakes), and writes the reports.
#ifndef IEVAL_RUN_RUNNER_H_
#define IEVAL_RUN_RUNNER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/core/types.h"
#include "ieval/extractors/extractor.h"
#include "ieval/ground/grounding.h"
#include "ieval/results/run_result.h"

namespace ieval {

struct VariantToRun {
  std::string name;
  std::string extractor;  // the registered extractor's name
  std::string description;
  std::map<std::string, std::string> options;
  // Creates the extractor (called once, timed as setup).
  std::function<Result<std::unique_ptr<Extractor>>()> create;
};

// Creates a variant's extractor for repeat r (1 … K-1) of
// RunnerOptions::repeats, e.g. with its seed option offset by r, and names
// the option it offset in `*offset` (left empty when none), which the
// report records.
using RepeatFactory = std::function<Result<std::unique_ptr<Extractor>>(
    const VariantToRun& variant, int repeat, std::string* offset)>;

struct RunProgress {
  std::string variant;
  int variant_index = 0;  // 0-based
  int variants = 0;
  int64_t done = 0;  // documents extracted so far
  int64_t total = 0;
  double seconds = 0;  // since the variant's extraction started
};

struct RunnerOptions {
  ScoreOptions score;  // symmetric_relations from the label set
  // How predictions an extractor gives by their text alone are grounded
  // in the gold text before they are scored (VariantResult::grounding).
  GroundOptions ground;
  StatisticsSettings statistics;
  // Called after each document (from worker threads, one at a time).
  std::function<void(const RunProgress&)> progress;
  // When it becomes true, no new document is started and Run returns as
  // soon as the running ones finish (with `interrupted` set).
  const std::atomic<bool>* interrupt = nullptr;
  // Timed passes of each variant over the gold (Throughput's repetitions):
  // 1, the scored pass alone; N > 1, N more passes after it, whose
  // predictions are dropped (a failure in one fails the variant).
  int bench_repetitions = 1;
  // Extractions of each variant (`ieval run --repeats K`): repeat 0 is
  // timed, scored and tested as a run without repeats; repeats 1 … K-1 each
  // create the extractor afresh, extract every document and keep only
  // their scores (VariantResult::repeat_scores). A failure in one fails the
  // variant.
  int repeats = 1;
  // Unset: each repeat is created by the variant's `create`.
  RepeatFactory create_repeat;
};

// `run` comes back with gold, variants, comparisons and notes filled in
// (settings such as paths and versions are the caller's); documents are
// extracted and scored on the pool's threads (run.jobs is their number).
// Errors: kUsage for bad statistics settings. When interrupted, the result
// is incomplete and `*interrupted` is set.
Result<RunResult> RunVariants(std::vector<AnnotatedDocument> gold,
                              const std::vector<VariantToRun>& variants,
                              const RunnerOptions& options, ThreadPool& pool,
                              bool* interrupted);

}  // namespace ieval

#endif  // IEVAL_RUN_RUNNER_H_
