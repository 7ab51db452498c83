// Paired tests and Holm-Bonferroni: exact distributions of tiny corpora
// (fixtures), p-values under the null and under a real difference, and
// agreement between the paired bootstrap and approximate randomization.
#include "ieval/stats/paired.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "testing/stats_fixtures.h"

namespace ieval {
namespace {

using ::ieval::testing::CountsFromJson;
using ::ieval::testing::LoadFixtureCases;
using ::ieval::testing::SyntheticCorpus;
using ::ieval::testing::SyntheticPair;

TEST(HolmBonferroni, MatchesTheNumpyReference) {
  for (const auto& c : LoadFixtureCases("holm.json")) {
    const auto p = c.at("p_values").get<std::vector<double>>();
    const auto expected = c.at("expected").get<std::vector<double>>();
    const std::vector<double> adjusted = HolmBonferroni(p);
    ASSERT_EQ(adjusted.size(), expected.size());
    for (size_t i = 0; i < p.size(); ++i) {
      EXPECT_DOUBLE_EQ(adjusted[i], expected[i]) << "p-value #" << i;
    }
  }
}

TEST(HolmBonferroni, IsMonotoneAndNeverBelowTheRawPValue) {
  const std::vector<double> p = {0.04, 0.001, 0.3, 0.02, 0.012, 0.6, 0.03};
  const std::vector<double> adjusted = HolmBonferroni(p);
  for (size_t i = 0; i < p.size(); ++i) {
    EXPECT_GE(adjusted[i], p[i]);
    for (size_t j = 0; j < p.size(); ++j) {
      if (p[i] <= p[j]) {
        EXPECT_LE(adjusted[i], adjusted[j]);
      }
    }
  }
}

TEST(HolmBonferroni, LeavesNaNOutOfTheFamily) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> adjusted = HolmBonferroni({{0.01, nan, 0.04}});
  EXPECT_DOUBLE_EQ(adjusted[0], 0.02);
  EXPECT_TRUE(std::isnan(adjusted[1]));
  EXPECT_DOUBLE_EQ(adjusted[2], 0.04);
}

TEST(PairedBootstrap, MatchesTheExactPairedBootstrap) {
  // Every n^n resample enumerated by the fixture script; 20,000 drawn here.
  const int r_count = 20000;
  for (const auto& c : LoadFixtureCases("bootstrap_exact.json")) {
    if (c.at("kind") != "paired_bootstrap") continue;
    auto r =
        PairedBootstrap(CountsFromJson(c.at("a")), CountsFromJson(c.at("b")),
                        {.resamples = r_count, .seed = 8});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_DOUBLE_EQ(r->difference.estimate, c.at("difference"));
    const double sd = c.at("d_sd");
    EXPECT_NEAR(r->difference.std_error, sd, 0.05 * sd);
    const double share = c.at("share_b_better");
    const double p = c.at("shifted_null_p");
    const auto se = [&](double x) {
      return 5 * std::sqrt(x * (1 - x) / r_count) + 2.0 / r_count;
    };
    EXPECT_NEAR(r->share_b_better, share, se(share));
    EXPECT_NEAR(r->p_value, p, se(p));
  }
}

TEST(ApproximateRandomization, MatchesTheExactPermutationPValue) {
  // All 2^12 swap sets enumerated by the fixture script.
  const auto c = LoadFixtureCases("bootstrap_exact.json").back();
  ASSERT_EQ(c.at("kind"), "randomization");
  const int trials = 20000;
  auto r = ApproximateRandomization(CountsFromJson(c.at("a")),
                                    CountsFromJson(c.at("b")),
                                    {.resamples = trials, .seed = 4});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const double p = c.at("exact_p");
  EXPECT_DOUBLE_EQ(r->difference, c.at("difference"));
  EXPECT_NEAR(r->p_value, p, 5 * std::sqrt(p * (1 - p) / trials));
}

TEST(PairedTests, IdenticalVariantsGivePValueOne) {
  const auto docs = SyntheticCorpus({}, 30, 1);
  auto boot = PairedBootstrap(docs, docs);
  auto ar = ApproximateRandomization(docs, docs);
  EXPECT_EQ(boot->difference.estimate, 0);
  EXPECT_EQ(boot->p_value, 1);
  EXPECT_EQ(boot->difference.lower, 0);
  EXPECT_EQ(boot->difference.upper, 0);
  EXPECT_EQ(ar->p_value, 1);
}

TEST(PairedTests, AreDeterministicGivenTheSeed) {
  const auto a = SyntheticCorpus({.recall = 0.7}, 40, 1);
  const auto b = SyntheticCorpus({.recall = 0.75}, 40, 2);
  EXPECT_EQ(PairedBootstrap(a, b, {.seed = 5})->p_value,
            PairedBootstrap(a, b, {.seed = 5})->p_value);
  EXPECT_EQ(PairedBootstrap(a, b, {.seed = 5})->difference.lower,
            PairedBootstrap(a, b, {.seed = 5})->difference.lower);
  EXPECT_EQ(ApproximateRandomization(a, b, {.seed = 5})->p_value,
            ApproximateRandomization(a, b, {.seed = 5})->p_value);
}

TEST(PairedTests, PValuesAreRoughlyUniformUnderTheNull) {
  // 200 data sets where A and B are the same extractor drawing again on the
  // same documents: about 5 % of p-values at or below 0.05, about half at
  // or below 0.5.
  int ar_below_05 = 0, ar_below_50 = 0, boot_below_05 = 0, boot_below_50 = 0;
  const int sets = 200;
  for (int s = 0; s < sets; ++s) {
    const auto pair = SyntheticPair({}, {}, 60, 10 + s);
    const BootstrapOptions options{.resamples = 400, .seed = uint64_t(s)};
    const double ar =
        ApproximateRandomization(pair.a, pair.b, options)->p_value;
    const double boot = PairedBootstrap(pair.a, pair.b, options)->p_value;
    ar_below_05 += ar <= 0.05;
    ar_below_50 += ar <= 0.5;
    boot_below_05 += boot <= 0.05;
    boot_below_50 += boot <= 0.5;
  }
  EXPECT_LE(ar_below_05, 22);  // 11 %, expected 10 of 200
  EXPECT_GE(ar_below_05, 2);
  EXPECT_NEAR(ar_below_50, 100, 25);
  EXPECT_LE(boot_below_05, 22);
  EXPECT_GE(boot_below_05, 2);
  EXPECT_NEAR(boot_below_50, 100, 25);
}

TEST(PairedTests, BothDetectARealDifferenceAndAgreeOnItsDirection) {
  // B finds 85 % of mentions, A 70 %, on the same 200 documents.
  const auto pair = SyntheticPair({.recall = 0.70}, {.recall = 0.85}, 200, 5);
  auto boot = PairedBootstrap(pair.a, pair.b);
  auto ar = ApproximateRandomization(pair.a, pair.b);
  ASSERT_TRUE(boot.ok() && ar.ok());
  EXPECT_GT(boot->difference.estimate, 0);
  EXPECT_EQ(boot->difference.estimate, ar->difference);
  EXPECT_GT(boot->difference.lower, 0);
  EXPECT_LT(boot->p_value, 0.01);
  EXPECT_LT(ar->p_value, 0.01);
  EXPECT_GT(boot->share_b_better, 0.99);
  // Swapping the roles flips the sign of the difference and its interval.
  auto reversed = PairedBootstrap(pair.b, pair.a);
  EXPECT_EQ(reversed->difference.estimate, -boot->difference.estimate);
  EXPECT_LT(reversed->difference.upper, 0);
  EXPECT_LT(reversed->p_value, 0.01);
}

TEST(PairedTests, PValueIsNeverZero) {
  std::vector<PrfCounts> a(100, PrfCounts{1, 5, 5});
  std::vector<PrfCounts> b(100, PrfCounts{6, 0, 0});
  EXPECT_DOUBLE_EQ(ApproximateRandomization(a, b)->p_value, 1.0 / 1001);
  EXPECT_DOUBLE_EQ(PairedBootstrap(a, b)->p_value, 1.0 / 1001);
}

TEST(PairedTests, RejectVariantsScoredOnDifferentUnits) {
  const std::vector<PrfCounts> a(3, PrfCounts{1, 0, 0});
  const std::vector<PrfCounts> b(4, PrfCounts{1, 0, 0});
  auto boot = PairedBootstrap(a, b);
  EXPECT_EQ(boot.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(boot.status().message().find("A has 3, variant B 4"),
            std::string::npos)
      << boot.status().message();
  EXPECT_EQ(ApproximateRandomization(a, b).status().code(),
            Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ieval
