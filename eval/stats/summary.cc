#include "ieval/stats/summary.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ieval {

SampleSummary Summarize(std::span<const double> values) {
  SampleSummary s;
  s.count = static_cast<int64_t>(values.size());
  if (values.empty()) return s;
  const double n = static_cast<double>(values.size());
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  const double half[] = {0.5};
  s.median = Quantiles({values.begin(), values.end()}, half)[0];
  if (values.size() > 1) {
    double squares = 0;
    for (double v : values) squares += (v - s.mean) * (v - s.mean);
    s.stddev = std::sqrt(squares / (n - 1));
    s.cv = s.mean != 0 ? s.stddev / s.mean : 0;
  }
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  s.min = *lo;
  s.max = *hi;
  return s;
}

std::vector<double> Quantiles(std::vector<double> values,
                              std::span<const double> qs) {
  std::vector<double> out(qs.size(), 0.0);
  if (values.empty()) return out;
  std::sort(values.begin(), values.end());
  const double last = static_cast<double>(values.size() - 1);
  for (size_t i = 0; i < qs.size(); ++i) {
    const double position = std::clamp(qs[i], 0.0, 1.0) * last;
    const auto below = static_cast<size_t>(std::floor(position));
    const size_t above = std::min(below + 1, values.size() - 1);
    const double fraction = position - static_cast<double>(below);
    out[i] = values[below] + fraction * (values[above] - values[below]);
  }
  return out;
}

}  // namespace ieval
