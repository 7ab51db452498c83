// Random draws for the statistics, with every algorithm fixed and written
// here so that a seed gives the same numbers with any standard library.
// std::uniform_int_distribution, std::poisson_distribution and friends are
// implementation-defined (libstdc++ and libc++ return different numbers for
// the same engine), so none of them is used. Only the Poisson tables use
// std::exp/std::log (when built); a libm rounding them differently in the
// last bit could move a table entry by an ulp, and so, very rarely, a draw. The
// engine is std::mt19937_64, whose output sequence the C++ standard fixes
// ([rand.predef]: its 10000th output from the default seed is
// 9981545732273789042).
//
// Internal to ieval::stats; declared in a header so tests can check each
// sampler against its exact distribution.
#ifndef IEVAL_EVAL_STATS_SAMPLING_H_
#define IEVAL_EVAL_STATS_SAMPLING_H_

#include <cstdint>
#include <random>
#include <vector>

namespace ieval::stats_internal {

using Rng = std::mt19937_64;

// Uniform on [0, 1): the top 53 bits of one engine output, times 2^-53.
double UniformDouble(Rng& rng);

// Uniform integer in [0, n), n >= 1, exactly (no modulo bias): Lemire's
// multiply-shift with rejection (ACM TOMACS 2019, "Fast random integer
// generation in an interval") on 32-bit halves of the engine outputs, low
// half first. `Uint32Source` keeps the unused half between calls.
class Uint32Source {
 public:
  explicit Uint32Source(Rng& rng) : rng_(rng) {}
  uint32_t Next() {
    if (has_high_) {
      has_high_ = false;
      return static_cast<uint32_t>(buffer_ >> 32);
    }
    buffer_ = rng_();
    has_high_ = true;
    return static_cast<uint32_t>(buffer_);
  }
  uint32_t UniformIndex(uint32_t n) {
    uint64_t m = uint64_t{Next()} * n;
    auto low = static_cast<uint32_t>(m);
    if (low < n) {
      const uint32_t threshold = (0u - n) % n;  // 2^32 mod n
      while (low < threshold) {
        m = uint64_t{Next()} * n;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

 private:
  Rng& rng_;
  uint64_t buffer_ = 0;
  bool has_high_ = false;
};

// Binomial(n, 1/2) exactly, with integers only: the number of ones among the
// next n fair bits. Whole 64-bit outputs for each 64 trials; the rest from a
// buffered output, low bits first (a buffer too short is discarded).
class FairBits {
 public:
  explicit FairBits(Rng& rng) : rng_(rng) {}
  uint64_t CountOnes(uint64_t n);

 private:
  Rng& rng_;
  uint64_t buffer_ = 0;
  int left_ = 0;
};

// Poisson(mean) by inversion of its tabulated CDF, with a guide table
// (Chen & Asau 1974) so a draw takes one engine output and O(1) expected
// comparisons. The table spans the values whose pmf is at least 1e-30 (the
// mass outside, < 1e-28, is left out and the table renormalised); pmfs come
// from the mode by the recurrences p(k+1) = p(k) mean / (k+1) and p(k-1) =
// p(k) k / mean. Built once per distinct mean; read-only afterwards.
class PoissonTable {
 public:
  explicit PoissonTable(double mean);  // REQUIRES 0 < mean <= 2^32
  uint64_t operator()(Rng& rng) const {
    const double u = UniformDouble(rng);
    size_t i =
        guide_[static_cast<size_t>(u * static_cast<double>(guide_.size()))];
    while (cdf_[i] <= u) ++i;  // cdf_.back() == 1 > u stops it
    return lo_ + i;
  }
  uint64_t lo() const { return lo_; }
  uint64_t hi() const { return lo_ + cdf_.size() - 1; }

 private:
  uint64_t lo_ = 0;
  std::vector<double> cdf_;      // P(X <= lo_ + i), renormalised, back() = 1
  std::vector<uint32_t> guide_;  // guide_[j] = min{i : cdf_[i] > j / size}
};

// log(k!): a table below 1024 (sums of logs, computed once), Stirling's
// series above (error < 1e-20). Used for the Poisson pmf at the mode.
double LogFactorial(uint64_t k);

}  // namespace ieval::stats_internal

#endif  // IEVAL_EVAL_STATS_SAMPLING_H_
