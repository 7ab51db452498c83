#include "ieval/stats/bootstrap.h"

#include <cmath>
#include <cstddef>
#include <vector>

#include "common.h"
#include "ieval/stats/resample.h"

namespace ieval {

using stats_internal::Summarize;

Result<ConfidenceInterval> BootstrapPrf(std::span<const PrfCounts> units,
                                        const BootstrapOptions& options) {
  if (Status s = stats_internal::CheckOptions(options); !s.ok()) return s;
  if (Status s = stats_internal::CheckUnits(units, "bootstrap"); !s.ok()) {
    return s;
  }
  std::vector<double> rows;
  stats_internal::AppendRows(units, rows);
  const std::vector<double> sums =
      stats_internal::BootstrapSums(rows, 3, options.resamples, options.seed);

  const auto r_count = static_cast<size_t>(options.resamples);
  std::vector<double> precision(r_count), recall(r_count), f1(r_count);
  for (size_t r = 0; r < r_count; ++r) {
    const PrfCounts c{sums[3 * r], sums[3 * r + 1], sums[3 * r + 2]};
    precision[r] = Precision(c);
    recall[r] = Recall(c);
    f1[r] = F1(precision[r], recall[r]);
  }
  PrfCounts total;
  for (const PrfCounts& c : units) total += c;

  ConfidenceInterval out;
  out.precision = Summarize(Precision(total), precision, options.confidence);
  out.recall = Summarize(Recall(total), recall, options.confidence);
  out.f1 = Summarize(F1(total), f1, options.confidence);
  out.units = static_cast<int64_t>(units.size());
  out.resamples = options.resamples;
  out.confidence = options.confidence;
  return out;
}

double QuantileLinear(std::span<const double> sorted, double q) {
  const size_t n = sorted.size();
  if (n == 0) return std::nan("");
  const double h = static_cast<double>(n - 1) * q;
  if (!(h > 0.0)) return sorted.front();
  if (h >= static_cast<double>(n - 1)) return sorted.back();
  const auto lo = static_cast<size_t>(std::floor(h));
  const double t = h - static_cast<double>(lo);
  const double a = sorted[lo];
  const double b = sorted[lo + 1];
  const double diff = b - a;
  // numpy's _lerp: from the nearer end, so t = 1 gives b exactly.
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

double DistinctBootstrapResamples(int64_t units) {
  if (units <= 0) return 0;
  // C(2N - 1, N) = prod_{i=1..N} (N - 1 + i) / i; each partial product is
  // itself a binomial coefficient, so it only grows.
  const auto n = static_cast<double>(units);
  double c = 1;
  for (int64_t i = 1; i <= units && std::isfinite(c); ++i) {
    c = c * (n - 1 + static_cast<double>(i)) / static_cast<double>(i);
  }
  return c < 0x1.0p53 ? std::round(c) : c;
}

}  // namespace ieval
