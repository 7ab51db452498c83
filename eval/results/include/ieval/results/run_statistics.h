// The statistics of a run: bootstrap intervals of each variant's metrics
// and paired comparisons of the variants on the primary metric (paired
// bootstrap and approximate randomization on the F1 difference, Holm-
// Bonferroni over the pairs). Deterministic for a seed: every interval and
// test draws from the run's seed, so two runs of the same predictions give
// the same numbers.
#ifndef IEVAL_RESULTS_RUN_STATISTICS_H_
#define IEVAL_RESULTS_RUN_STATISTICS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/results/run_result.h"

namespace ieval {

// Fills `intervals` of every variant with status kOk, `comparisons` (every
// pair of ok variants, in variant order, B minus A) and adds notes about
// the number of units (few documents give wide, coarse intervals; the
// report says so). kUsage for an unknown metric name or bad settings.
Status ComputeRunStatistics(RunResult& run, ThreadPool& pool);

// The caveat printed with intervals over `units` units ("document" or
// "sentence"); empty when there are enough of them (>= 30).
std::string FewUnitsNote(int64_t units, const std::string& unit);

}  // namespace ieval

#endif  // IEVAL_RESULTS_RUN_STATISTICS_H_
