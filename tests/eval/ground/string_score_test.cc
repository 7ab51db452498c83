#include "ieval/ground/string_score.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

Mention M(const std::string& type, const std::string& text) {
  Mention m;
  m.type = type;
  m.text = text;
  return m;
}

TEST(ScoreStringsTest, CountsMultisetsOfTypeAndNormalisedText) {
  const std::vector<Mention> gold = {M("LOC", "Russie"), M("LOC", "Russie"),
                                     M("PER", "Kim"), M("ORG", "l’OTAN")};
  const std::vector<Mention> pred = {M("LOC", "RUSSIE"), M("PER", "Kim"),
                                     M("PER", "Kim"), M("ORG", "l'OTAN"),
                                     M("LOC", "Kim")};
  const StringScore s = ScoreStrings("", gold, pred);
  EXPECT_EQ(s.overall, (StringCounts{3, 2, 1}));
  EXPECT_EQ(s.per_type.at("LOC"), (StringCounts{1, 1, 1}));
  EXPECT_EQ(s.per_type.at("PER"), (StringCounts{1, 1, 0}));
  EXPECT_EQ(s.per_type.at("ORG"), (StringCounts{1, 0, 0}));
}

TEST(ScoreStringsTest, ReadsMissingTextAtTheOffsets) {
  // Offsets are code points: « and U+00A0 are one each.
  Mention gold;
  gold.type = "LOC";
  gold.start = 2;
  gold.end = 8;
  Mention no_text;
  no_text.type = "LOC";
  const StringScore s = ScoreStrings("\u00AB\u00A0Russie\u00A0\u00BB", {gold},
                                     {M("LOC", "russie"), no_text});
  EXPECT_EQ(s.overall, (StringCounts{1, 1, 0}));
}

TEST(ScoreStringsTest, DocumentsAdd) {
  StringScore a = ScoreStrings("", {M("PER", "Kim")}, {M("PER", "Kim")});
  a += ScoreStrings("", {M("PER", "Moon")}, {});
  EXPECT_EQ(a.overall, (StringCounts{1, 0, 1}));
  EXPECT_EQ(a.per_type.at("PER"), (StringCounts{1, 0, 1}));
}

}  // namespace
}  // namespace ieval
