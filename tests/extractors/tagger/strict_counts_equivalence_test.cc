// StrictSpanCounts (the real scorer's strict mode) against the minimal
// matcher app/cli/strict_counts.cc it replaces: the same counts, overall
// and per type, on random flat gold with overlapping, nested, shifted and
// mistyped predictions, and on types left out of the trained ones.
#include <gtest/gtest.h>

#include <random>

#include "ieval/extractors/tagger/strict_summary.h"
#include "strict_counts.h"
#include "testing/random_document.h"

namespace ieval::tagger {
namespace {

TEST(StrictSpanCounts, EqualsTheMinimalStrictMatcherOnRandomDocuments) {
  std::mt19937 rng(20240611);
  const std::vector<std::vector<std::string>> type_sets = {
      {"A", "B", "C"}, {"A", "C"}, {"B"}, {"A", "B", "C", "D"}};
  int compared = 0;
  for (int i = 0; i < 3000; ++i) {
    const testing::RandomDocument r =
        testing::MakeRandomDocument(rng, 5 + i % 60);
    AnnotatedDocument gold;
    gold.document.doc_id = "r" + std::to_string(i);
    gold.annotations.mentions = r.gold;
    Annotations pred;
    pred.mentions = r.pred;
    for (const auto& types : type_sets) {
      const TypedCounts want = ieval::StrictCounts(r.gold, r.pred, types);
      const TypedCounts got = StrictSpanCounts(gold, pred, types);
      ASSERT_EQ(got, want) << "document " << i;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 12000);
}

}  // namespace
}  // namespace ieval::tagger
