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

TEST(FindUnannotatedOccurrences, ReportsAnOccurrenceLeftOut) {
  // "Moscou" annotated once, not the second time.
  Corpus corpus;
  corpus.documents.push_back(Doc("d1", "Moscou et Moscou.", {Span(0, 6)}));
  auto missed = FindUnannotatedOccurrences(corpus);
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].doc_id, "d1");
  EXPECT_EQ(missed[0].surface, "Moscou");
  EXPECT_EQ(missed[0].start, 10);
}

TEST(FindUnannotatedOccurrences, LooksAcrossDocuments) {
  Corpus corpus;
  corpus.documents.push_back(Doc("d1", "Moscou.", {Span(0, 6)}));
  corpus.documents.push_back(Doc("d2", "Vers Moscou.", {}));
  auto missed = FindUnannotatedOccurrences(corpus);
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].doc_id, "d2");
  EXPECT_EQ(missed[0].start, 5);
}

TEST(FindUnannotatedOccurrences, AcceptsAnOccurrenceInsideALongerMention) {
  // "Russie" alone, and inside "Fédération de Russie" (flat: longest wins).
  Corpus corpus;
  corpus.documents.push_back(
      Doc("d1", "Russie, Fédération de Russie", {Span(0, 6), Span(8, 28)}));
  EXPECT_TRUE(FindUnannotatedOccurrences(corpus).empty());
}

TEST(FindUnannotatedOccurrences, MatchesWholeWordsOnly) {
  // "Kim" inside "Kimchi" is not an occurrence; after a hyphen it is.
  Corpus corpus;
  corpus.documents.push_back(Doc("d1", "Kim, Kimchi, Chine-Kim", {Span(0, 3)}));
  auto missed = FindUnannotatedOccurrences(corpus);
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].start, 19);
}

TEST(FindUnannotatedOccurrences, CountsCodePointsNotBytes) {
  // « é » and U+00A0 are one code point each.
  Corpus corpus;
  corpus.documents.push_back(Doc("d1", "Pékin\u00a0« Pékin »", {Span(0, 5)}));
  auto missed = FindUnannotatedOccurrences(corpus);
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].start, 8);
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
