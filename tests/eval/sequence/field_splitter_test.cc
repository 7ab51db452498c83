// Column splitting as conlleval.pl's split(/$delimiter/, $line).
#include "ieval/sequence/field_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ieval {
namespace {

std::vector<std::string> Split(std::string_view line,
                               const FieldSplitter& splitter = {}) {
  std::vector<std::string_view> fields;
  splitter.Split(line, &fields);
  return {fields.begin(), fields.end()};
}

FieldSplitter Parsed(std::string_view pattern) {
  auto parsed = FieldSplitter::Parse(pattern);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? parsed.value() : FieldSplitter();
}

using Fields = std::vector<std::string>;

TEST(FieldSplitter, DefaultSplitsOnOneAsciiSpace) {
  EXPECT_EQ(Split("Kim B-PER I-PER"), (Fields{"Kim", "B-PER", "I-PER"}));
}

TEST(FieldSplitter, DoubleSpaceMakesAnEmptyField) {
  EXPECT_EQ(Split("Kim  B-PER"), (Fields{"Kim", "", "B-PER"}));
}

TEST(FieldSplitter, LeadingDelimiterMakesAnEmptyFirstField) {
  EXPECT_EQ(Split(" Kim O"), (Fields{"", "Kim", "O"}));
}

TEST(FieldSplitter, TrailingEmptyFieldsAreDropped) {
  EXPECT_EQ(Split("Kim O O   "), (Fields{"Kim", "O", "O"}));
}

TEST(FieldSplitter, EmptyAndAllDelimiterLinesHaveNoFields) {
  EXPECT_EQ(Split(""), Fields{});
  EXPECT_EQ(Split("    "), Fields{});
}

TEST(FieldSplitter, NoBreakSpacesStayInsideTheToken) {
  // "12 000" with U+00A0 and "le 19" with U+202F are one token each.
  EXPECT_EQ(Split("12\xC2\xA0"
                  "000 O B-QUANT"),
            (Fields{"12\xC2\xA0"
                    "000",
                    "O", "B-QUANT"}));
  EXPECT_EQ(Split("le\xE2\x80\xAF"
                  "19 B-DATE B-DATE")
                .size(),
            3u);
}

TEST(FieldSplitter, CarriageReturnStaysInTheLastField) {
  EXPECT_EQ(Split("Kim O O\r"), (Fields{"Kim", "O", "O\r"}));
}

TEST(FieldSplitter, TabEscapeSplitsOnTabsOnly) {
  EXPECT_EQ(Split("New York\tB-LOC\tB-LOC", Parsed("\\t")),
            (Fields{"New York", "B-LOC", "B-LOC"}));
  EXPECT_EQ(Split("New York\tB-LOC\tB-LOC", Parsed("\t")),
            (Fields{"New York", "B-LOC", "B-LOC"}));
}

TEST(FieldSplitter, MultiByteLiteral) {
  EXPECT_EQ(Split("a::b:c::d", Parsed("::")), (Fields{"a", "b:c", "d"}));
}

TEST(FieldSplitter, QuantifiersAreGreedy) {
  EXPECT_EQ(Split("a  \t b", Parsed("\\s+")), (Fields{"a", "b"}));
  EXPECT_EQ(Split("axxxb", Parsed("x{1,2}")), (Fields{"a", "", "b"}));
  EXPECT_EQ(Split("a ,b", Parsed(" ?,")), (Fields{"a", "b"}));
}

TEST(FieldSplitter, BracketClassesAndDot) {
  EXPECT_EQ(Split("a;b,c", Parsed("[,;]")), (Fields{"a", "b", "c"}));
  EXPECT_EQ(Split("a1b22c", Parsed("[0-9]+")), (Fields{"a", "b", "c"}));
  EXPECT_EQ(Split("a|b", Parsed("\\|")), (Fields{"a", "b"}));
  EXPECT_EQ(Split("ab", Parsed(".")), Fields{});  // every byte a delimiter
}

TEST(FieldSplitter, RefusesWhatItCannotMatchLikePerl) {
  for (const char* pattern :
       {"a|b", "(a)", "^a", "a$", "", "x*", "\\b", "[ab", "a+?", "\\"}) {
    EXPECT_FALSE(FieldSplitter::Parse(pattern).ok()) << pattern;
  }
}

}  // namespace
}  // namespace ieval
