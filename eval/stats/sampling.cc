#include "ieval/stats/sampling.h"

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
  if (!(mean > 0)) {  // Poisson(0) is always 0 (and NaN is refused so)
    columns_.push_back({1.0, 0});
    return;
  }
  const auto mode = static_cast<uint64_t>(std::floor(mean));
  const double pmf_mode = std::exp(static_cast<double>(mode) * std::log(mean) -
                                   mean - LogFactorial(mode));
  // Walk down from the mode, then up.
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
  // Vose: scale to mean 1 per column, then pair each under-full column with
  // an over-full one. Work lists are processed in index order, so the table
  // is a fixed function of the pmfs.
  double total = 0;
  for (double p : pmfs) total += p;
  const size_t size = pmfs.size();
  std::vector<double> scaled(size);
  std::vector<uint32_t> small, large;
  for (size_t i = 0; i < size; ++i) {
    scaled[i] = pmfs[i] / total * static_cast<double>(size);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<uint32_t>(i));
  }
  columns_.resize(size);
  while (!small.empty() && !large.empty()) {
    const uint32_t s = small.back();
    const uint32_t l = large.back();
    small.pop_back();
    large.pop_back();
    columns_[s] = {scaled[s], l};
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    (scaled[l] < 1.0 ? small : large).push_back(l);
  }
  // Left over only by rounding: their columns are full.
  for (uint32_t i : large) columns_[i] = {1.0, i};
  for (uint32_t i : small) columns_[i] = {1.0, i};
}

double PoissonTable::Probability(size_t i) const {
  double p = columns_[i].prob;
  for (size_t j = 0; j < columns_.size(); ++j) {
    if (columns_[j].alias == i && j != i) p += 1.0 - columns_[j].prob;
  }
  return p / static_cast<double>(columns_.size());
}

}  // namespace ieval::stats_internal
