// CompareWithRepeats against Student's t values of the tables: t(0.975,
// 4) = 2.776445 and t(0.975, 1) = 12.706205.
#include "ieval/stats/repeats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ieval {
namespace {

// Five baseline values with mean 0.84 and standard deviation 0.1 / sqrt(10)
// (n - 1).
const std::vector<double> kBaseline = {0.80, 0.82, 0.84, 0.86, 0.88};
const double kStddev = std::sqrt(0.001);

TEST(CompareWithRepeats, ChangeAtTheCriticalValueHasPFiveHundredths) {
  // One current run, so the standard error is s sqrt(1/5 + 1).
  const double se = kStddev * std::sqrt(1.2);
  const double current = 0.84 - 2.776445 * se;
  auto r = CompareWithRepeats(kBaseline, std::vector<double>{current}, 0.95);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->degrees_of_freedom, 4);
  EXPECT_NEAR(r->baseline_mean, 0.84, 1e-12);
  EXPECT_NEAR(r->baseline_stddev, kStddev, 1e-12);
  EXPECT_NEAR(r->t, -2.776445, 1e-9);
  EXPECT_NEAR(r->p_value, 0.05, 1e-6);
  // The interval of the change just reaches 0.
  EXPECT_NEAR(r->upper, 0, 1e-6);
  EXPECT_NEAR(r->lower, 2 * r->difference, 1e-6);
}

TEST(CompareWithRepeats, CurrentRepeatsShrinkTheStandardError) {
  const std::vector<double> current(5, 0.80);
  auto r = CompareWithRepeats(kBaseline, current, 0.95);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->current_repeats, 5);
  EXPECT_NEAR(r->t, -0.04 / (kStddev * std::sqrt(0.4)), 1e-9);
  // t = -2 with 4 degrees of freedom: two-sided p = 0.1161165.
  EXPECT_NEAR(r->p_value, 0.1161165, 1e-6);
  auto one = CompareWithRepeats(kBaseline, std::vector<double>{0.80}, 0.95);
  ASSERT_TRUE(one.ok());
  EXPECT_GT(one->p_value, r->p_value);
}

TEST(CompareWithRepeats, TwoRepeatsGiveOneDegreeOfFreedom) {
  const std::vector<double> baseline = {0.5, 0.6};  // s = 0.1 / sqrt(2)
  const double se = 0.1 / std::sqrt(2.0) * std::sqrt(1.5);
  auto r = CompareWithRepeats(baseline,
                              std::vector<double>{0.55 + 12.706205 * se}, 0.95);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->degrees_of_freedom, 1);
  EXPECT_NEAR(r->p_value, 0.05, 1e-6);
}

TEST(CompareWithRepeats, IdenticalBaselineRepeatsMakeAnyChangeBeyondNoise) {
  const std::vector<double> baseline(4, 0.9);
  auto drop = CompareWithRepeats(baseline, std::vector<double>{0.89}, 0.95);
  ASSERT_TRUE(drop.ok());
  EXPECT_EQ(drop->p_value, 0);
  EXPECT_TRUE(std::isinf(drop->t) && drop->t < 0);
  auto same = CompareWithRepeats(baseline, std::vector<double>{0.9}, 0.95);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->p_value, 1);
}

TEST(CompareWithRepeats, TooFewValuesAreUsageErrors) {
  EXPECT_FALSE(CompareWithRepeats(std::vector<double>{0.9},
                                  std::vector<double>{0.8}, 0.95)
                   .ok());
  EXPECT_FALSE(CompareWithRepeats(kBaseline, std::vector<double>{}, 0.95).ok());
  EXPECT_FALSE(
      CompareWithRepeats(kBaseline, std::vector<double>{0.8}, 1.0).ok());
}

}  // namespace
}  // namespace ieval
