// QUANTITY rules: digit groups with every thousands separator, decimal
// commas, spelled-out numbers via ICU, and what is not a quantity.
#include <gtest/gtest.h>

#include "ieval/extractors/rules/numbers.h"
#include "testing/extractor_testing.h"
#include "testing/rules_testing.h"

namespace ieval {
namespace {

using testing::Codepoints;
using testing::CpOffset;
using testing::OfType;
using testing::Rules;

std::vector<Mention> Quantities(const std::string& text) {
  return OfType(Rules(text), "QUANTITY");
}

TEST(RulesNumbers, ThousandsSeparatedBySpaceNbspOrNarrowNbsp) {
  for (const std::string space : {" ", "\xC2\xA0", "\xE2\x80\xAF"}) {
    const std::string number = "11" + space + "000";
    const std::string text = "pr\xC3\xA8s de " + number + " soldats";
    const auto q = Quantities(text);
    ASSERT_EQ(q.size(), 1u) << number;
    EXPECT_EQ(*q[0].text, number);  // "près de" and the noun stay outside
    EXPECT_EQ(q[0].start, CpOffset(text, "11"));
    EXPECT_EQ(q[0].end, q[0].start + 6);
    EXPECT_EQ(q[0].value, "11000");
  }
}

TEST(RulesNumbers, ApostropheAndDotThousands) {
  for (const std::string number : {"11'000",
                                   "11\xE2\x80\x99"
                                   "000",
                                   "11.000"}) {
    const auto q = Quantities("environ " + number + " hommes");
    ASSERT_EQ(q.size(), 1u) << number;
    EXPECT_EQ(*q[0].text, number);
    EXPECT_EQ(q[0].value, "11000");
  }
}

TEST(RulesNumbers, DecimalComma) {
  const auto q = Quantities("une hausse de 3,5 %");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value, "3.5");
}

TEST(RulesNumbers, SpelledOutNumbersParsedByIcu) {
  const std::string text = "onze mille soldats et vingt et un chars";
  const auto q = Quantities(text);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(*q[0].text, "onze mille");
  EXPECT_EQ(q[0].start, 0);
  EXPECT_EQ(q[0].end, Codepoints("onze mille"));
  EXPECT_EQ(q[0].value, "11000");
  EXPECT_EQ(*q[1].text, "vingt et un");
  EXPECT_EQ(q[1].value, "21");
}

TEST(RulesNumbers, SpelledOutBelowTenIsNotAQuantity) {
  EXPECT_TRUE(Quantities("trois soldats et un char").empty());
}

TEST(RulesNumbers, MultiplierWordScalesTheValue) {
  const auto q = Quantities("3,5 millions de personnes");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(*q[0].text, "3,5 millions");
  EXPECT_EQ(q[0].value, "3500000");
}

TEST(RulesNumbers, NumbersInsideADateAreNotQuantities) {
  const auto mentions = Rules("le 9 novembre 2024");
  EXPECT_TRUE(OfType(mentions, "QUANTITY").empty());
  EXPECT_EQ(OfType(mentions, "DATE").size(), 1u);
}

TEST(RulesNumbers, LabelsCodesTimesAndOrdinalsAreNotQuantities) {
  EXPECT_TRUE(Quantities("Image 1").empty());
  EXPECT_TRUE(Quantities("l'article 5 du trait\xC3\xA9").empty());
  EXPECT_TRUE(Quantities("le COVID-19 et le G20").empty());
  EXPECT_TRUE(Quantities("\xC3\xA0 14 h 30").empty());
  EXPECT_TRUE(Quantities("la 2e fois au XXe si\xC3\xA8"
                         "cle")
                  .empty());
}

TEST(RulesNumbers, PourCentIsNotOneHundred) {
  const auto q = Quantities("dix pour cent");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value, "10");
}

TEST(RulesNumbers, OffsetsInsideGuillemetsWithNoBreakSpaces) {
  // « 11 000 » with NBSP inside the guillemets and U+202F in the number.
  const std::string text =
      "\xC2\xAB\xC2\xA0"
      "11\xE2\x80\xAF"
      "000\xC2\xA0\xC2\xBB soldats";
  const auto q = Quantities(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].start, 2);
  EXPECT_EQ(q[0].end, 8);
  EXPECT_EQ(q[0].value, "11000");
}

TEST(RulesNumbers, ExtractIsThreadSafe) {
  const std::string text =
      "onze mille soldats, 3,5 millions, le 9 novembre 2024, M. Kim Jong Un.";
  const auto serial =
      testing::ExpectSameAnswerOnEveryThread([&] { return Rules(text); });
  EXPECT_EQ(serial.size(), 4u);
}

TEST(DigitValue, NormalisesSeparators) {
  EXPECT_EQ(DigitValue("11'000"), "11000");
  EXPECT_EQ(DigitValue("3,5"), "3.5");
  EXPECT_EQ(DigitValue("3.5"), "3.5");
  EXPECT_EQ(DigitValue("1.234,50"), "1234.5");
  EXPECT_EQ(DigitValue("1,234,567"), "1234567");
  EXPECT_EQ(DigitValue("007"), "7");
  EXPECT_FALSE(DigitValue("1.23.4").has_value());
  EXPECT_FALSE(DigitValue("12a").has_value());
}

TEST(ShiftDecimal, MovesThePoint) {
  EXPECT_EQ(ShiftDecimal("3.5", 6), "3500000");
  EXPECT_EQ(ShiftDecimal("11", 3), "11000");
  EXPECT_EQ(ShiftDecimal("1.2345", 3), "1234.5");
}

TEST(ParseSpelledOut, ReadsFrenchSpellOut) {
  EXPECT_EQ(ParseSpelledOut("onze mille"), 11000);
  EXPECT_EQ(ParseSpelledOut("trois mille sept cent soixante-cinq"), 3765);
  EXPECT_EQ(ParseSpelledOut("deux millions"), 2000000);
  EXPECT_FALSE(ParseSpelledOut("onze soldats").has_value());
}

}  // namespace
}  // namespace ieval
