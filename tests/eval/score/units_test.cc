// Finer units (eval/score/include/ieval/score/units.h): where a document is
// cut, which piece a mention belongs to, and that strict counts of the
// pieces add up to the document's.
#include "ieval/score/units.h"

#include <gtest/gtest.h>

#include "testing/mentions.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeMention;

Annotations Of(std::vector<Mention> mentions) {
  Annotations a;
  a.mentions = std::move(mentions);
  return a;
}

// PER at 5, LOC at 20 and ORG at 20 (same start), PER at 40.
Annotations Gold() {
  return Of({MakeMention("T1", 5, 8, "PER"), MakeMention("T2", 20, 30, "LOC"),
             MakeMention("T3", 20, 25, "ORG"),
             MakeMention("T4", 40, 44, "PER")});
}

// T1 found, T2 with a wrong boundary, T4 missed, a spurious DATE at 2.
Annotations Predicted() {
  return Of({MakeMention("P0", 2, 4, "DATE"), MakeMention("P1", 5, 8, "PER"),
             MakeMention("P2", 20, 29, "LOC"),
             MakeMention("P3", 20, 25, "ORG")});
}

TEST(MentionStarts, CutsAtZeroAndEveryDistinctGoldStart) {
  EXPECT_EQ(MentionStarts(Gold()), (std::vector<int64_t>{0, 5, 20, 40}));
  EXPECT_EQ(MentionStarts(Annotations{}), (std::vector<int64_t>{0}));
}

TEST(ScorePieces, MentionBelongsToThePieceItsStartFallsIn) {
  const std::vector<int64_t> starts = MentionStarts(Gold());
  const auto pieces =
      ScorePieces(Document{}, Gold(), Predicted(), starts, ScoreOptions{});
  ASSERT_EQ(pieces.size(), 4u);
  const auto strict = [&](size_t i) {
    return pieces[i].entities.mode(SpanMode::kStrict).overall;
  };
  EXPECT_EQ(strict(0), (PrfCounts{0, 1, 0}));  // the spurious DATE
  EXPECT_EQ(strict(1), (PrfCounts{1, 0, 0}));  // T1
  EXPECT_EQ(strict(2), (PrfCounts{1, 1, 1}));  // T3 found, T2 not
  EXPECT_EQ(strict(3), (PrfCounts{0, 0, 1}));  // T4 missed
}

TEST(ScorePieces, StrictCountsAddUpToTheDocument) {
  const auto whole = ScoreDocument(Gold(), Predicted(), ScoreOptions{});
  for (const std::vector<int64_t>& starts :
       {MentionStarts(Gold()), std::vector<int64_t>{0, 10, 35}}) {
    PrfCounts sum;
    for (const DocumentScores& p :
         ScorePieces(Document{}, Gold(), Predicted(), starts, ScoreOptions{}))
      sum += p.entities.mode(SpanMode::kStrict).overall;
    EXPECT_EQ(sum, whole.entities.mode(SpanMode::kStrict).overall);
  }
}

TEST(PieceUnits, NamesEachPieceByDocumentAndStart) {
  const std::vector<int64_t> starts = {0, 20};
  const auto units = PieceUnits(
      "d1", starts,
      ScorePieces(Document{}, Gold(), Predicted(), starts, ScoreOptions{}));
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[1].doc_id, "d1");
  EXPECT_EQ(units[1].start, 20);
  EXPECT_EQ(units[1].entities[0].per_type.at("ORG"), (PrfCounts{1, 0, 0}));
}

}  // namespace
}  // namespace ieval
