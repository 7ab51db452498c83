// Random draws for the statistics, with every algorithm fixed and written
// here so that a seed gives the same numbers with any standard library.
// std::uniform_int_distribution, std::poisson_distribution and friends are
// implementation-defined (libstdc++ and libc++ return different numbers for
// the same engine), so none of them is used. The engine is std::mt19937_64,
// whose output sequence the C++ standard fixes ([rand.predef]: its 10000th
// output from the default seed is 9981545732273789042). Only building a
// Poisson table calls std::exp/std::log; a libm rounding them differently in
// the last bit could move a table entry by an ulp and, very rarely, a draw.
//
// Internal to ieval::stats; declared in a header so tests can check each
// sampler against its exact distribution.
#ifndef IEVAL_STATS_SAMPLING_H_
#define IEVAL_STATS_SAMPLING_H_

#include <algorithm>
#include <cstddef>
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

// Poisson(mean) from a table by Walker's alias method (Vose's construction,
// IEEE Trans. Softw. Eng. 17(9), 1991): one engine output, one table entry
// and no data-dependent loop per draw. u in [0, 1) picks column
// i = floor(u S) of the S columns, and the fraction u S - i keeps value i
// when below prob[i], else takes alias[i]. The table spans the values
// whose pmf is at least 1e-30 (the mass outside, < 1e-28, is left out and
// the rest renormalised); pmfs come from the mode by the recurrences
// p(k+1) = p(k) mean / (k+1) and p(k-1) = p(k) k / mean. Built once per
// distinct mean; read-only afterwards.
class PoissonTable {
 public:
  // REQUIRES mean <= 2^32; mean <= 0 gives a table that always draws 0.
  explicit PoissonTable(double mean);
  uint64_t operator()(Rng& rng) const {
    const double x = UniformDouble(rng) * static_cast<double>(columns_.size());
    const size_t i = std::min(static_cast<size_t>(x), columns_.size() - 1);
    const Column& c = columns_[i];
    return lo_ + (x - static_cast<double>(i) < c.prob ? i : c.alias);
  }
  uint64_t lo() const { return lo_; }
  uint64_t hi() const { return lo_ + columns_.size() - 1; }
  // P(X = lo() + i) as the table draws it (for tests).
  double Probability(size_t i) const;

 private:
  struct Column {
    double prob = 1;     // keep this column's value with this probability
    uint32_t alias = 0;  // else this value (index from lo_)
  };
  uint64_t lo_ = 0;
  std::vector<Column> columns_;
};

// log(k!): a table below 1024 (sums of logs, computed once), Stirling's
// series above (error < 1e-20). Used for the Poisson pmf at the mode.
double LogFactorial(uint64_t k);

}  // namespace ieval::stats_internal

#endif  // IEVAL_STATS_SAMPLING_H_
