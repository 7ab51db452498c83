#include "ieval/stats/mann_whitney.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace ieval {
namespace {

// Sum of the (average) ranks of x in the pooled sample, and sum(t^3 - t)
// over the groups of tied values.
struct Ranks {
  double rank_sum_x = 0;
  double tie_term = 0;
};

Ranks RankSum(std::span<const double> x, std::span<const double> y) {
  const size_t n = x.size() + y.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  auto value = [&](size_t i) { return i < x.size() ? x[i] : y[i - x.size()]; };
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return value(a) < value(b); });
  Ranks out;
  for (size_t start = 0; start < n;) {
    size_t end = start + 1;
    while (end < n && value(order[end]) == value(order[start])) ++end;
    // Positions start..end-1 hold ranks start+1..end: average them.
    const double rank = (static_cast<double>(start + 1 + end)) / 2.0;
    const auto t = static_cast<double>(end - start);
    out.tie_term += t * t * t - t;
    for (size_t i = start; i < end; ++i) {
      if (order[i] < x.size()) out.rank_sum_x += rank;
    }
    start = end;
  }
  return out;
}

// log C(n + m, m).
double LogBinomialCoefficient(uint64_t n, uint64_t m) {
  double log_c = 0;
  for (uint64_t i = 1; i <= m; ++i) {
    log_c += std::log(static_cast<double>(n + i) / static_cast<double>(i));
  }
  return log_c;
}

// P(U <= k0) under H0 for samples of m and n values without ties: the
// number of rank orders with U = k is the coefficient of q^k in the
// Gaussian binomial [n + m choose m]_q = prod_{i=1..m} (1 - q^(n+i)) /
// (1 - q^i), built one factor at a time and truncated at degree k0 (lower
// coefficients do not depend on higher ones). Below degree n + 1 every step
// only adds positive numbers, so small tail probabilities keep their
// relative precision.
double ExactLowerTail(uint64_t m, uint64_t n, uint64_t k0) {
  if (m > n) std::swap(m, n);  // U's distribution is symmetric in (m, n)
  const auto top = static_cast<int64_t>(k0);
  std::vector<double> poly(k0 + 1, 0.0);
  poly[0] = 1.0;
  for (int64_t i = 1; i <= static_cast<int64_t>(m); ++i) {
    const int64_t shift = static_cast<int64_t>(n) + i;
    for (int64_t k = top; k >= shift; --k) poly[k] -= poly[k - shift];
    for (int64_t k = i; k <= top; ++k) poly[k] += poly[k - i];
  }
  double count = 0;
  for (double c : poly) count += c;
  return count / std::exp(LogBinomialCoefficient(n, m));
}

}  // namespace

Result<MannWhitneyResult> MannWhitneyU(std::span<const double> x,
                                       std::span<const double> y,
                                       MannWhitneyMethod method) {
  if (x.empty() || y.empty()) {
    return Status::InvalidInput(
        "Mann-Whitney U test: both samples need at least one value (got " +
        std::to_string(x.size()) + " and " + std::to_string(y.size()) + ")");
  }
  for (std::span<const double> sample : {x, y}) {
    for (double v : sample) {
      if (!std::isfinite(v)) {
        return Status::InvalidInput(
            "Mann-Whitney U test: a sample holds a NaN or infinite value");
      }
    }
  }
  const auto n1 = static_cast<double>(x.size());
  const auto n2 = static_cast<double>(y.size());
  const Ranks ranks = RankSum(x, y);
  const double u1 = ranks.rank_sum_x - n1 * (n1 + 1) / 2;
  const double u2 = n1 * n2 - u1;
  const double u = std::max(u1, u2);
  const bool ties = ranks.tie_term > 0;

  if (method == MannWhitneyMethod::kAuto) {
    method = (x.size() > 8 && y.size() > 8) || ties
                 ? MannWhitneyMethod::kAsymptotic
                 : MannWhitneyMethod::kExact;
  }
  MannWhitneyResult out;
  out.u = u1;
  out.prob_x_greater = u1 / (n1 * n2);
  out.rank_biserial = 2 * out.prob_x_greater - 1;
  out.method = method;
  if (method == MannWhitneyMethod::kExact) {
    if (ties) {
      return Status::InvalidInput(
          "Mann-Whitney U test: the exact method needs samples without tied "
          "values; use the normal approximation");
    }
    if (LogBinomialCoefficient(x.size(), y.size()) > std::log(1e300)) {
      return Status::InvalidInput(
          "Mann-Whitney U test: samples of " + std::to_string(x.size()) +
          " and " + std::to_string(y.size()) +
          " values are too large for the exact method; use the normal "
          "approximation");
    }
    // P(U >= u) = P(U <= n1 n2 - u) by symmetry; u is an integer here.
    const auto k0 = static_cast<uint64_t>(n1 * n2 - u);
    out.p_value = std::min(1.0, 2 * ExactLowerTail(x.size(), y.size(), k0));
    return out;
  }
  const double n = n1 + n2;
  const double variance =
      n1 * n2 / 12 * ((n + 1) - ranks.tie_term / (n * (n - 1)));
  if (!(variance > 0)) {  // every value equal: no evidence either way
    out.p_value = 1;
    return out;
  }
  const double z = (u - n1 * n2 / 2 - 0.5) / std::sqrt(variance);
  // 2 (1 - Phi(z)) = erfc(z / sqrt 2).
  out.p_value = std::min(1.0, std::erfc(z / std::sqrt(2.0)));
  return out;
}

}  // namespace ieval
