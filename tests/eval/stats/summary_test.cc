// Summarize and Quantiles against hand-computed values (numpy.mean,
// numpy.median, numpy.std(ddof=1), numpy.quantile's linear method).
#include "ieval/stats/summary.h"

#include <gtest/gtest.h>

#include <vector>

namespace ieval {
namespace {

const std::vector<double> kValues = {3, 1, 4, 1, 5, 9, 2, 6};

TEST(Summarize, GivesGoogleBenchmarksStatistics) {
  const SampleSummary s = Summarize(kValues);
  EXPECT_EQ(s.count, 8);
  EXPECT_DOUBLE_EQ(s.mean, 3.875);
  EXPECT_DOUBLE_EQ(s.median, 3.5);
  EXPECT_NEAR(s.stddev, 2.7483762, 1e-7);  // sqrt(52.875 / 7)
  EXPECT_NEAR(s.cv, 2.7483762 / 3.875, 1e-7);
  EXPECT_EQ(s.min, 1);
  EXPECT_EQ(s.max, 9);
}

TEST(Summarize, OneValueDoesNotVary) {
  const std::vector<double> one = {0.25};
  const SampleSummary s = Summarize(one);
  EXPECT_EQ(s.count, 1);
  EXPECT_EQ(s.median, 0.25);
  EXPECT_EQ(s.stddev, 0);
  EXPECT_EQ(s.cv, 0);
}

TEST(Summarize, ConstantZeroHasNoNanCoefficient) {
  const std::vector<double> zeros = {0, 0, 0};
  EXPECT_EQ(Summarize(zeros).cv, 0);
}

TEST(Summarize, NothingIsAllZero) {
  const SampleSummary s = Summarize({});
  EXPECT_EQ(s.count, 0);
  EXPECT_EQ(s.mean, 0);
  EXPECT_EQ(s.max, 0);
}

TEST(Quantiles, InterpolateBetweenOrderStatistics) {
  const std::vector<double> qs = {0, 0.5, 0.95, 0.99, 1};
  const std::vector<double> q = Quantiles(kValues, qs);
  ASSERT_EQ(q.size(), qs.size());
  EXPECT_DOUBLE_EQ(q[0], 1);
  EXPECT_DOUBLE_EQ(q[1], 3.5);
  EXPECT_DOUBLE_EQ(q[2], 7.95);  // position 6.65 between 6 and 9
  EXPECT_DOUBLE_EQ(q[3], 8.79);
  EXPECT_DOUBLE_EQ(q[4], 9);
}

TEST(Quantiles, OfOneValueAreThatValue) {
  const std::vector<double> qs = {0.5, 0.99};
  EXPECT_EQ(Quantiles({0.004}, qs), (std::vector<double>{0.004, 0.004}));
}

TEST(Quantiles, OfNothingAreZero) {
  const std::vector<double> qs = {0.5};
  EXPECT_EQ(Quantiles({}, qs), std::vector<double>{0});
}

}  // namespace
}  // namespace ieval
