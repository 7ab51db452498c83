// BootstrapPrf and QuantileLinear: numpy's quantiles, micro-averaging,
// determinism, and coverage on synthetic data with a known F1.
#include "ieval/stats/bootstrap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "testing/stats_fixtures.h"

namespace ieval {
namespace {

using ::ieval::testing::CountsFromJson;
using ::ieval::testing::LoadFixtureCases;
using ::ieval::testing::Synthetic;
using ::ieval::testing::SyntheticCorpus;
using ::ieval::testing::TrueF1;

TEST(QuantileLinear, MatchesNumpyQuantile) {
  for (const auto& c : LoadFixtureCases("quantile.json")) {
    const auto values = c.at("sorted_values").get<std::vector<double>>();
    const auto qs = c.at("q").get<std::vector<double>>();
    const auto expected = c.at("expected").get<std::vector<double>>();
    for (size_t i = 0; i < qs.size(); ++i) {
      EXPECT_DOUBLE_EQ(QuantileLinear(values, qs[i]), expected[i])
          << "q " << qs[i] << " of " << values.size() << " values";
    }
  }
}

TEST(DistinctBootstrapResamples, IsTheNumberOfMultisets) {
  EXPECT_EQ(DistinctBootstrapResamples(1), 1);
  EXPECT_EQ(DistinctBootstrapResamples(5), 126);
  EXPECT_EQ(DistinctBootstrapResamples(10), 92378);
  EXPECT_TRUE(std::isinf(DistinctBootstrapResamples(100000)));
}

TEST(BootstrapPrf, EstimateIsMicroAveragedFromSummedCounts) {
  // Per-document F1s are 1 and 0 (mean 0.5); the summed counts give
  // P = 9/10, R = 9/10.
  const std::vector<PrfCounts> docs = {{9, 0, 0}, {0, 1, 1}};
  auto ci = BootstrapPrf(docs);
  ASSERT_TRUE(ci.ok()) << ci.status().ToString();
  EXPECT_DOUBLE_EQ(ci->precision.estimate, 0.9);
  EXPECT_DOUBLE_EQ(ci->recall.estimate, 0.9);
  EXPECT_DOUBLE_EQ(ci->f1.estimate, 0.9);
  EXPECT_EQ(ci->units, 2);
  EXPECT_EQ(ci->resamples, 1000);
  EXPECT_EQ(ci->confidence, 0.95);
}

TEST(BootstrapPrf, IntervalMatchesTheExactBootstrapOfFiveDocuments) {
  // The exact bootstrap distribution of 5 documents (all 5^5 resamples,
  // fixture): with 20,000 resamples, the SD and 2.5/97.5 % points agree.
  const auto c = LoadFixtureCases("bootstrap_exact.json").at(0);
  const std::vector<PrfCounts> docs = CountsFromJson(c.at("units"));
  auto ci = BootstrapPrf(docs, {.resamples = 20000, .seed = 3});
  ASSERT_TRUE(ci.ok());
  const double sd = c.at("f1_sd");
  EXPECT_NEAR(ci->f1.std_error, sd, 0.05 * sd);
  EXPECT_NEAR(ci->f1.lower, c.at("f1_cdf").at(0).at("t").get<double>(),
              0.25 * sd);
  EXPECT_NEAR(ci->f1.upper, c.at("f1_cdf").at(4).at("t").get<double>(),
              0.25 * sd);
}

TEST(BootstrapPrf, IsDeterministicGivenTheSeed) {
  const auto docs = SyntheticCorpus({}, 50, 1);
  auto a = BootstrapPrf(docs, {.seed = 77});
  auto b = BootstrapPrf(docs, {.seed = 77});
  auto c = BootstrapPrf(docs, {.seed = 78});
  EXPECT_EQ(a->f1.lower, b->f1.lower);
  EXPECT_EQ(a->f1.upper, b->f1.upper);
  EXPECT_EQ(a->precision.std_error, b->precision.std_error);
  EXPECT_NE(a->f1.std_error, c->f1.std_error);
}

TEST(BootstrapPrf, DoesNotDependOnTheOrderOfDocuments) {
  auto docs = SyntheticCorpus({}, 50, 2);
  auto before = BootstrapPrf(docs);
  std::shuffle(docs.begin(), docs.end(), std::mt19937_64(5));
  auto after = BootstrapPrf(docs);
  EXPECT_EQ(before->f1.lower, after->f1.lower);
  EXPECT_EQ(before->f1.upper, after->f1.upper);
}

TEST(BootstrapPrf, OneDocumentGivesAZeroWidthInterval) {
  auto ci = BootstrapPrf(std::vector<PrfCounts>{{3, 1, 2}});
  ASSERT_TRUE(ci.ok());
  EXPECT_EQ(ci->f1.lower, ci->f1.estimate);
  EXPECT_EQ(ci->f1.upper, ci->f1.estimate);
  EXPECT_EQ(ci->f1.std_error, 0);
}

TEST(BootstrapPrf, IntervalNarrowsWithMoreDocuments) {
  // Same extractor, 5 vs 500 documents: the 95 % interval of F1 is several
  // times narrower (width ~ 1 / sqrt(N)).
  auto few = BootstrapPrf(SyntheticCorpus({}, 5, 3));
  auto many = BootstrapPrf(SyntheticCorpus({}, 500, 3));
  const double few_width = few->f1.upper - few->f1.lower;
  const double many_width = many->f1.upper - many->f1.lower;
  EXPECT_GT(few_width, 4 * many_width);
}

TEST(BootstrapPrf, CoversTheTrueF1AboutNinetyFivePercentOfTheTime) {
  // 200 corpora of 100 documents from a known distribution; the 95 %
  // percentile interval should contain the population F1 in ~190 of them
  // (binomial SD ~3; the percentile method undercovers slightly at N=100).
  const Synthetic s{.recall = 0.7, .spurious = 0.4};
  const double truth = TrueF1(s);
  int covered = 0;
  const int trials = 200;
  for (int t = 0; t < trials; ++t) {
    auto ci = BootstrapPrf(SyntheticCorpus(s, 100, 1000 + t),
                           {.resamples = 1000, .seed = uint64_t(t)});
    ASSERT_TRUE(ci.ok());
    covered += ci->f1.lower <= truth && truth <= ci->f1.upper;
  }
  EXPECT_GE(covered, 178);  // 89 %
  EXPECT_LE(covered, 198);  // 99 %
}

TEST(BootstrapPrf, RejectsEmptyInputAndBadOptions) {
  EXPECT_EQ(BootstrapPrf({}).status().code(), Status::Code::kUsage);
  const std::vector<PrfCounts> docs = {{1, 0, 0}};
  EXPECT_EQ(BootstrapPrf(docs, {.resamples = 0}).status().code(),
            Status::Code::kUsage);
  EXPECT_EQ(BootstrapPrf(docs, {.confidence = 1.0}).status().code(),
            Status::Code::kUsage);
  EXPECT_EQ(BootstrapPrf(docs, {.confidence = 0.0}).status().code(),
            Status::Code::kUsage);
}

TEST(BootstrapPrf, NamesTheUnitWithANegativeCount) {
  const std::vector<PrfCounts> docs = {{1, 0, 0}, {2, -1, 0}};
  auto ci = BootstrapPrf(docs);
  EXPECT_EQ(ci.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(ci.status().message().find("unit 1"), std::string::npos)
      << ci.status().message();
}

}  // namespace
}  // namespace ieval
