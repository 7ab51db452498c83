// Bootstrap confidence intervals for precision, recall and F1.
//
// Input is one PrfCounts per resampling unit: per document by default, per
// sentence with `--unit sentence` (the caller passes whatever units it
// wants; sentence-level counts come from the scorer). A resample draws N
// units with replacement from the N given and computes P/R/F1 from the SUM
// of their counts (micro-averaging), never from a mean of per-unit F1s.
// Intervals are percentile intervals. Everything is a pure function of its
// inputs and the seed: no I/O, no global random state. See eval/README.md,
// section "Statistics", for definitions and caveats (five documents give
// wide, coarse intervals).
#ifndef IEVAL_STATS_BOOTSTRAP_H_
#define IEVAL_STATS_BOOTSTRAP_H_

#include <cstdint>
#include <span>

#include "ieval/core/status.h"
#include "ieval/score/counts.h"

namespace ieval {

// Shared by BootstrapPrf, PairedBootstrap and ApproximateRandomization.
struct BootstrapOptions {
  // Number of bootstrap resamples (for ApproximateRandomization: of random
  // swap trials). Default: 1000. REQUIRES: >= 1.
  int resamples = 1000;
  // Coverage of the interval. Default: 0.95. REQUIRES: 0 < confidence < 1.
  double confidence = 0.95;
  // Seed of the std::mt19937_64 engine; equal seeds and inputs give
  // bit-identical results. Default: 5489, the engine's own default seed.
  uint64_t seed = 5489;
};

// One statistic: its value on the data and a percentile interval.
struct Interval {
  double estimate = 0;   // on the full data, not a mean of resamples
  double lower = 0;      // quantile (1 - confidence) / 2 of the resamples
  double upper = 0;      // quantile (1 + confidence) / 2 of the resamples
  double std_error = 0;  // standard deviation of the resamples (ddof = 1)
};

struct ConfidenceInterval {
  Interval precision;
  Interval recall;
  Interval f1;
  int64_t units = 0;  // N, the number of resampled units
  int resamples = 0;
  double confidence = 0;
};

// Percentile bootstrap of micro P/R/F1 over `units`.
// Errors (kUsage): no units, options out of range; (kInvalidInput): a count
// negative or not finite (the message gives the unit's 0-based index).
Result<ConfidenceInterval> BootstrapPrf(std::span<const PrfCounts> units,
                                        const BootstrapOptions& options = {});

// The q-quantile (0 <= q <= 1) of `sorted` (ascending, non-empty) with
// linear interpolation between order statistics, exactly as
// numpy.quantile(v, q) with its default method='linear' (Hyndman & Fan
// type 7): h = (n - 1) q, v[floor h] + (h - floor h) (v[floor h + 1] -
// v[floor h]), computed from the upper neighbour when the fraction is
// >= 0.5 as numpy does.
double QuantileLinear(std::span<const double> sorted, double q);

// How many different resamples N units have: C(2N - 1, N) multisets (126
// for N = 5, 92378 for N = 10), as a double (inf past ~10^308). With few,
// the percentile interval is coarse whatever the number of resamples.
double DistinctBootstrapResamples(int64_t units);

}  // namespace ieval

#endif  // IEVAL_STATS_BOOTSTRAP_H_
