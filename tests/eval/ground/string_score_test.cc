#include "ieval/ground/string_score.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "ieval/core/offset_index.h"

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

namespace ieval {
namespace {

// Pairs of the same type, span and string are counted before the bags are
// built: on random documents the counts are those of the bags alone (every
// mention given as its string, without a span).
TEST(ScoreStringsTest, SameSpanShortcutCountsAsTheBags) {
  std::mt19937 random(7);
  const std::vector<std::string> words = {"Kim", "kim", "Séoul", "Seoul",
                                          "é",   "«",   "OTAN",  "-"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    std::vector<int64_t> starts, ends;  // code points of each word
    int64_t cp = 0;
    for (int w = 0; w < 12; ++w) {
      const std::string& word = words[random() % words.size()];
      starts.push_back(cp);
      text += word;
      cp += static_cast<int64_t>(OffsetIndex(word).codepoints());
      ends.push_back(cp);
      text += " ";
      ++cp;
    }
    const OffsetIndex index(text);
    auto mention = [&](size_t first, size_t last, const char* type,
                       bool with_text) {
      Mention m;
      m.start = starts[first];
      m.end = ends[last];
      m.type = type;
      if (with_text) m.text = std::string(index.Slice(text, m.start, m.end));
      return m;
    };
    std::vector<Mention> gold, pred;
    for (int k = 0; k < 6; ++k) {
      const size_t a = random() % 12,
                   b = std::min<size_t>(11, a + random() % 2);
      const char* type = random() % 2 ? "PER" : "LOC";
      gold.push_back(mention(a, b, type, random() % 2));
      if (random() % 3) pred.push_back(mention(a, b, type, random() % 2));
      if (random() % 3 == 0)
        pred.push_back(mention(random() % 12, random() % 12 < 6 ? 11 : a,
                               random() % 2 ? "PER" : "LOC", true));
    }
    for (Mention& m : pred)
      if (m.start >= m.end) m.end = m.start + 1;
    auto as_strings = [&](std::vector<Mention> v) {
      for (Mention& m : v) {
        if (!m.text) m.text = std::string(index.Slice(text, m.start, m.end));
        m.start = m.end = 0;
      }
      return v;
    };
    const StringScore fast = ScoreStrings(text, gold, pred);
    const StringScore bags =
        ScoreStrings(text, as_strings(gold), as_strings(pred));
    ASSERT_EQ(fast.overall, bags.overall) << text;
    for (const auto& [type, c] : bags.per_type)
      ASSERT_EQ(fast.per_type.at(type), c) << text << " " << type;
  }
}

}  // namespace
}  // namespace ieval
