// seqeval's classification report from counts, numpy's arithmetic included.
#include "ieval/sequence/classification_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ieval {
namespace {

SequenceCounts WithTypes(
    std::initializer_list<std::pair<const char*, ChunkCounts>> types) {
  SequenceCounts c;
  for (const auto& [type, counts] : types) c.per_type[type] = counts;
  return c;
}

TEST(ClassificationReport, PerTypeScoresAndSupport) {
  const auto r = MakeClassificationReport(
      WithTypes({{"PER", {2, 2, 1}}, {"LOC", {1, 0, 0}}}));
  ASSERT_EQ(r.per_type.size(), 2u);
  EXPECT_EQ(r.per_type[0].first, "LOC");           // byte order
  EXPECT_EQ(r.per_type[0].second.precision, 0.0);  // nothing predicted: 0
  EXPECT_EQ(r.per_type[1].second.precision, 0.5);
  EXPECT_EQ(r.per_type[1].second.f1, 0.5);
  EXPECT_EQ(r.per_type[1].second.support, 2);
}

TEST(ClassificationReport, MicroAveragesTheSummedCounts) {
  const auto r = MakeClassificationReport(
      WithTypes({{"PER", {2, 2, 1}}, {"LOC", {1, 5, 1}}}));
  EXPECT_EQ(r.micro.precision, 2.0 / 7.0);
  EXPECT_EQ(r.micro.recall, 2.0 / 3.0);
  EXPECT_EQ(r.micro.support, 3);
}

TEST(ClassificationReport, WeightedAveragesBySupport) {
  const auto r = MakeClassificationReport(
      WithTypes({{"PER", {3, 3, 3}}, {"LOC", {1, 1, 0}}}));
  EXPECT_EQ(r.weighted.recall, 0.75);
  EXPECT_EQ(r.macro.recall, 0.5);
}

TEST(ClassificationReport, MacroIsNanAndTheRestZeroWithoutTypes) {
  const auto r = MakeClassificationReport(SequenceCounts{});
  EXPECT_TRUE(std::isnan(r.macro.f1));
  EXPECT_EQ(r.micro.f1, 0.0);
  EXPECT_EQ(r.weighted.f1, 0.0);
}

TEST(ClassificationReport, WeightedIsZeroWhenNoTypeHasGold) {
  const auto r = MakeClassificationReport(WithTypes({{"PER", {0, 2, 0}}}));
  EXPECT_EQ(r.weighted.precision, 0.0);
  EXPECT_EQ(r.macro.precision, 0.0);
}

TEST(ClassificationReport, TypesWithOnlyACorrectCountAreNotListed) {
  // conlleval.pl can credit a chunk to a type with no gold or found chunk.
  const auto r = MakeClassificationReport(
      WithTypes({{"", {0, 0, 1}}, {"PER", {1, 2, 1}}}));
  ASSERT_EQ(r.per_type.size(), 1u);
  EXPECT_EQ(r.micro.correct, 2);
}

TEST(NumpySum, SumsPairwiseInBlocksOfEight) {
  // Nine values: numpy adds 8 running sums, folds them pairwise, then adds
  // the ninth, which rounds differently from a left-to-right sum.
  std::vector<double> v = {1e16, 1, 1, 1, 1, 1, 1, 1, 1};
  double sequential = 0;
  for (double x : v) sequential += x;
  double r[8];
  for (int j = 0; j < 8; ++j) r[j] = v[j];
  const double pairwise =
      ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])) + v[8];
  EXPECT_EQ(NumpySum(v.data(), v.size()), pairwise);
  EXPECT_NE(pairwise, sequential);
}

TEST(NumpySum, SmallArraysSumLeftToRight) {
  const std::vector<double> v = {0.1, 0.2, 0.3};
  EXPECT_EQ(NumpySum(v.data(), v.size()), (0.0 + 0.1 + 0.2) + 0.3);
}

}  // namespace
}  // namespace ieval
