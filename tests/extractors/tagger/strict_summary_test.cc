// The strict counts of the training logs (strict_summary.h), on hand-made
// documents whose text has accents and « », so offsets are code points and
// not bytes.
#include "ieval/extractors/tagger/strict_summary.h"

#include <gtest/gtest.h>

#include <string>

namespace ieval::tagger {
namespace {

int64_t CodePoints(const std::string& utf8) {
  int64_t n = 0;
  for (const char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// `needle` (its first occurrence in `text`) as a mention, in code points.
Mention On(const std::string& text, const std::string& needle,
           const std::string& type) {
  const size_t byte = text.find(needle);
  EXPECT_NE(byte, std::string::npos) << needle;
  Mention m;
  m.start = CodePoints(text.substr(0, byte));
  m.end = m.start + CodePoints(needle);
  m.type = type;
  return m;
}

const std::string kText =
    "\xC2\xAB H\xC3\xA9l\xC3\xA8ne Dupr\xC3\xA9 \xC2\xBB est n\xC3\xA9"
    "e \xC3\xA0 Besan\xC3\xA7on, pr\xC3\xA8s de l\xE2\x80\x99\xC3\x89"
    "glise Saint-\xC3\x89tienne.";
// "« Hélène Dupré » est née à Besançon, près de l’Église Saint-Étienne."

AnnotatedDocument Gold() {
  AnnotatedDocument doc;
  doc.document = {"d", kText};
  doc.has_text = true;
  doc.annotations.mentions = {
      On(kText, "H\xC3\xA9l\xC3\xA8ne Dupr\xC3\xA9", "PER"),
      On(kText, "Besan\xC3\xA7on", "LOC"),
      On(kText, "\xC3\x89glise Saint-\xC3\x89tienne", "LOC")};
  return doc;
}

TEST(StrictSpanCounts, SameCodePointSpanAndTypeIsATruePositive) {
  Annotations pred;
  pred.mentions = {On(kText, "H\xC3\xA9l\xC3\xA8ne Dupr\xC3\xA9", "PER"),
                   On(kText, "Besan\xC3\xA7on", "LOC"),
                   On(kText, "\xC3\x89glise Saint-\xC3\x89tienne", "LOC")};
  const TypedCounts c = StrictSpanCounts(Gold(), pred, {"PER", "LOC"});
  EXPECT_EQ(c.overall, (PrfCounts{3, 0, 0}));
  EXPECT_EQ(c.per_type.at("PER"), (PrfCounts{1, 0, 0}));
  EXPECT_EQ(c.per_type.at("LOC"), (PrfCounts{2, 0, 0}));
}

TEST(StrictSpanCounts, GuillemetInsideTheSpanIsAMissAndASpuriousMention) {
  Annotations pred;
  pred.mentions = {
      On(kText, "\xC2\xAB H\xC3\xA9l\xC3\xA8ne Dupr\xC3\xA9 \xC2\xBB", "PER")};
  const TypedCounts c = StrictSpanCounts(Gold(), pred, {"PER", "LOC"});
  EXPECT_EQ(c.per_type.at("PER"), (PrfCounts{0, 1, 1}));
  EXPECT_EQ(c.per_type.at("LOC"), (PrfCounts{0, 0, 2}));
  EXPECT_EQ(c.overall, (PrfCounts{0, 1, 3}));
}

TEST(StrictSpanCounts, WrongTypeCountsAgainstBothTypes) {
  Annotations pred;
  pred.mentions = {On(kText, "Besan\xC3\xA7on", "PER")};
  const TypedCounts c = StrictSpanCounts(Gold(), pred, {"PER", "LOC"});
  EXPECT_EQ(c.per_type.at("PER"), (PrfCounts{0, 1, 1}));
  EXPECT_EQ(c.per_type.at("LOC"), (PrfCounts{0, 0, 2}));
}

TEST(StrictSpanCounts, EachGoldMentionIsMatchedOnce) {
  Annotations pred;
  const Mention city = On(kText, "Besan\xC3\xA7on", "LOC");
  pred.mentions = {city, city};
  const TypedCounts c = StrictSpanCounts(Gold(), pred, {"LOC"});
  EXPECT_EQ(c.overall, (PrfCounts{1, 1, 1}));
}

TEST(StrictSpanCounts, TypesOutsideTheTrainedOnesAreIgnoredOnBothSides) {
  Annotations pred;
  pred.mentions = {On(kText,
                      "n\xC3\xA9"
                      "e",
                      "DATE"),
                   On(kText, "Besan\xC3\xA7on", "LOC")};
  const TypedCounts c = StrictSpanCounts(Gold(), pred, {"LOC"});
  EXPECT_EQ(c.overall, (PrfCounts{1, 0, 1}));
  EXPECT_EQ(c.per_type.size(), 1u);
}

TEST(StrictSpanCounts, EveryTrainedTypeHasAnEntryEvenWithoutMentions) {
  const TypedCounts c = StrictSpanCounts(Gold(), {}, {"PER", "ORG", "LOC"});
  ASSERT_EQ(c.per_type.count("ORG"), 1u);
  EXPECT_EQ(c.per_type.at("ORG"), (PrfCounts{0, 0, 0}));
  EXPECT_EQ(c.overall, (PrfCounts{0, 0, 3}));
}

TEST(FormatPrf, PercentagesInFieldsOfFiveThenTheCounts) {
  EXPECT_EQ(FormatPrf({120, 28, 40}),
            "P  81.1  R  75.0  F1  77.9  (tp 120, fp 28, fn 40)");
  EXPECT_EQ(FormatPrf({2, 0, 1}),
            "P 100.0  R  66.7  F1  80.0  (tp 2, fp 0, fn 1)");
  EXPECT_EQ(FormatPrf({}), "P   0.0  R   0.0  F1   0.0  (tp 0, fp 0, fn 0)");
}

}  // namespace
}  // namespace ieval::tagger
