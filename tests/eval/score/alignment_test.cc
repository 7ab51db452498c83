// The alignment's preferences and tie-breaks
// (eval/score/include/ieval/score/alignment.h), one behaviour per test.
#include "ieval/score/alignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "testing/random_document.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeMention;

// The predicted index paired with each gold mention (-1: none).
std::vector<int> PartnerOfGold(const Alignment& a) {
  std::vector<int> partner;
  for (int32_t k : a.gold_pair)
    partner.push_back(k < 0 ? -1 : a.pairs[static_cast<size_t>(k)].pred);
  return partner;
}

std::vector<int> Partners(
    const std::vector<Mention>& gold, const std::vector<Mention>& pred,
    AlignPreference preference = AlignPreference::kBoundaryFirst,
    double min_overlap = 0.0) {
  return PartnerOfGold(Align(gold, pred, preference, min_overlap));
}

TEST(Alignment, AdjacentSpansDoNotOverlap) {
  EXPECT_EQ(Partners({MakeMention("g", 0, 5, "PER")},
                     {MakeMention("p", 5, 10, "PER")}),
            std::vector<int>{-1});
}

TEST(Alignment, ExactSpanAndTypeWinsOverEverything) {
  const std::vector<Mention> gold = {MakeMention("g", 0, 10, "LOC")};
  const std::vector<Mention> pred = {MakeMention("p0", 0, 10, "PER"),
                                     MakeMention("p1", 0, 9, "LOC"),
                                     MakeMention("p2", 0, 10, "LOC")};
  EXPECT_EQ(Partners(gold, pred), std::vector<int>{2});
  EXPECT_EQ(Partners(gold, pred, AlignPreference::kTypeFirst),
            std::vector<int>{2});
}

TEST(Alignment, BoundaryFirstPrefersExactSpanToSameTypeOverlap) {
  const std::vector<Mention> gold = {MakeMention("g", 0, 10, "LOC")};
  const std::vector<Mention> pred = {MakeMention("p0", 2, 8, "LOC"),
                                     MakeMention("p1", 0, 10, "PER")};
  EXPECT_EQ(Partners(gold, pred), std::vector<int>{1});
}

TEST(Alignment, TypeFirstPrefersSameTypeOverlapToWrongTypeExactSpan) {
  const std::vector<Mention> gold = {MakeMention("g", 0, 10, "LOC")};
  const std::vector<Mention> pred = {MakeMention("p0", 2, 8, "LOC"),
                                     MakeMention("p1", 0, 10, "PER")};
  EXPECT_EQ(Partners(gold, pred, AlignPreference::kTypeFirst),
            std::vector<int>{0});
}

TEST(Alignment, GoldOverlappingSeveralPredictionsTakesTheLargestOverlap) {
  const std::vector<Mention> gold = {MakeMention("g", 10, 20, "ORG")};
  const std::vector<Mention> pred = {MakeMention("p0", 5, 12, "ORG"),
                                     MakeMention("p1", 14, 25, "ORG"),
                                     MakeMention("p2", 18, 30, "ORG")};
  EXPECT_EQ(Partners(gold, pred), std::vector<int>{1});
}

TEST(Alignment, PredictionOverlappingSeveralGoldSpansTakesTheLargestOverlap) {
  // The first gold span in text order is NOT preferred (nervaluate's choice).
  const std::vector<Mention> gold = {MakeMention("g0", 0, 10, "ORG"),
                                     MakeMention("g1", 10, 100, "ORG")};
  const std::vector<Mention> pred = {MakeMention("p", 8, 90, "ORG")};
  EXPECT_EQ(Partners(gold, pred), (std::vector<int>{-1, 0}));
}

TEST(Alignment, EqualOverlapsGoToTheCloserBoundaries) {
  const std::vector<Mention> gold = {MakeMention("g", 10, 14, "PER")};
  const std::vector<Mention> pred = {MakeMention("p0", 0, 14, "PER"),
                                     MakeMention("p1", 10, 16, "PER")};
  EXPECT_EQ(Partners(gold, pred), std::vector<int>{1});
}

TEST(Alignment, FullTiesGoToTheFirstGoldSpanInTextOrder) {
  const std::vector<Mention> gold = {MakeMention("g0", 6, 10, "PER"),
                                     MakeMention("g1", 0, 4, "PER")};
  const std::vector<Mention> pred = {MakeMention("p", 2, 8, "PER")};
  EXPECT_EQ(Partners(gold, pred), (std::vector<int>{-1, 0}));
}

TEST(Alignment, MinOverlapIsAShareOfTheGoldSpan) {
  const std::vector<Mention> gold = {MakeMention("g", 0, 10, "PER")};
  EXPECT_EQ(Partners(gold, {MakeMention("p", 0, 4, "PER")},
                     AlignPreference::kBoundaryFirst, 0.5),
            std::vector<int>{-1});
  EXPECT_EQ(Partners(gold, {MakeMention("p", 0, 5, "PER")},
                     AlignPreference::kBoundaryFirst, 0.5),
            std::vector<int>{0});
  // A long prediction covering the whole gold span passes any threshold.
  EXPECT_EQ(Partners(gold, {MakeMention("p", 0, 40, "PER")},
                     AlignPreference::kBoundaryFirst, 1.0),
            std::vector<int>{0});
}

