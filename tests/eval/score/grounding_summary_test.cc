// Predictions without a place and predictions given by their text: the
// ungrounded are false positives of their type in every mode (never
// dropped), the credits by alignment add up to each mode's tp, and
// GroundPending places strings where the policy says.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ieval/score/by_alignment.h"
#include "ieval/score/grounding_summary.h"
#include "ieval/score/scorer.h"

namespace ieval {
namespace {

Mention M(const std::string& id, int64_t start, int64_t end,
          const std::string& type, const std::string& text,
          MentionAlignment a = MentionAlignment::kGiven) {
  Mention m;
  m.id = id;
  m.start = start;
  m.end = end;
  m.type = type;
  m.text = text;
  m.alignment = a;
  return m;
}

// "Kim a vu Kim à Séoul."
const Document kDoc{"d1", "Kim a vu Kim à Séoul."};
const Annotations kGold{
    {M("T1", 0, 3, "PER", "Kim"), M("T2", 9, 12, "PER", "Kim"),
     M("T3", 15, 20, "LOC", "Séoul")},
    {}};

TEST(ScoreUngrounded, IsAFalsePositiveOfItsTypeInEveryMode) {
  Annotations pred{
      {M("#1", 0, 3, "PER", "Kim"),
       M("#2", 0, 0, "ORG", "OTAN", MentionAlignment::kUngrounded)},
      {}};
  const DocumentScores s = ScoreDocument(kDoc, kGold, pred, ScoreOptions());
  EXPECT_EQ(s.entities.predicted_mentions, 2);
  for (SpanMode m : kSpanModes) {
    EXPECT_EQ(s.entities.mode(m).overall.fp, 1) << SpanModeName(m);
    EXPECT_EQ(s.entities.mode(m).per_type.at("ORG").fp, 1);
  }
  EXPECT_EQ(s.entities.scheme(SemevalScheme::kStrict).overall.spurious, 1);
  EXPECT_EQ(s.entities.errors.counts[static_cast<size_t>(ErrorKind::kSpurious)],
            1);
  ASSERT_EQ(
      s.entities.errors.examples[static_cast<size_t>(ErrorKind::kSpurious)]
          .size(),
      1u);
  // A --types filter leaves it out with its type.
  ScoreOptions per_only;
  per_only.types = {"PER"};
  EXPECT_EQ(ScoreDocument(kDoc, kGold, pred, per_only)
                .entities.mode(SpanMode::kStrict)
                .overall.fp,
            0);
}

TEST(ScoreUngrounded, ARelationToItIsAFalsePositive) {
  Annotations gold = kGold;
  gold.relations = {{"located_in", "T1", "T3"}};
  Annotations pred{
      {M("A", 0, 3, "PER", "Kim"),
       M("B", 0, 0, "LOC", "Pyongyang", MentionAlignment::kUngrounded)},
      {{"located_in", "A", "B"}}};
  const DocumentScores s = ScoreDocument(kDoc, gold, pred, ScoreOptions());
  EXPECT_EQ(s.relations.strict.overall.tp, 0);
  EXPECT_EQ(s.relations.strict.overall.fp, 1);
  EXPECT_EQ(s.relations.strict.overall.fn, 1);
}

TEST(ScoreByAlignment, CreditsAddUpToEachModesTp) {
  Annotations pred{
      {M("#1", 0, 3, "PER", "Kim", MentionAlignment::kExact),
       M("#2", 9, 11, "PER", "Ki", MentionAlignment::kFuzzy),
       M("#3", 15, 20, "LOC", "Seoul", MentionAlignment::kNormalised),
       M("#4", 0, 0, "PER", "Un", MentionAlignment::kUngrounded)},
      {}};
  const ScoreOptions options;
  const ByAlignment by = ScoreByAlignment(kGold, pred, options);
  const DocumentScores s = ScoreDocument(kDoc, kGold, pred, options);
  for (SpanMode m : kSpanModes) {
    double tp = 0;
    for (const AlignmentCredit& c : by.by) tp += c.tp[static_cast<size_t>(m)];
    EXPECT_EQ(tp, s.entities.mode(m).overall.tp) << SpanModeName(m);
  }
  EXPECT_EQ(by[MentionAlignment::kFuzzy].precision(SpanMode::kStrict), 0.0);
  EXPECT_EQ(by[MentionAlignment::kFuzzy].precision(SpanMode::kPartial), 0.5);
  EXPECT_EQ(by[MentionAlignment::kNormalised].precision(SpanMode::kStrict),
            1.0);
  EXPECT_EQ(by[MentionAlignment::kUngrounded].predictions, 1);
  EXPECT_EQ(by[MentionAlignment::kUngrounded].precision(SpanMode::kType), 0.0);
}

TEST(GroundPending, PlacesStringsByPolicyAndKeepsGivenOffsets) {
  Annotations pred{{M("A", 0, 0, "PER", "Kim", MentionAlignment::kPending),
                    M("B", 0, 0, "PER", "Kim", MentionAlignment::kPending),
                    M("C", 15, 20, "LOC", "Séoul")},
                   {}};
  Annotations order = pred;
  const GroundedPredictions g = GroundPending(kDoc.text, order, {}, true);
  EXPECT_TRUE(g.grounded);
  EXPECT_EQ(g.counts.exact, 2);
  ASSERT_EQ(order.mentions.size(), 3u);
  EXPECT_EQ(order.mentions[0].start, 0);
  EXPECT_EQ(order.mentions[1].start, 9);
  EXPECT_EQ(order.mentions[1].alignment, MentionAlignment::kExact);
  EXPECT_EQ(order.mentions[2].alignment, MentionAlignment::kGiven);
  ASSERT_EQ(g.by_policy.size(), 3u);
  // first: both on the first "Kim"; all: each on both, ids suffixed.
  EXPECT_EQ(g.by_policy[1].mentions[1].start, 0);
  ASSERT_EQ(g.by_policy[2].mentions.size(), 5u);
  EXPECT_EQ(g.by_policy[2].mentions[1].id, "A~2");
  GroundingSummary summary;
  const DocumentScores s = ScoreDocument(kDoc, kGold, order, ScoreOptions());
  AddToSummary(kDoc, kGold, order, g, s, ScoreOptions(), OffsetIndex(kDoc.text),
               &summary);
  EXPECT_TRUE(summary.any());
  EXPECT_EQ(summary.given, 1);
  EXPECT_EQ(F1(summary.strict_by_policy[0]), 1.0);
  EXPECT_LT(F1(summary.strict_by_policy[1]), 1.0);
  EXPECT_EQ(summary.strings.overall.tp, 3);
}

TEST(GroundPending, NothingToGroundLeavesTheSummaryEmpty) {
  Annotations pred = kGold;
  const GroundedPredictions g = GroundPending(kDoc.text, pred, {}, true);
  EXPECT_FALSE(g.grounded);
  EXPECT_EQ(pred, kGold);
  GroundingSummary summary;
  AddToSummary(kDoc, kGold, pred, g,
               ScoreDocument(kDoc, kGold, pred, ScoreOptions()), ScoreOptions(),
               OffsetIndex(kDoc.text), &summary);
  EXPECT_FALSE(summary.any());
  EXPECT_EQ(summary.by_alignment[MentionAlignment::kGiven].predictions, 3);
}

}  // namespace
}  // namespace ieval
