#include "eval/stats/sampling.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace ieval::stats_internal {

double UniformDouble(Rng& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

uint64_t FairBits::CountOnes(uint64_t n) {
  uint64_t ones = 0;
  for (; n >= 64; n -= 64) ones += std::popcount(rng_());
  if (n == 0) return ones;
  if (static_cast<uint64_t>(left_) < n) {
    buffer_ = rng_();
    left_ = 64;
  }
  ones += std::popcount(buffer_ & ((uint64_t{1} << n) - 1));
  buffer_ >>= n;
  left_ -= static_cast<int>(n);
  return ones;
}

double LogFactorial(uint64_t k) {
  // log(k!) = log((k-1)!) + log(k), filled once (thread-safe static init).
  static const std::array<double, 1024> kTable = [] {
    std::array<double, 1024> table{};
    for (size_t i = 2; i < table.size(); ++i) {
      table[i] = table[i - 1] + std::log(static_cast<double>(i));
    }
    return table;
  }();
  if (k < kTable.size()) return kTable[k];
  // Stirling's series for log Gamma(x), x = k + 1 > 1024; the first omitted
  // term is below 1 / (1680 x^7) < 1e-23.
  const double x = static_cast<double>(k) + 1.0;
  const double x2 = x * x;
  constexpr double kHalfLog2Pi = 0.91893853320467274178;
  return (x - 0.5) * std::log(x) - x + kHalfLog2Pi +
         (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / (1260.0 * x2)) / x2) / x;
}

PoissonTable::PoissonTable(double mean) {
  constexpr double kNegligible = 1e-30;
  const auto mode = static_cast<uint64_t>(std::floor(mean));
  const double pmf_mode = std::exp(static_cast<double>(mode) * std::log(mean) -
                                   mean - LogFactorial(mode));
  // Walk down from the mode, then up; pmf values only (no CDF yet).
  std::vector<double> below;  // pmf(mode - 1), pmf(mode - 2), ...
  double pmf = pmf_mode;
  for (uint64_t k = mode; k > 0; --k) {
    pmf *= static_cast<double>(k) / mean;  // pmf(k - 1)
    if (pmf < kNegligible) break;
    below.push_back(pmf);
  }
  lo_ = mode - below.size();
  std::vector<double> pmfs(below.rbegin(), below.rend());
  pmf = pmf_mode;
  for (uint64_t k = mode;; ++k) {
    pmfs.push_back(pmf);
    pmf *= mean / static_cast<double>(k + 1);  // pmf(k + 1)
    if (pmf < kNegligible) break;
  }
  // CDF, summed from the small left tail up, renormalised to end at 1.
  cdf_.resize(pmfs.size());
  double total = 0;
  for (size_t i = 0; i < pmfs.size(); ++i) cdf_[i] = total += pmfs[i];
  for (double& c : cdf_) c /= total;
  cdf_.back() = 1.0;
  guide_.resize(cdf_.size());
  size_t i = 0;
  for (size_t j = 0; j < guide_.size(); ++j) {
    const double level =
        static_cast<double>(j) / static_cast<double>(guide_.size());
    while (cdf_[i] <= level) ++i;
    guide_[j] = static_cast<uint32_t>(i);
  }
}

}  // namespace ieval::stats_internal
