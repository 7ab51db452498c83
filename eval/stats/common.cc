#include "common.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace ieval::stats_internal {

Status CheckOptions(const BootstrapOptions& options) {
  if (options.resamples < 1) {
    return Status::Usage("the number of resamples must be at least 1, not " +
                         std::to_string(options.resamples));
  }
  if (!(options.confidence > 0.0 && options.confidence < 1.0)) {
    return Status::Usage(
        "the confidence level must be strictly between 0 and 1 (0.95 for "
        "95 %), not " +
        std::to_string(options.confidence));
  }
  return Status::Ok();
}

Status CheckUnits(std::span<const PrfCounts> units, std::string_view what) {
  if (units.empty()) {
    return Status::Usage(std::string(what) +
                         ": no units (documents or sentences) to resample");
  }
  // The resampler draws 32-bit indices, and its Poisson total may exceed N.
  if (units.size() >= (size_t{1} << 31)) {
    return Status::Usage(std::string(what) + ": " +
                         std::to_string(units.size()) +
                         " units; at most 2^31 - 1 can be resampled");
  }
  for (size_t i = 0; i < units.size(); ++i) {
    const PrfCounts& c = units[i];
    for (double v : {c.tp, c.fp, c.fn}) {
      if (!std::isfinite(v) || v < 0) {
        return Status::InvalidInput(
            std::string(what) + ": unit " + std::to_string(i) +
            " (0-based) has a negative or non-finite count (tp " +
            std::to_string(c.tp) + ", fp " + std::to_string(c.fp) + ", fn " +
            std::to_string(c.fn) + ")");
      }
    }
  }
  return Status::Ok();
}

void AppendRows(std::span<const PrfCounts> units, std::vector<double>& rows) {
  rows.reserve(rows.size() + units.size() * 3);
  for (const PrfCounts& c : units) {
    rows.push_back(c.tp);
    rows.push_back(c.fp);
    rows.push_back(c.fn);
  }
}

std::vector<double> PairRows(std::span<const PrfCounts> a,
                             std::span<const PrfCounts> b) {
  std::vector<double> rows;
  rows.reserve(a.size() * 6);
  for (size_t i = 0; i < a.size(); ++i) {
    rows.insert(rows.end(),
                {a[i].tp, a[i].fp, a[i].fn, b[i].tp, b[i].fp, b[i].fn});
  }
  return rows;
}

Interval Summarize(double estimate, std::vector<double>& values,
                   double confidence) {
  Interval out;
  out.estimate = estimate;
  std::sort(values.begin(), values.end());
  out.lower = QuantileLinear(values, (1.0 - confidence) / 2.0);
  out.upper = QuantileLinear(values, (1.0 + confidence) / 2.0);
  if (values.size() > 1) {
    // Two passes, shifted by the smallest value so that equal values give
    // exactly 0.
    const double shift = values.front();
    const auto n = static_cast<double>(values.size());
    double mean = 0;
    for (double v : values) mean += v - shift;
    mean /= n;
    double squares = 0;
    for (double v : values) squares += (v - shift - mean) * (v - shift - mean);
    out.std_error = std::sqrt(squares / (n - 1));
  }
  return out;
}

}  // namespace ieval::stats_internal
