// Comparing repeated runs of a non-deterministic extractor (`ieval run
// --repeats K`): is the current runs' mean further from the baseline's
// mean than the baseline's own run-to-run spread allows?
//
// Under the null hypothesis the current runs are more draws of the
// baseline's distribution: a run's corpus F1 (a ratio of sums over many
// mentions) is close to normal, with a variance the baseline's K_b repeats
// estimate as s_b². The difference of the means, d = mean_c - mean_b, then
// has variance s_b² (1/K_b + 1/K_c), and t = d / (s_b sqrt(1/K_b + 1/K_c))
// follows Student's t with K_b - 1 degrees of freedom: the two-sample t
// test with the variance of the baseline alone (with K_c = 1, the
// prediction interval of one new run). The spread is the baseline's so a
// candidate that becomes noisier does not widen its own allowance.
#ifndef IEVAL_STATS_REPEATS_H_
#define IEVAL_STATS_REPEATS_H_

#include <span>

#include "ieval/core/status.h"

namespace ieval {

struct RepeatComparison {
  int baseline_repeats = 0;
  int current_repeats = 0;
  double baseline_mean = 0;
  double current_mean = 0;
  double baseline_stddev = 0;  // sample standard deviation (n - 1)
  double difference = 0;       // current_mean - baseline_mean
  double t = 0;                // difference / its standard error
  int degrees_of_freedom = 0;  // baseline_repeats - 1
  // Two-sided. With a baseline whose repeats agree exactly (s_b = 0, a
  // deterministic extractor), any difference is beyond its noise: p = 0,
  // and 1 for no difference.
  double p_value = 1;
  double lower = 0;  // interval of the difference at `confidence`
  double upper = 0;
};

// kUsage with fewer than 2 baseline values, no current value, or a
// confidence outside (0, 1).
Result<RepeatComparison> CompareWithRepeats(std::span<const double> baseline,
                                            std::span<const double> current,
                                            double confidence);

}  // namespace ieval

#endif  // IEVAL_STATS_REPEATS_H_
