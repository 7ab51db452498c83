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

TEST(RandomCrossCheck, AlignmentFollowsItsDefinition) {
  std::mt19937 rng(20240611);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = MakeRandomDocument(rng, 40);
    for (double min_overlap : {0.0, 0.5, 1.0}) {
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

TEST(RandomCrossCheck, EntityCountsMatchTheReference) {
  std::mt19937 rng(7);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = MakeRandomDocument(rng, 40);
    for (double min_overlap : {0.0, 0.5}) {
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

// Two definitions that need no alignment at all: strict tp is the number
// of (span, type) shared by gold and prediction (counted with
// multiplicity), exact tp the number of gold spans predicted.
TEST(RandomCrossCheck, StrictAndExactEqualTheirSetDefinitions) {
  std::mt19937 rng(99);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = MakeRandomDocument(rng, 40);
    const DocumentScores s =
        ScoreDocument(Annotations{d.gold, {}}, Annotations{d.pred, {}}, {});
    std::map<std::tuple<int64_t, int64_t, std::string>, int> g, p;
    std::set<std::pair<int64_t, int64_t>> pred_spans;
    for (const Mention& m : d.gold) ++g[{m.start, m.end, m.type}];
    for (const Mention& m : d.pred) {
      ++p[{m.start, m.end, m.type}];
      pred_spans.insert({m.start, m.end});
    }
    double strict = 0, exact = 0;
    for (const auto& [key, n] : g)
      if (p.count(key)) strict += std::min(n, p.at(key));
    for (const Mention& m : d.gold) exact += pred_spans.count({m.start, m.end});
    EXPECT_EQ(s.entities.mode(SpanMode::kStrict).overall.tp, strict);
    EXPECT_EQ(s.entities.mode(SpanMode::kExact).overall.tp, exact);
  }
}

TEST(RandomCrossCheck, ClusterScoresMatchTheReference) {
  std::mt19937 rng(4242);
  for (int i = 0; i < kDocuments; ++i) {
    const RandomDocument d = MakeRandomDocument(rng, 40, /*unique_spans=*/true);
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
