// MannWhitneyU against scipy.stats.mannwhitneyu (scipy 1.10, fixture
// mann_whitney.json): statistic, two-sided p-value and the method scipy's
// 'auto' picks.
#include "ieval/stats/mann_whitney.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/stats_fixtures.h"

namespace ieval {
namespace {

using ::ieval::testing::LoadFixtureCases;

MannWhitneyMethod MethodNamed(const std::string& name) {
  if (name == "exact") return MannWhitneyMethod::kExact;
  if (name == "asymptotic") return MannWhitneyMethod::kAsymptotic;
  return MannWhitneyMethod::kAuto;
}

TEST(MannWhitneyU, MatchesScipy) {
  for (const auto& c : LoadFixtureCases("mann_whitney.json")) {
    const std::string note = c.at("note");
    const auto x = c.at("x").get<std::vector<double>>();
    const auto y = c.at("y").get<std::vector<double>>();
    auto r = MannWhitneyU(x, y, MethodNamed(c.at("method")));
    ASSERT_TRUE(r.ok()) << note << ": " << r.status().ToString();
    EXPECT_EQ(r->u, c.at("u").get<double>()) << note;
    const double p = c.at("p_value");
    EXPECT_NEAR(r->p_value, p, 1e-10 * p + 1e-15) << note;
    EXPECT_EQ(r->method, MethodNamed(c.at("method_used"))) << note;
  }
}

TEST(MannWhitneyU, GateSizedSamplesUseTheNormalApproximation) {
  std::vector<double> x, y;
  for (int i = 0; i < 9; ++i) {
    x.push_back(100 + i);
    y.push_back(200 + i);
  }
  EXPECT_EQ(MannWhitneyU(x, y)->method, MannWhitneyMethod::kAsymptotic);
  x.pop_back();
  EXPECT_EQ(MannWhitneyU(x, y)->method, MannWhitneyMethod::kExact);
}

TEST(MannWhitneyU, EffectSizeIsTheShareOfPairsWhereXIsLarger) {
  // Pairs (x, y): 3>1, 3>2, 3=3 (half), 5>1, 5>2, 5>3 -> 5.5 of 6.
  auto r =
      MannWhitneyU(std::vector<double>{3, 5}, std::vector<double>{1, 2, 3});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->u, 5.5);
  EXPECT_DOUBLE_EQ(r->prob_x_greater, 5.5 / 6);
  EXPECT_DOUBLE_EQ(r->rank_biserial, 2 * 5.5 / 6 - 1);
}

TEST(MannWhitneyU, IsSymmetricInItsSamples) {
  const std::vector<double> x = {1.5, 2.25, 9, 4, 4.5};
  const std::vector<double> y = {3, 8, 7.5, 6, 10, 11};
  auto xy = MannWhitneyU(x, y);
  auto yx = MannWhitneyU(y, x);
  EXPECT_DOUBLE_EQ(xy->p_value, yx->p_value);
  EXPECT_DOUBLE_EQ(xy->u + yx->u, 30);
  EXPECT_DOUBLE_EQ(xy->rank_biserial, -yx->rank_biserial);
}

TEST(MannWhitneyU, RejectsEmptySamplesAndNonFiniteValues) {
  const std::vector<double> some = {1, 2};
  EXPECT_EQ(MannWhitneyU({}, some).status().code(),
            Status::Code::kInvalidInput);
  const std::vector<double> nan = {1, std::nan("")};
  EXPECT_EQ(MannWhitneyU(nan, some).status().code(),
            Status::Code::kInvalidInput);
}

TEST(MannWhitneyU, ExactMethodRefusesTies) {
  const std::vector<double> x = {1, 2, 2};
  const std::vector<double> y = {3, 4};
  EXPECT_EQ(MannWhitneyU(x, y, MannWhitneyMethod::kExact).status().code(),
            Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ieval