// 0.28 * 25 is 7.000000000000001 in floating point; as decimals it is 7.
TEST(Alignment, MinOverlapIsDecidedExactly) {
  const std::vector<Mention> gold = {MakeMention("g", 0, 25, "PER")};
  EXPECT_EQ(Partners(gold, {MakeMention("p", 18, 30, "PER")},
                     AlignPreference::kBoundaryFirst, 0.28),
            std::vector<int>{0});
  EXPECT_EQ(Partners(gold, {MakeMention("p", 19, 30, "PER")},
                     AlignPreference::kBoundaryFirst, 0.28),
            std::vector<int>{-1});
}

TEST(OverlapThreshold, ComparesTheDecimalWritten) {
  EXPECT_TRUE(OverlapThreshold(0.28).Covers(7, 25));
  EXPECT_FALSE(OverlapThreshold(0.28).Covers(6, 25));
  EXPECT_TRUE(OverlapThreshold(0.1).Covers(1, 10));  // 0.1 * 10 = 1
  EXPECT_FALSE(OverlapThreshold(0.1).Covers(1, 11 * 1000 + 1));
  EXPECT_TRUE(OverlapThreshold(1.0).Covers(25, 25));
  EXPECT_FALSE(OverlapThreshold(1.0).Covers(24, 25));
  EXPECT_TRUE(OverlapThreshold(0.0).Covers(1, int64_t{1} << 61));
  EXPECT_TRUE(OverlapThreshold(1e-30).Covers(1, int64_t{1} << 61));
  EXPECT_FALSE(OverlapThreshold(1e-15).Covers(1, int64_t{1} << 61));
  EXPECT_TRUE(OverlapThreshold(0.333333333333333)
                  .Covers(333333333333333, 1000000000000000));
  EXPECT_FALSE(OverlapThreshold(0.333333333333333)
                   .Covers(333333333333332, 1000000000000000));
}

TEST(Alignment, NestedPredictionsArePairedAtMostOnce) {
  const std::vector<Mention> gold = {MakeMention("g0", 0, 10, "ORG"),
                                     MakeMention("g1", 12, 20, "LOC")};
  const std::vector<Mention> pred = {MakeMention("p0", 0, 20, "ORG"),
                                     MakeMention("p1", 0, 10, "ORG"),
                                     MakeMention("p2", 2, 5, "ORG")};
  const Alignment a = Align(gold, pred, AlignPreference::kBoundaryFirst, 0);
  EXPECT_EQ(PartnerOfGold(a), (std::vector<int>{1, 0}));
  EXPECT_EQ(a.pred_pair[2], -1);
}

TEST(Alignment, DuplicatePredictionsPairOnlyOnce) {
  const std::vector<Mention> gold = {MakeMention("g", 0, 4, "PER")};
  const std::vector<Mention> pred = {MakeMention("p0", 0, 4, "PER"),
                                     MakeMention("p1", 0, 4, "PER")};
  const Alignment a = Align(gold, pred, AlignPreference::kBoundaryFirst, 0);
  EXPECT_EQ(a.pairs.size(), 1u);
}

TEST(Alignment, OverlappingGoldIsAlignedToo) {
  // Gold validation rejects it, but the library must not misbehave.
  const std::vector<Mention> gold = {MakeMention("g0", 0, 30, "ORG"),
                                     MakeMention("g1", 2, 5, "LOC"),
                                     MakeMention("g2", 20, 25, "LOC")};
  const std::vector<Mention> pred = {MakeMention("p0", 21, 25, "LOC"),
                                     MakeMention("p1", 2, 5, "LOC"),
                                     MakeMention("p2", 0, 30, "ORG")};
  EXPECT_EQ(Partners(gold, pred), (std::vector<int>{2, 1, 0}));
}

TEST(Alignment, InputOrderDoesNotChangeThePairs) {
  std::mt19937 rng(1);
  for (int i = 0; i < 200; ++i) {
    const auto d = ::ieval::testing::MakeRandomDocument(rng, 50);
    auto gold = d.gold, pred = d.pred;
    std::shuffle(gold.begin(), gold.end(), rng);
    std::shuffle(pred.begin(), pred.end(), rng);
    auto by_ids = [](const std::vector<Mention>& g,
                     const std::vector<Mention>& p, const Alignment& a) {
      std::set<std::pair<std::string, std::string>> ids;
      for (const AlignedPair& x : a.pairs)
        ids.insert({g[static_cast<size_t>(x.gold)].id,
                    p[static_cast<size_t>(x.pred)].id});
      return ids;
    };
    for (auto pref :
         {AlignPreference::kBoundaryFirst, AlignPreference::kTypeFirst}) {
      EXPECT_EQ(by_ids(d.gold, d.pred, Align(d.gold, d.pred, pref, 0)),
                by_ids(gold, pred, Align(gold, pred, pref, 0)));
    }
  }
}

}  // namespace
}  // namespace ieval
