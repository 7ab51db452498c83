// Paired comparison of two variants scored on the same units (documents or
// sentences): is the F1 difference real or resampling noise? Two tests on
// the micro-F1 difference, both from per-unit counts and a seed:
//  - PairedBootstrap: resamples units (the same draw for both variants), a
//    percentile interval of the difference and a shifted-null p-value;
//  - ApproximateRandomization: swaps the two variants' outputs per unit at
//    random (a permutation test), a p-value.
// With several pairs, adjust the p-values with HolmBonferroni.
// Definitions, defaults and references: eval/README.md, "Statistics".
#ifndef IEVAL_STATS_PAIRED_H_
#define IEVAL_STATS_PAIRED_H_

#include <cstdint>
#include <span>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/score/counts.h"
#include "ieval/stats/bootstrap.h"

namespace ieval {

// Differences are always B minus A: positive when B (the candidate) has the
// higher F1 than A (the baseline).
struct PairedResult {
  double f1_a = 0;  // micro F1 of A on all units
  double f1_b = 0;
  // estimate = f1_b - f1_a; lower/upper: percentile interval of the
  // resampled differences; std_error: their standard deviation.
  Interval difference;
  // Two-sided, shifted null (Berg-Kirkpatrick et al. 2012; Efron &
  // Tibshirani 1993, 16.4): the share of resamples whose difference lies
  // at least |d| from the observed d, i.e. |d* - d| >= |d|, with the Monte
  // Carlo (count + 1) / (resamples + 1) correction (Davison & Hinkley 1997,
  // eq. 4.11). 1 when d = 0; never below 1 / (resamples + 1).
  double p_value = 1;
  // Share of resamples where B beats A (d* > 0): Koehn's (2004) "B is better
  // in x % of resamples". A description, not a p-value.
  double share_b_better = 0;
  int64_t units = 0;
  int resamples = 0;
  double confidence = 0;
};

// Paired bootstrap of F1(B) - F1(A); a[i] and b[i] are the counts of the two
// variants on the same unit i. Uses options.resamples, confidence, seed.
// Errors: as BootstrapPrf, and kInvalidInput when a and b differ in length.
Result<PairedResult> PairedBootstrap(std::span<const PrfCounts> a,
                                     std::span<const PrfCounts> b,
                                     const BootstrapOptions& options = {});

struct RandomizationResult {
  double f1_a = 0;
  double f1_b = 0;
  double difference = 0;  // f1_b - f1_a
  // Two-sided: (count + 1) / (trials + 1), count = trials where the swapped
  // difference is at least as large in absolute value as the observed one
  // (Noreen 1989; the +1 counts the observed assignment, so the test is
  // valid at every number of trials and p is never 0). 1 when d = 0.
  double p_value = 1;
  int64_t units = 0;
  int trials = 0;
};

// Approximate randomization (stratified shuffling, as sigf / Yeh 2000):
// each trial swaps a[i] and b[i] independently with probability 1/2 and
// recomputes the difference. Uses options.resamples as the number of
// trials and options.seed; options.confidence is not used.
// Errors: as PairedBootstrap.
Result<RandomizationResult> ApproximateRandomization(
    std::span<const PrfCounts> a, std::span<const PrfCounts> b,
    const BootstrapOptions& options = {});

// Holm's (1979) step-down adjustment of m p-values for multiple
// comparisons: sort ascending, adjusted p_(i) = max over j <= i of
// min(1, (m - j + 1) p_(j)), returned in the input order. Controls the
// family-wise error rate; reject where adjusted p <= alpha. Never smaller
// than the raw p-value, and monotone in it.
// REQUIRES: every p in [0, 1] (NaN is returned as NaN and ignored for the
// others).
std::vector<double> HolmBonferroni(std::span<const double> p_values);

}  // namespace ieval

#endif  // IEVAL_STATS_PAIRED_H_
