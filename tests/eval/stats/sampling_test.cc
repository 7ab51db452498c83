// The samplers of eval/stats/include/ieval/stats/sampling.h against their exact
// distributions: chi-square goodness of fit on 100,000 draws with a fixed seed
// (a threshold six standard deviations out, so only a real bias fails).
#include "ieval/stats/sampling.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace ieval::stats_internal {
namespace {

// Chi-square statistic of observed against expected counts, merging
// categories with expected < 5 into their neighbour; returns {chi2, df}.
std::pair<double, int> ChiSquare(const std::vector<double>& observed,
                                 const std::vector<double>& expected) {
  double chi2 = 0, obs = 0, exp = 0;
  int categories = 0;
  for (size_t i = 0; i < observed.size(); ++i) {
    obs += observed[i];
    exp += expected[i];
    if (exp >= 5 || i + 1 == observed.size()) {
      chi2 += (obs - exp) * (obs - exp) / std::max(exp, 1e-300);
      ++categories;
      obs = exp = 0;
    }
  }
  return {chi2, categories - 1};
}

// Far in the upper tail of chi-square(df): mean + 6 standard deviations.
double Threshold(int df) { return df + 6 * std::sqrt(2.0 * df); }

TEST(Mt19937_64, IsTheStandardsEngine) {
  Rng rng;  // [rand.predef]: the 10000th output from the default seed
  rng.discard(9999);
  EXPECT_EQ(rng(), 9981545732273789042ull);
}

TEST(UniformIndex, StaysInRangeAndIsUniformForSmallN) {
  Rng rng(1);
  Uint32Source source(rng);
  for (uint32_t n : {1u, 3u, 7u, 10u}) {
    std::vector<double> counts(n, 0.0);
    const int draws = 100000;
    for (int i = 0; i < draws; ++i) {
      const uint32_t x = source.UniformIndex(n);
      ASSERT_LT(x, n);
      counts[x] += 1;
    }
    const std::vector<double> expected(n, double{draws} / n);
    auto [chi2, df] = ChiSquare(counts, expected);
    if (df > 0) {
      EXPECT_LT(chi2, Threshold(df)) << "n = " << n;
    }
  }
}

TEST(UniformIndex, IsUniformWhenRejectionMatters) {
  // n = 3 * 2^30: a plain multiply-shift would give the top quarter of
  // [0, n) twice the mass of the rest (2^32 / n is not an integer).
  const uint32_t n = 3u << 30;
  Rng rng(2);
  Uint32Source source(rng);
  std::vector<double> counts(3, 0.0);
  for (int i = 0; i < 90000; ++i) counts[source.UniformIndex(n) >> 30] += 1;
  auto [chi2, df] = ChiSquare(counts, {30000, 30000, 30000});
  EXPECT_LT(chi2, Threshold(df));
}

TEST(FairBits, CountOnesIsBinomialHalf) {
  Rng rng(3);
  FairBits bits(rng);
  for (uint64_t n : {1u, 5u, 63u, 64u, 65u, 200u, 1000u}) {
    const int draws = 20000;
    double sum = 0, squares = 0;
    for (int i = 0; i < draws; ++i) {
      const uint64_t x = bits.CountOnes(n);
      ASSERT_LE(x, n);
      sum += static_cast<double>(x);
      squares += static_cast<double>(x) * static_cast<double>(x);
    }
    const double mean = sum / draws;
    const double variance = squares / draws - mean * mean;
    const double nd = static_cast<double>(n);
    // Mean within 6 standard errors; variance within 10 %.
    EXPECT_NEAR(mean, nd / 2, 6 * std::sqrt(nd / 4 / draws)) << "n = " << n;
    EXPECT_NEAR(variance, nd / 4, 0.1 * nd / 4 + 0.01) << "n = " << n;
  }
}

TEST(LogFactorial, MatchesLgamma) {
  for (uint64_t k : {0u, 1u, 2u, 10u, 100u, 1000u, 1023u, 1024u, 1025u, 123456u,
                     10000000u}) {
    const double expected = std::lgamma(static_cast<double>(k) + 1);
    EXPECT_NEAR(LogFactorial(k), expected, 1e-12 * std::max(1.0, expected))
        << "k = " << k;
  }
}

class PoissonTableTest : public ::testing::TestWithParam<double> {};

TEST_P(PoissonTableTest, MatchesTheExactPmf) {
  const double mean = GetParam();
  const PoissonTable table(mean);
  Rng rng(static_cast<uint64_t>(mean * 1000) + 1);
  const int draws = 100000;
  const uint64_t top = table.hi() + 1;
  std::vector<double> counts(top + 1, 0.0);
  for (int i = 0; i < draws; ++i) {
    const uint64_t x = table(rng);
    ASSERT_LE(x, table.hi());
    ASSERT_GE(x, table.lo());
    counts[x] += 1;
  }
  std::vector<double> expected(top + 1);
  for (uint64_t k = 0; k <= top; ++k) {
    expected[k] =
        draws * std::exp(k * std::log(mean) - mean - std::lgamma(k + 1.0));
  }
  auto [chi2, df] = ChiSquare(counts, expected);
  EXPECT_LT(chi2, Threshold(df)) << "df " << df;
}

INSTANTIATE_TEST_SUITE_P(SmallToLargeMeans, PoissonTableTest,
                         ::testing::Values(0.5, 1.0, 2.0, 7.0, 72.0, 1000.0,
                                           30000.0));

TEST(PoissonTable, AliasTableHoldsThePoissonPmf) {
  // What the table draws, read back column by column, equals the pmf (to
  // 1e-10: the reference's own lgamma-based logs lose ~1e-12 at mean 2500).
  for (double mean : {1.0, 3.0, 72.0, 2500.0}) {
    const PoissonTable table(mean);
    for (uint64_t k = table.lo(); k <= table.hi(); ++k) {
      const double pmf =
          std::exp(k * std::log(mean) - mean - std::lgamma(k + 1.0));
      EXPECT_NEAR(table.Probability(k - table.lo()), pmf, 1e-10 * pmf + 1e-15)
          << "mean " << mean << ", k " << k;
    }
  }
}

TEST(PoissonTable, MeanZeroAlwaysDrawsZero) {
  const PoissonTable zero(0.0);
  Rng rng(1);
  EXPECT_EQ(zero(rng), 0u);
  EXPECT_EQ(zero.hi(), 0u);
}

TEST(PoissonTable, SpansTheNonNegligibleValues) {
  // P(X >= 30) for mean 1 is ~1e-33: the table stops before; P(X = 0)
  // is e^-1, kept.
  const PoissonTable one(1.0);
  EXPECT_EQ(one.lo(), 0u);
  EXPECT_LT(one.hi(), 30u);
  EXPECT_GT(one.hi(), 20u);
  // Mean 10,000: about 11.5 standard deviations (100) either side.
  const PoissonTable big(10000.0);
  EXPECT_NEAR(static_cast<double>(big.lo()), 10000 - 1150, 100);
  EXPECT_NEAR(static_cast<double>(big.hi()), 10000 + 1200, 100);
}

}  // namespace
}  // namespace ieval::stats_internal
