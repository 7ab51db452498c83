// Look-up keys, slugs and the French-aware pieces shared by the gazetteer
// and the rules.
#include <gtest/gtest.h>

#include "ieval/extractors/lexicon/normalize.h"
#include "ieval/extractors/lexicon/phrase_index.h"
#include "ieval/extractors/lexicon/text_view.h"
#include "testing/extractor_testing.h"

namespace ieval {
namespace {

TEST(MatchKey, FoldsCaseDiacriticsAndApostrophes) {
  EXPECT_EQ(MatchKey("\xC3\x89tats"), "etats");  // États
  EXPECT_EQ(MatchKey("CÔTE D\xE2\x80\x99IVOIRE"), "cote d'ivoire");
  EXPECT_EQ(MatchKey("Kou\xC3\xAFsk"), "kouisk");  // Kouïsk
}

TEST(Slug, IsLowerCaseAsciiWithUnderscores) {
  EXPECT_EQ(Slug("C\xC3\xB4te d\xE2\x80\x99Ivoire"), "cote_d_ivoire");
  EXPECT_EQ(Slug("Congo - Kinshasa"), "congo_kinshasa");
  EXPECT_EQ(Slug("Kim Jong-un"), "kim_jong_un");
  EXPECT_EQ(Slug("\xC5\x92uvre"), "oeuvre");  // Œuvre
}

TEST(TextView, SplitsElidedArticleFromTheNameAfterIt) {
  const std::string text = "l\xE2\x80\x99OTAN et d'Oslo";
  auto view = TextView::Make(text);
  ASSERT_TRUE(view.ok());
  const auto& p = view->pieces();
  ASSERT_GE(p.size(), 5u);
  EXPECT_EQ(p[0].key, "l'");
  EXPECT_EQ(p[1].text, "OTAN");
  EXPECT_EQ(p[1].start, 2);  // after "l’", one code point each
  EXPECT_EQ(p[3].key, "d'");
  EXPECT_EQ(p[4].text, "Oslo");
}

TEST(TextView, KeepsAujourdhuiWhole) {
  auto view = TextView::Make("aujourd'hui");
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->pieces().size(), 1u);
}

TEST(TextView, MarksSpacesAndLineBreaksBeforePieces) {
  auto view = TextView::Make("Kim\nPoutine a");
  ASSERT_TRUE(view.ok());
  const auto& p = view->pieces();
  ASSERT_EQ(p.size(), 3u);
  EXPECT_TRUE(p[1].line_break_before);
  EXPECT_TRUE(p[2].space_before);
  EXPECT_FALSE(p[2].line_break_before);
}

TEST(PhraseIndex, ReturnsLongestMatchFirst) {
  PhraseIndex index;
  index.Add({"coree"}, 1);
  index.Add({"coree", "du", "nord"}, 2);
  auto view = TextView::Make("Corée du Nord");
  ASSERT_TRUE(view.ok());
  const auto matches = index.MatchesAt(view->pieces(), 0);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].end, 3u);
  EXPECT_EQ(matches[0].payloads->front(), 2);
  EXPECT_EQ(matches[1].end, 1u);
}

}  // namespace
}  // namespace ieval
