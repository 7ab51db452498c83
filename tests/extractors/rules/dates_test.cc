// DATE rules: spans (leading le/en outside, trailing dernier inside) and
// TIMEX3-like values.
#include <gtest/gtest.h>

#include "testing/extractor_testing.h"
#include "testing/rules_testing.h"

namespace ieval {
namespace {

using testing::CpOffset;
using testing::OfType;
using testing::Rules;

// The only DATE of `text`: its surface and value, "" when not exactly one.
std::pair<std::string, std::string> OneDate(const std::string& text) {
  const auto dates = OfType(Rules(text), "DATE");
  if (dates.size() != 1) return {"", std::to_string(dates.size()) + " dates"};
  return {*dates[0].text, dates[0].value.value_or("")};
}

TEST(RulesDates, DayMonthYear) {
  const std::string text = "Le 9 novembre 2024, Kim est arriv\xC3\xA9.";
  const auto dates = OfType(Rules(text), "DATE");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(*dates[0].text, "9 novembre 2024");
  EXPECT_EQ(dates[0].start, CpOffset(text, "9 novembre"));
  EXPECT_EQ(dates[0].value, "2024-11-09");
  EXPECT_FALSE(dates[0].entity.has_value());
}

TEST(RulesDates, DayMonthWithoutYearHasUnknownYear) {
  EXPECT_EQ(
      OneDate("depuis le 11 novembre"),
      std::make_pair(std::string("11 novembre"), std::string("XXXX-11-11")));
}

TEST(RulesDates, TrailingDernierIsInsideAndLeadingEnOutside) {
  EXPECT_EQ(
      OneDate("sign\xC3\xA9 en juin dernier \xC3\xA0 Moscou"),
      std::make_pair(std::string("juin dernier"), std::string("XXXX-06")));
}

TEST(RulesDates, WeekdayIsIsoWeekdayNumber) {
  EXPECT_EQ(OneDate("Il est venu vendredi."),
            std::make_pair(std::string("vendredi"), std::string("XXXX-WXX-5")));
  EXPECT_EQ(OneDate("dimanche dernier"),
            std::make_pair(std::string("dimanche dernier"),
                           std::string("XXXX-WXX-7")));
}

TEST(RulesDates, YearAlone) {
  EXPECT_EQ(OneDate("en 2024, la guerre"),
            std::make_pair(std::string("2024"), std::string("2024")));
}

TEST(RulesDates, MonthYear) {
  EXPECT_EQ(
      OneDate("en novembre 2024"),
      std::make_pair(std::string("novembre 2024"), std::string("2024-11")));
}

TEST(RulesDates, WeekdayWithFullDateTakesTheDate) {
  EXPECT_EQ(OneDate("vendredi 8 novembre 2024"),
            std::make_pair(std::string("vendredi 8 novembre 2024"),
                           std::string("2024-11-08")));
}

TEST(RulesDates, FirstOfTheMonthAndAbbreviatedMonth) {
  EXPECT_EQ(OneDate("le 1er mai"),
            std::make_pair(std::string("1er mai"), std::string("XXXX-05-01")));
  EXPECT_EQ(
      OneDate("le 3 nov. 2023"),
      std::make_pair(std::string("3 nov. 2023"), std::string("2023-11-03")));
}

TEST(RulesDates, NumericDates) {
  EXPECT_EQ(
      OneDate("le 09/11/2024"),
      std::make_pair(std::string("09/11/2024"), std::string("2024-11-09")));
  EXPECT_EQ(
      OneDate("le 2024-11-09"),
      std::make_pair(std::string("2024-11-09"), std::string("2024-11-09")));
}

TEST(RulesDates, RangeGivesTwoDatesOfTheSameMonth) {
  const auto dates = OfType(Rules("du 9 au 11 novembre 2024"), "DATE");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(*dates[0].text, "9");
  EXPECT_EQ(dates[0].value, "2024-11-09");
  EXPECT_EQ(*dates[1].text, "11 novembre 2024");
}

TEST(RulesDates, EnglishHeadlineDate) {
  EXPECT_EQ(OneDate("Published November 9, 2024"),
            std::make_pair(std::string("November 9, 2024"),
                           std::string("2024-11-09")));
}

TEST(RulesDates, DeicticTimeIsNotADate) {
  EXPECT_TRUE(OfType(Rules("ce week-end et r\xC3\xA9"
                           "cemment, l'an dernier"),
                     "DATE")
                  .empty());
}

TEST(RulesDates, CapitalisedMarsAloneIsThePlanet) {
  EXPECT_TRUE(OfType(Rules("Une mission vers Mars."), "DATE").empty());
  EXPECT_EQ(OneDate("le 3 mars"),
            std::make_pair(std::string("3 mars"), std::string("XXXX-03-03")));
}

TEST(RulesDates, CountBeforePluralNounIsNotAYear) {
  const auto mentions = Rules("Il a envoy\xC3\xA9 2000 soldats.");
  EXPECT_TRUE(OfType(mentions, "DATE").empty());
  ASSERT_EQ(OfType(mentions, "QUANTITY").size(), 1u);
}

}  // namespace
}  // namespace ieval
