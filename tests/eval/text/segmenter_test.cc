#include "ieval/text/segmenter.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

std::unique_ptr<Segmenter> Make() {
  auto s = Segmenter::Create("fr");
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

TEST(Segmenter, WordsHaveCodepointOffsetsAroundGuillemets) {
  // "« Kim » a 11 000 soldats 😀." with NBSP inside « » and in the number.
  const std::string text =
      "\xC2\xAB\xC2\xA0Kim\xC2\xA0\xC2\xBB a 11\xC2\xA0"
      "000 soldats "
      "\xF0\x9F\x98\x80.";
  auto tokens = Make()->Words(text);
  ASSERT_GE(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].text, "\xC2\xAB");
  EXPECT_FALSE(tokens[0].is_word);
  EXPECT_EQ(tokens[1].text, "Kim");
  EXPECT_EQ(tokens[1].start, 2);
  EXPECT_EQ(tokens[1].end, 5);
  EXPECT_TRUE(tokens[1].is_word);
  EXPECT_EQ(tokens[2].text, "\xC2\xBB");
  EXPECT_EQ(tokens[2].start, 6);
  // No token is white space.
  for (const auto& t : tokens) EXPECT_NE(t.text, "\xC2\xA0");
  // The last token is "." after the emoji (one code point).
  EXPECT_EQ(tokens.back().text, ".");
  EXPECT_EQ(tokens.back().start, 26);
}

TEST(Segmenter, SentencesEndAtPeriodsAndLineBreaks) {
  const std::string text =
      "Points Cl\xC3\xA9s\nKim a sign\xC3\xA9. Poutine aussi.  \n";
  auto sentences = Make()->Sentences(text);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].start, 0);
  EXPECT_EQ(sentences[0].end, 11);
  EXPECT_EQ(sentences[1].start, 12);
  EXPECT_EQ(sentences[1].end, 24);  // "Kim a signé."
  EXPECT_EQ(sentences[2].start, 25);
  EXPECT_EQ(sentences[2].end, 39);  // trailing spaces excluded
}

TEST(SentenceStarts, CutAtZeroAndEachLaterSentence) {
  const std::string text =
      "  Points Cl\xC3\xA9s\nKim a sign\xC3\xA9. Poutine aussi.";
  // The first sentence starts after the leading spaces: its cut is still 0.
  EXPECT_EQ(SentenceStarts(*Make(), text), (std::vector<int64_t>{0, 14, 27}));
  EXPECT_EQ(SentenceStarts(*Make(), ""), (std::vector<int64_t>{0}));
}

}  // namespace
}  // namespace ieval
