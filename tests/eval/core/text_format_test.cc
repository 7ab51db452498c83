// The one number and text formatter: each convention by its name, NaN as
// "–", no "-0.000" where a value is read as prose, and escapes that keep
// UTF-8 (« », accents, no-break spaces) untouched.
#include "ieval/core/text_format.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ieval {
namespace {

TEST(TextFormat, FixedRoundsToTheDigitsAndNeverReadsMinusZero) {
  EXPECT_EQ(Fixed(0.81249), "0.812");
  EXPECT_EQ(Fixed(12.25, 1), "12.2");  // printf's round-half-even on binary
  EXPECT_EQ(Fixed(95, 0), "95");
  EXPECT_EQ(Fixed(-0.0001), "0.000");
  EXPECT_EQ(Fixed(-0.5), "-0.500");
  EXPECT_EQ(Fixed(std::nan("")), "–");
}

TEST(TextFormat, SignedAlwaysShowsAnAsciiSign) {
  EXPECT_EQ(Signed(0.031), "+0.031");
  EXPECT_EQ(Signed(-0.031), "-0.031");
  EXPECT_EQ(Signed(0.0), "+0.000");
  EXPECT_EQ(Signed(0.5, 1), "+0.5");
}

TEST(TextFormat, ChangeUsesTheMinusSignAndPlusMinusForZero) {
  EXPECT_EQ(Change(0.031), "+0.031");
  EXPECT_EQ(Change(-0.031), "\u22120.031");
  EXPECT_EQ(Change(-0.0002), "±0.000");
  EXPECT_EQ(Change(0.25, 2), "+0.25");
  EXPECT_EQ(PercentChange(0.203), "+20.3 %");
  EXPECT_EQ(PercentChange(-0.05), "\u22125.0 %");
  EXPECT_EQ(Change(std::nan("")), "–");
}

TEST(TextFormat, PValuesDurationsAndCounts) {
  EXPECT_EQ(PValue(0.0625), "0.062");
  EXPECT_EQ(PValue(0.00131), "0.0013");
  EXPECT_EQ(PValue(1.0), "1");
  EXPECT_EQ(Duration(850), "850 ns");
  EXPECT_EQ(Duration(12345), "12.3 µs");
  EXPECT_EQ(Duration(4.56e6), "4.56 ms");
  EXPECT_EQ(Duration(1.2e9), "1.2 s");
  EXPECT_EQ(Count(12), "12");
  EXPECT_EQ(Count(12.5), "12.5");
}

TEST(TextFormat, MarkdownCellEscapesPipesAndJoinsLines) {
  EXPECT_EQ(MarkdownCell("a|b\nc\r\nd"), "a\\|b c  d");
  EXPECT_EQ(MarkdownCell("«\u00a0Élysée\u00a0»"), "«\u00a0Élysée\u00a0»");
}

TEST(TextFormat, EscapeXmlEscapesMarkupAndDropsForbiddenControls) {
  EXPECT_EQ(EscapeXml("a<b>&\"c\"'d'"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
  EXPECT_EQ(EscapeXml(std::string("x\x01y\tz\n", 7)), "xy\tz\n");
  EXPECT_EQ(EscapeXml("« Kim »"), "« Kim »");
}

}  // namespace
}  // namespace ieval
