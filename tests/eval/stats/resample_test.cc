// The resampling engine: each resample really draws N units with
// replacement (checked through a column of ones), both methods reproduce the
// exact bootstrap distribution of tiny corpora (enumerated by
// scripts/make-stats-fixtures), and random subsets keep each unit with
// probability 1/2.
#include "ieval/stats/resample.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "ieval/score/counts.h"
#include "testing/stats_fixtures.h"

namespace ieval::stats_internal {
namespace {

using ::ieval::testing::CountsFromJson;
using ::ieval::testing::LoadFixtureCases;

// Rows (tp, fp, fn, 1) so that the 4th sum counts the units drawn.
std::vector<double> RowsWithOnes(const std::vector<PrfCounts>& units) {
  std::vector<double> rows;
  for (const PrfCounts& c : units)
    rows.insert(rows.end(), {c.tp, c.fp, c.fn, 1});
  return rows;
}

TEST(GroupRows, CountsDistinctRowsInLexicographicOrder) {
  const std::vector<double> rows = {2, 1, 0, 0, 1, 0, 2, 1};
  GroupedRows g = GroupRows(rows, 2);
  EXPECT_EQ(g.rows, (std::vector<double>{0, 0, 1, 0, 2, 1}));
  EXPECT_EQ(g.multiplicity, (std::vector<uint64_t>{1, 1, 2}));
  EXPECT_EQ(g.total, 4u);
}

class BootstrapSumsTest : public ::testing::TestWithParam<ResampleMethod> {};

TEST_P(BootstrapSumsTest, EveryResampleDrawsExactlyNUnits) {
  const std::vector<PrfCounts> units = {{1, 0, 2}, {3, 1, 0}, {1, 0, 2},
                                        {0, 0, 0}, {5, 2, 1}, {1, 0, 2}};
  const std::vector<double> sums =
      BootstrapSums(RowsWithOnes(units), 4, 500, 7, GetParam());
  ASSERT_EQ(sums.size(), 500u * 4);
  for (size_t r = 0; r < 500; ++r) {
    EXPECT_EQ(sums[4 * r + 3], 6.0);
    // tp of a resample lies between 6 * min and 6 * max tp.
    EXPECT_GE(sums[4 * r], 0.0);
    EXPECT_LE(sums[4 * r], 30.0);
  }
}

TEST_P(BootstrapSumsTest, TinyCorporaToo) {
  // N <= 4 leaves the Poisson part out (all draws added): still N draws.
  for (int n = 1; n <= 5; ++n) {
    std::vector<PrfCounts> units;
    for (int i = 0; i < n; ++i) units.push_back({double(i), 1, 0});
    const auto sums = BootstrapSums(RowsWithOnes(units), 4, 100, 1, GetParam());
    for (size_t r = 0; r < 100; ++r) ASSERT_EQ(sums[4 * r + 3], n);
  }
}

TEST_P(BootstrapSumsTest, ReproducesTheExactBootstrapDistribution) {
  // 20,000 resamples: the mean of F1* within 5 standard errors, its SD
  // within 5 %, and P(F1* <= t) within 5 binomial standard errors.
  for (const auto& c : LoadFixtureCases("bootstrap_exact.json")) {
    if (c.at("kind") != "bootstrap") continue;
    const std::vector<PrfCounts> units = CountsFromJson(c.at("units"));
    const int r_count = 20000;
    const std::vector<double> sums =
        BootstrapSums(RowsWithOnes(units), 4, r_count, 11, GetParam());
    std::vector<double> f1(r_count);
    for (int r = 0; r < r_count; ++r) {
      f1[r] = F1(PrfCounts{sums[4 * r], sums[4 * r + 1], sums[4 * r + 2]});
    }
    double mean = 0, squares = 0;
    for (double v : f1) mean += v;
    mean /= r_count;
    for (double v : f1) squares += (v - mean) * (v - mean);
    const double sd = std::sqrt(squares / (r_count - 1));
    const double exact_sd = c.at("f1_sd");
    EXPECT_NEAR(mean, c.at("f1_mean").get<double>(),
                5 * exact_sd / std::sqrt(r_count));
    EXPECT_NEAR(sd, exact_sd, 0.05 * exact_sd);
    for (const auto& point : c.at("f1_cdf")) {
      const double t = point.at("t");
      const double p = point.at("p");
      const double share =
          static_cast<double>(std::count_if(
              f1.begin(), f1.end(), [&](double v) { return v <= t + 1e-12; })) /
          r_count;
      EXPECT_NEAR(share, p, 5 * std::sqrt(p * (1 - p) / r_count)) << "t " << t;
    }
  }
}

TEST_P(BootstrapSumsTest, DoesNotDependOnTheOrderOfUnits) {
  std::vector<PrfCounts> units = {{1, 0, 2}, {3, 1, 0}, {0, 4, 1}, {2, 2, 2}};
  const auto before = BootstrapSums(RowsWithOnes(units), 4, 50, 3, GetParam());
  std::reverse(units.begin(), units.end());
  std::swap(units[0], units[2]);
  EXPECT_EQ(BootstrapSums(RowsWithOnes(units), 4, 50, 3, GetParam()), before);
}

INSTANTIATE_TEST_SUITE_P(BothMethods, BootstrapSumsTest,
                         ::testing::Values(ResampleMethod::kPoissonized,
                                           ResampleMethod::kIndices));

TEST(BootstrapSums, AutoPoissonizesRepeatedRowsAndDrawsIndicesOtherwise) {
  std::vector<double> rows;
  for (int i = 0; i < 300; ++i) rows.insert(rows.end(), {double(i % 3), 1, 0});
  EXPECT_EQ(BootstrapSums(rows, 3, 20, 5),
            BootstrapSums(rows, 3, 20, 5, ResampleMethod::kPoissonized));
  rows.clear();
  for (int i = 0; i < 300; ++i) rows.insert(rows.end(), {double(i), 1, 0});
  EXPECT_EQ(BootstrapSums(rows, 3, 20, 5),
            BootstrapSums(rows, 3, 20, 5, ResampleMethod::kIndices));
}

TEST(BootstrapSums, PoissonizedAndIndexMethodsAgreeOnALargerCorpus) {
  // 2,000 units over 40 distinct rows: the two methods' resampled tp sums
  // have the same mean (N * mean tp) and variance (N * var tp).
  std::vector<double> rows;
  double mean = 0, squares = 0;
  for (int i = 0; i < 2000; ++i) {
    const double tp = (i * 7) % 40;
    rows.insert(rows.end(), {tp, 1, 0});
    mean += tp;
    squares += tp * tp;
  }
  mean /= 2000;
  const double variance = 2000 * (squares / 2000 - mean * mean);
  for (ResampleMethod method :
       {ResampleMethod::kPoissonized, ResampleMethod::kIndices}) {
    const int r_count = 4000;
    const auto sums = BootstrapSums(rows, 3, r_count, 17, method);
    double s = 0, s2 = 0;
    for (int r = 0; r < r_count; ++r) {
      ASSERT_EQ(sums[3 * r + 1], 2000);  // N draws
      s += sums[3 * r];
      s2 += sums[3 * r] * sums[3 * r];
    }
    const double m = s / r_count;
    EXPECT_NEAR(m, 2000 * mean, 5 * std::sqrt(variance / r_count));
    EXPECT_NEAR(s2 / r_count - m * m, variance, 0.1 * variance);
  }
}

TEST(RandomSubsetSums, KeepsEachUnitWithProbabilityOneHalf) {
  // 40 units: 30 identical (one group) and 10 distinct; the number kept is
  // Binomial(40, 1/2), the total of the first column half its full sum.
  std::vector<double> rows;
  for (int i = 0; i < 30; ++i) rows.insert(rows.end(), {1, 1});
  for (int i = 0; i < 10; ++i) rows.insert(rows.end(), {double(i + 2), 1});
  const int trials = 20000;
  const std::vector<double> sums = RandomSubsetSums(rows, 2, trials, 9);
  double kept = 0, kept_squares = 0;
  for (int t = 0; t < trials; ++t) {
    ASSERT_GE(sums[2 * t + 1], 0.0);
    ASSERT_LE(sums[2 * t + 1], 40.0);
    kept += sums[2 * t + 1];
    kept_squares += sums[2 * t + 1] * sums[2 * t + 1];
  }
  const double mean = kept / trials;
  EXPECT_NEAR(mean, 20.0, 5 * std::sqrt(10.0 / trials));
  EXPECT_NEAR(kept_squares / trials - mean * mean, 10.0, 1.0);
}

TEST(RandomSubsetSums, IsDeterministicGivenTheSeed) {
  const std::vector<double> rows = {1, 0, -1, 2, 0, 0, 1, 0, -1};
  EXPECT_EQ(RandomSubsetSums(rows, 3, 100, 42),
            RandomSubsetSums(rows, 3, 100, 42));
  EXPECT_NE(RandomSubsetSums(rows, 3, 100, 42),
            RandomSubsetSums(rows, 3, 100, 43));
}

}  // namespace
}  // namespace ieval::stats_internal
