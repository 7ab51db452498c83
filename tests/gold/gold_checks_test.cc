// The gold checks (gold_checks.h) on small hand-made documents, so that a
// check that passes on the real gold is known to be able to fail.
#include "gold_checks.h"

#include <gtest/gtest.h>

namespace ieval::gold {
namespace {

Mention Span(int64_t start, int64_t end, const std::string& type = "LOC") {
  Mention m;
  m.id = "T" + std::to_string(start);
  m.start = start;
  m.end = end;
  m.type = type;
  return m;
}

AnnotatedDocument Doc(const std::string& id, const std::string& text,
                      std::vector<Mention> mentions) {
  AnnotatedDocument doc;
  doc.document = {id, text};
  doc.has_text = true;
  doc.annotations.mentions = std::move(mentions);
  return doc;
}

// What FindUnannotatedOccurrences reports in `documents`, as
// "doc_id surface@start" (start in code points).
std::vector<std::string> Missed(std::vector<AnnotatedDocument> documents) {
  Corpus corpus;
  corpus.documents = std::move(documents);
  std::vector<std::string> out;
  for (const MissedOccurrence& m : FindUnannotatedOccurrences(corpus))
    out.push_back(m.doc_id + " " + m.surface + "@" + std::to_string(m.start));
  return out;
}

using Lines = std::vector<std::string>;

TEST(FindUnannotatedOccurrences, ReportsAnOccurrenceLeftOut) {
  // "Moscou" annotated once, not the second time.
  EXPECT_EQ(Missed({Doc("d1", "Moscou et Moscou.", {Span(0, 6)})}),
            Lines{"d1 Moscou@10"});
}

TEST(FindUnannotatedOccurrences, LooksAcrossDocuments) {
  EXPECT_EQ(Missed({Doc("d1", "Moscou.", {Span(0, 6)}),
                    Doc("d2", "Vers Moscou.", {})}),
            Lines{"d2 Moscou@5"});
}

TEST(FindUnannotatedOccurrences, AcceptsAnOccurrenceInsideALongerMention) {
  // "Russie" alone, and inside "Fédération de Russie" (flat: longest wins).
  EXPECT_EQ(Missed({Doc("d1", "Russie, Fédération de Russie",
                        {Span(0, 6), Span(8, 28)})}),
            Lines{});
}

TEST(FindUnannotatedOccurrences, MatchesWholeWordsOnly) {
  // "Kim" inside "Kimchi" is not an occurrence; after a hyphen it is.
  EXPECT_EQ(Missed({Doc("d1", "Kim, Kimchi, Chine-Kim", {Span(0, 3)})}),
            Lines{"d1 Kim@19"});
}

TEST(FindUnannotatedOccurrences, CountsCodePointsNotBytes) {
  // « é » and U+00A0 are one code point each.
  EXPECT_EQ(Missed({Doc("d1", "Pékin\u00a0« Pékin »", {Span(0, 5)})}),
            Lines{"d1 Pékin@8"});
}

TEST(ParseExceptions, ReadsSurfaceAndReason) {
  std::vector<std::string> malformed;
  auto got = ParseExceptions(
      "# Exceptions\n"
      "exception: \"Kim\" — the dog of 003, not the leader\n"
      "Text mentioning exception: \"x\" mid-line is not one.\n"
      "exception: \"Oslo\" -- a second form of dash\n",
      &malformed);
  EXPECT_TRUE(malformed.empty());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].surface, "Kim");
  EXPECT_EQ(got[0].reason, "the dog of 003, not the leader");
  EXPECT_EQ(got[1].surface, "Oslo");
}

TEST(ParseExceptions, ReportsAMalformedLine) {
  std::vector<std::string> malformed;
  auto got =
      ParseExceptions("exception: Kim without quotes or reason\n", &malformed);
  EXPECT_TRUE(got.empty());
  ASSERT_EQ(malformed.size(), 1u);
}

TEST(IsExcludedSpanEdge, RejectsSpacePunctuationAndQuotes) {
  for (char32_t c : {U' ', U'\u00a0', U'\u202f', U'\n', U'.', U',', U'«', U'»',
                     U'\u2019', U'"', U'(', U'-', U'$'}) {
    EXPECT_TRUE(IsExcludedSpanEdge(c)) << static_cast<uint32_t>(c);
  }
}

TEST(IsExcludedSpanEdge, AcceptsLettersAndDigits) {
  for (char32_t c : {U'a', U'É', U'é', U'0', U'9'}) {
    EXPECT_FALSE(IsExcludedSpanEdge(c)) << static_cast<uint32_t>(c);
  }
}

TEST(ValueForms, AcceptTheSpecsExamples) {
  for (const char* v :
       {"2024-11-09", "XXXX-11-11", "XXXX-06", "2024", "XXXX-WXX-5"}) {
    EXPECT_TRUE(IsTimexDate(v)) << v;
  }
  for (const char* v : {"11000", "3765", "2.5"}) EXPECT_TRUE(IsPlainDecimal(v));
  EXPECT_TRUE(IsEntitySlug("kim_jong_un"));
}

TEST(ValueForms, RejectWhatTheSpecDoesNot) {
  for (const char* v : {"9 novembre 2024", "juin", "24-11-09", "XXXX-6",
                        "2024-11-09T10", "XXXX-WXX-8", ""}) {
    EXPECT_FALSE(IsTimexDate(v)) << v;
  }
  for (const char* v : {"11'000", "10 000", "3,765", "dix", ""}) {
    EXPECT_FALSE(IsPlainDecimal(v)) << v;
  }
  for (const char* v : {"Kim_Jong_Un", "kim-jong-un", "corée", "_x", ""}) {
    EXPECT_FALSE(IsEntitySlug(v)) << v;
  }
}

}  // namespace
}  // namespace ieval::gold
