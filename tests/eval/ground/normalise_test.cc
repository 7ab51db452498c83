#include "ieval/ground/normalise.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

TEST(NormaliseTextTest, FoldsCaseAccentsApostrophesDashesAndSpace) {
  EXPECT_EQ(NormaliseText("ÉTATS-Unis").text, "etats-unis");
  EXPECT_EQ(NormaliseText("l\u2019OTAN").text, "l'otan");
  EXPECT_EQ(NormaliseText("Kim\u2011Jong\u2013Un").text, "kim-jong-un");
  EXPECT_EQ(NormaliseText("a \u00A0\u202F\n b").text, "a b");
  EXPECT_EQ(NormaliseText("Straße").text, "strasse");
  // Guillemets are not quotes to be unified: they stay.
  EXPECT_EQ(NormaliseText("\u00ABOui\u00BB").text, "\u00aboui\u00bb");
}

TEST(NormaliseTextTest, MapsEveryByteBackToItsCodePoint) {
  // « é » : é is 2 bytes but 1 code point; the emoji 4 bytes, 1 code point.
  const NormalisedText n =
      NormaliseText("\u00AB\u00A0\u00C9t\u00E9\U0001F600x");
  // «, space, e, t, e, 😀, x
  EXPECT_EQ(n.text, "\u00AB et\u0065\U0001F600x");
  ASSERT_EQ(n.origin.size(), n.text.size());
  EXPECT_EQ(n.codepoints, 7);
  const size_t x = n.text.size() - 1;
  EXPECT_EQ(n.origin[x], 6);
  EXPECT_EQ(n.origin[x - 4], 5);  // the emoji's first byte
  EXPECT_EQ(n.OriginalSpan(3, 6), (std::pair<int64_t, int64_t>{2, 5}));
}

TEST(NormaliseTextTest, SpanKeepsTrailingCombiningMarks) {
  // "Mare" + U+0301: the mark is dropped but belongs to the span of "mare".
  const NormalisedText n = NormaliseText("Mare\u0301 x");
  EXPECT_EQ(n.text, "mare x");
  EXPECT_TRUE(n.dropped[4]);
  EXPECT_EQ(n.OriginalSpan(0, 4), (std::pair<int64_t, int64_t>{0, 5}));
  // White space merged into a run is not pulled into a span.
  const NormalisedText s = NormaliseText("ab  c");
  EXPECT_EQ(s.OriginalSpan(0, 2), (std::pair<int64_t, int64_t>{0, 2}));
}

TEST(GroundKeyTest, TrimsAndNormalises) {
  EXPECT_EQ(GroundKey("  Corée\u00A0du  Nord\n"), "coree du nord");
  EXPECT_EQ(GroundKey(" \u00A0 "), "");
  EXPECT_EQ(GroundKey("\u0301"), "");
}

}  // namespace
}  // namespace ieval
