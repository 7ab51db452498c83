#include "ieval/stats/paired.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "common.h"
#include "ieval/stats/resample.h"

namespace ieval {
namespace {

// Differences within this of each other count as equal, so that rounding in
// sums of non-integer counts cannot decide a trial (integer and half-integer
// counts sum exactly and never need it).
constexpr double kTolerance = 1e-12;

Status CheckPair(std::span<const PrfCounts> a, std::span<const PrfCounts> b,
                 const BootstrapOptions& options) {
  if (Status s = stats_internal::CheckOptions(options); !s.ok()) return s;
  if (a.size() != b.size()) {
    return Status::InvalidInput(
        "paired comparison needs both variants scored on the same units: "
        "variant A has " +
        std::to_string(a.size()) + ", variant B " + std::to_string(b.size()));
  }
  if (Status s = stats_internal::CheckUnits(a, "variant A"); !s.ok()) return s;
  return stats_internal::CheckUnits(b, "variant B");
}

PrfCounts Total(std::span<const PrfCounts> units) {
  PrfCounts total;
  for (const PrfCounts& c : units) total += c;
  return total;
}

double MonteCarloP(size_t count, size_t trials) {
  return static_cast<double>(count + 1) / static_cast<double>(trials + 1);
}

}  // namespace

Result<PairedResult> PairedBootstrap(std::span<const PrfCounts> a,
                                     std::span<const PrfCounts> b,
                                     const BootstrapOptions& options) {
  if (Status s = CheckPair(a, b, options); !s.ok()) return s;
  const std::vector<double> rows = stats_internal::PairRows(a, b);
  const std::vector<double> sums =
      stats_internal::BootstrapSums(rows, 6, options.resamples, options.seed);

  PairedResult out;
  out.f1_a = F1(Total(a));
  out.f1_b = F1(Total(b));
  const double d = out.f1_b - out.f1_a;
  const auto r_count = static_cast<size_t>(options.resamples);
  std::vector<double> diffs(r_count);
  size_t at_least_as_far = 0;
  size_t b_better = 0;
  for (size_t r = 0; r < r_count; ++r) {
    const double* s = &sums[6 * r];
    const double d_star =
        F1(PrfCounts{s[3], s[4], s[5]}) - F1(PrfCounts{s[0], s[1], s[2]});
    diffs[r] = d_star;
    if (std::fabs(d_star - d) >= std::fabs(d) - kTolerance) ++at_least_as_far;
    if (d_star > 0) ++b_better;
  }
  out.p_value = MonteCarloP(at_least_as_far, r_count);
  out.share_b_better =
      static_cast<double>(b_better) / static_cast<double>(r_count);
  out.difference = stats_internal::Summarize(d, diffs, options.confidence);
  out.units = static_cast<int64_t>(a.size());
  out.resamples = options.resamples;
  out.confidence = options.confidence;
  return out;
}

Result<RandomizationResult> ApproximateRandomization(
    std::span<const PrfCounts> a, std::span<const PrfCounts> b,
    const BootstrapOptions& options) {
  if (Status s = CheckPair(a, b, options); !s.ok()) return s;
  // Swapping unit i moves (b[i] - a[i]) from B's total to A's: A' = A + D,
  // B' = B - D with D the sum of the swapped units' differences.
  std::vector<double> diff_rows;
  diff_rows.reserve(a.size() * 3);
  for (size_t i = 0; i < a.size(); ++i) {
    diff_rows.insert(diff_rows.end(),
                     {b[i].tp - a[i].tp, b[i].fp - a[i].fp, b[i].fn - a[i].fn});
  }
  const std::vector<double> sums = stats_internal::RandomSubsetSums(
      diff_rows, 3, options.resamples, options.seed);

  const PrfCounts total_a = Total(a);
  const PrfCounts total_b = Total(b);
  RandomizationResult out;
  out.f1_a = F1(total_a);
  out.f1_b = F1(total_b);
  out.difference = out.f1_b - out.f1_a;
  const double observed = std::fabs(out.difference);
  const auto trials = static_cast<size_t>(options.resamples);
  size_t count = 0;
  for (size_t t = 0; t < trials; ++t) {
    const PrfCounts moved{sums[3 * t], sums[3 * t + 1], sums[3 * t + 2]};
    PrfCounts swapped_a = total_a + moved;
    PrfCounts swapped_b = total_b;
    swapped_b.tp -= moved.tp;
    swapped_b.fp -= moved.fp;
    swapped_b.fn -= moved.fn;
    if (std::fabs(F1(swapped_b) - F1(swapped_a)) >= observed - kTolerance) {
      ++count;
    }
  }
  out.p_value = MonteCarloP(count, trials);
  out.units = static_cast<int64_t>(a.size());
  out.trials = options.resamples;
  return out;
}

std::vector<double> HolmBonferroni(std::span<const double> p_values) {
  std::vector<double> adjusted(p_values.size(), std::nan(""));
  std::vector<size_t> order;
  for (size_t i = 0; i < p_values.size(); ++i) {
    if (!std::isnan(p_values[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return p_values[x] < p_values[y];
  });
  const size_t m = order.size();
  double running_max = 0;
  for (size_t j = 0; j < m; ++j) {
    const double scaled =
        std::min(1.0, static_cast<double>(m - j) * p_values[order[j]]);
    running_max = std::max(running_max, scaled);
    adjusted[order[j]] = running_max;
  }
  return adjusted;
}

}  // namespace ieval
