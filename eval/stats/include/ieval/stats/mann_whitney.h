// The Mann-Whitney U test (Wilcoxon rank-sum) for two independent samples,
// used by `ieval gate` on benchmark repetitions exactly as Google
// Benchmark's tools/gbench/report.py uses scipy.stats.mannwhitneyu(x, y,
// alternative='two-sided'). It reproduces scipy's defaults (checked against
// scipy 1.10 fixtures, tests/eval/stats/fixtures/mann_whitney.json):
//  - statistic: U of x = R_x - n_x (n_x + 1) / 2 with average ranks for ties
//    (= pairs with x > y, plus half the tied pairs);
//  - method 'auto': exact when one sample has at most 8 values and there are
//    no ties, else the normal approximation. With >= 9 repetitions on each
//    side, as the gate requires, it is always the normal approximation;
//  - exact: p = 2 P(U >= max(U_x, U_y)) under H0 (all C(n_x + n_y, n_x)
//    rank orders equally likely), capped at 1;
//  - normal approximation: z = (max(U_x, U_y) - n_x n_y / 2 - 0.5) / s with
//    the continuity correction 0.5 and the tie-corrected
//    s^2 = n_x n_y / 12 ((n + 1) - sum(t^3 - t) / (n (n - 1))), t the sizes
//    of the groups of tied values; p = 2 (1 - Phi(z)), capped at 1.
#ifndef IEVAL_STATS_MANN_WHITNEY_H_
#define IEVAL_STATS_MANN_WHITNEY_H_

#include <span>

#include "ieval/core/status.h"

namespace ieval {

enum class MannWhitneyMethod {
  kAuto,        // scipy's 'auto' rule, above
  kExact,       // REQUIRES no ties and C(n_x + n_y, n_x) < 1e300
  kAsymptotic,  // normal approximation with tie and continuity correction
};

struct MannWhitneyResult {
  double u = 0;        // U of x (scipy's `statistic`)
  double p_value = 1;  // two-sided
  // Effect size: the probability that a value of x exceeds one of y, ties
  // counting half (the common-language effect size, U / (n_x n_y))...
  double prob_x_greater = 0.5;
  // ...and the rank-biserial correlation 2 prob_x_greater - 1, in [-1, 1]:
  // +1 when every x is above every y, 0 when neither tends to be larger.
  double rank_biserial = 0;
  MannWhitneyMethod method = MannWhitneyMethod::kAsymptotic;  // as used
};

// Two-sided Mann-Whitney U test of x against y.
// Errors (kInvalidInput): an empty sample, a NaN or infinite value; kExact
// requested with ties or samples too large for the exact distribution.
Result<MannWhitneyResult> MannWhitneyU(
    std::span<const double> x, std::span<const double> y,
    MannWhitneyMethod method = MannWhitneyMethod::kAuto);

}  // namespace ieval

#endif  // IEVAL_STATS_MANN_WHITNEY_H_
