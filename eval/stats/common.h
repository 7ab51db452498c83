// Pieces shared by bootstrap.cc and paired.cc: checking inputs and options,
// laying counts out as rows for the resampling engine, and turning a
// vector of resampled values into an Interval. Internal to ieval::stats.
#ifndef IEVAL_EVAL_STATS_COMMON_H_
#define IEVAL_EVAL_STATS_COMMON_H_

#include <span>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/score/counts.h"
#include "ieval/stats/bootstrap.h"

namespace ieval::stats_internal {

// kUsage when resamples < 1 or confidence is not strictly between 0 and 1.
Status CheckOptions(const BootstrapOptions& options);

// kUsage when there are no units or 2^31 or more; kInvalidInput when a
// count is negative, NaN or infinite. `what` names the units in messages
// ("variant A").
Status CheckUnits(std::span<const PrfCounts> units, std::string_view what);

// Appends tp, fp, fn of each unit to `rows`.
void AppendRows(std::span<const PrfCounts> units, std::vector<double>& rows);
// Row-major rows of 6: tp, fp, fn of a[i], then of b[i].
std::vector<double> PairRows(std::span<const PrfCounts> a,
                             std::span<const PrfCounts> b);

// Sorts `values` and returns their percentile interval around `estimate`.
Interval Summarize(double estimate, std::vector<double>& values,
                   double confidence);

}  // namespace ieval::stats_internal

#endif  // IEVAL_EVAL_STATS_COMMON_H_
