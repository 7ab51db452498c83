// The real scorers against the slow reference of testing/reference_scorer.h
// on random documents: same alignment, same counts in every mode and
// scheme, overall and per type, same cluster scores.
#include <gtest/gtest.h>

#include <random>

#include "ieval/score/alignment.h"
#include "ieval/score/scorer.h"
#include "testing/random_document.h"
#include "testing/reference_scorer.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeRandomDocument;
using ::ieval::testing::RandomDocument;

constexpr int kDocuments = 400;
constexpr double kTolerance = 1e-12;

std::set<std::pair<int, int>> Pairs(const Alignment& a) {
  std::set<std::pair<int, int>> pairs;
  for (const AlignedPair& p : a.pairs) pairs.insert({p.gold, p.pred});
  return pairs;
}

// Every check runs on flat gold and on gold that nests and overlaps
// (--allow-nested): the scorers' definitions do not assume flat gold.
class RandomCrossCheck : public ::testing::TestWithParam<bool> {
 protected:
  RandomDocument Make(std::mt19937& rng, bool unique_spans = false) const {
    return MakeRandomDocument(rng, 40, unique_spans, GetParam());
  }
};

INSTANTIATE_TEST_SUITE_P(Gold, RandomCrossCheck, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "Nested" : "Flat";
                         });

TEST_P(RandomCrossCheck, AlignmentFollowsItsDefinition) {
  std::mt19937 rng(20240611);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = Make(rng);
    for (double min_overlap : {0.0, 0.28, 0.5, 0.7, 1.0}) {
      for (auto pref :
           {AlignPreference::kBoundaryFirst, AlignPreference::kTypeFirst}) {
        EXPECT_EQ(
            Pairs(Align(d.gold, d.pred, pref, min_overlap)),
            ::ieval::testing::ReferenceAlign(d.gold, d.pred, pref, min_overlap))
            << "document " << i << " min_overlap " << min_overlap;
      }
    }
  }
}

TEST_P(RandomCrossCheck, EntityCountsMatchTheReference) {
  std::mt19937 rng(7);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = Make(rng);
    for (double min_overlap : {0.0, 0.3, 0.5}) {
      ScoreOptions options;
      options.min_overlap = min_overlap;
      const DocumentScores s = ScoreDocument(Annotations{d.gold, {}},
                                             Annotations{d.pred, {}}, options);
      const auto r =
          ::ieval::testing::ReferenceScoreEntities(d.gold, d.pred, min_overlap);
      for (SpanMode m : kSpanModes) {
        const std::string name = SpanModeName(m);
        EXPECT_EQ(s.entities.mode(m).overall, r.overall.at(name))
            << "document " << i << " " << name;
        EXPECT_EQ(s.entities.mode(m).per_type, r.per_type.at(name))
            << "document " << i << " " << name;
      }
      for (SemevalScheme sc : kSemevalSchemes) {
        const std::string name = SemevalSchemeName(sc);
        EXPECT_EQ(s.entities.scheme(sc).overall, r.semeval.at(name))
            << "document " << i << " " << name;
        EXPECT_EQ(s.entities.scheme(sc).per_type, r.semeval_per_type.at(name))
            << "document " << i << " " << name;
      }
    }
  }
}

// Two definitions that need no alignment at all, which are maximum
// one-to-one matchings: strict tp is the number of (span, type) shared by
// gold and prediction, exact tp the number of spans shared (both counted
// with multiplicity: min(gold, predicted) of each; nested gold may repeat a
// span with another type).
TEST_P(RandomCrossCheck, StrictAndExactEqualTheirSetDefinitions) {
  std::mt19937 rng(99);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = Make(rng);
    const DocumentScores s =
        ScoreDocument(Annotations{d.gold, {}}, Annotations{d.pred, {}}, {});
    std::map<std::tuple<int64_t, int64_t, std::string>, int> g, p;
    std::map<std::pair<int64_t, int64_t>, int> gold_spans, pred_spans;
    for (const Mention& m : d.gold) {
      ++g[{m.start, m.end, m.type}];
      ++gold_spans[{m.start, m.end}];
    }
    for (const Mention& m : d.pred) {
      ++p[{m.start, m.end, m.type}];
      ++pred_spans[{m.start, m.end}];
    }
    double strict = 0, exact = 0;
    for (const auto& [key, n] : g)
      if (p.count(key)) strict += std::min(n, p.at(key));
    for (const auto& [span, n] : gold_spans)
      if (pred_spans.count(span)) exact += std::min(n, pred_spans.at(span));
    EXPECT_EQ(s.entities.mode(SpanMode::kStrict).overall.tp, strict);
    EXPECT_EQ(s.entities.mode(SpanMode::kExact).overall.tp, exact);
  }
}

TEST_P(RandomCrossCheck, ClusterScoresMatchTheReference) {
  std::mt19937 rng(4242);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = Make(rng, /*unique_spans=*/true);
    const ClusterCounts c = ScoreClusters(d.gold, d.pred);
    const auto r = ::ieval::testing::ReferenceScoreClusters(d.gold, d.pred);
    const std::string at = "document " + std::to_string(i);
    EXPECT_EQ(c.muc.recall_num.ToDouble(), r.muc_recall_num) << at;
    EXPECT_EQ(c.muc.recall_den.ToDouble(), r.muc_recall_den) << at;
    EXPECT_EQ(c.muc.precision_num.ToDouble(), r.muc_precision_num) << at;
    EXPECT_EQ(c.muc.precision_den.ToDouble(), r.muc_precision_den) << at;
    EXPECT_NEAR(c.b3.recall_num.ToDouble(), r.b3_recall_num, kTolerance) << at;
    EXPECT_EQ(c.b3.recall_den.ToDouble(), r.b3_recall_den) << at;
    EXPECT_NEAR(c.b3.precision_num.ToDouble(), r.b3_precision_num, kTolerance)
        << at;
    EXPECT_EQ(c.b3.precision_den.ToDouble(), r.b3_precision_den) << at;
    EXPECT_NEAR(c.ceafe.recall_num.ToDouble(), r.ceafe_num, kTolerance) << at;
    EXPECT_EQ(c.ceafe.recall_den.ToDouble(), r.ceafe_recall_den) << at;
    EXPECT_EQ(c.ceafe.precision_den.ToDouble(), r.ceafe_precision_den) << at;
    EXPECT_NEAR(c.ceafm.recall_num.ToDouble(), r.ceafm_num, kTolerance) << at;
    EXPECT_EQ(c.ceafm.recall_den.ToDouble(), r.ceafm_recall_den) << at;
    EXPECT_EQ(c.ceafm.precision_den.ToDouble(), r.ceafm_precision_den) << at;
    EXPECT_EQ(c.blanc_coref,
              (LinkCounts{r.coref_common, r.coref_gold, r.coref_pred}))
        << at;
    EXPECT_EQ(c.blanc_noncoref,
              (LinkCounts{r.noncoref_common, r.noncoref_gold, r.noncoref_pred}))
        << at;
  }
}

}  // namespace
}  // namespace ieval
