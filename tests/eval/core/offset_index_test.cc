#include "ieval/core/offset_index.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace ieval {
namespace {

// "« Kim », 11 000 😀 é" with a NBSP after «, a NNBSP (U+202F) inside the
// number, an emoji (surrogate pair in UTF-16) and e + combining acute.
const std::string kText =
    "\xC2\xAB\xC2\xA0Kim \xC2\xBB, 11\xE2\x80\xAF"
    "000 \xF0\x9F\x98\x80 e\xCC\x81";

TEST(OffsetIndex, AsciiTextHasIdenticalUnits) {
  OffsetIndex index("Kim Jong Un");
  EXPECT_EQ(index.codepoints(), 11);
  EXPECT_EQ(index.CodepointToByte(4), 4);
  EXPECT_EQ(index.CodepointToUtf16(4), 4);
  EXPECT_EQ(index.ByteToCodepoint(11), 11);
  EXPECT_FALSE(index.ByteToCodepoint(12).has_value());
  EXPECT_FALSE(index.ByteToCodepoint(-1).has_value());
}

TEST(OffsetIndex, CountsEachUnitOfFrenchTypography) {
  OffsetIndex index(kText);
  // « NBSP K i m SP » , SP 1 1 NNBSP 0 0 0 SP 😀 SP e ◌́
  EXPECT_EQ(index.codepoints(), 20);
  EXPECT_EQ(index.bytes(), static_cast<int64_t>(kText.size()));
  EXPECT_EQ(index.utf16_units(), 21);  // the emoji is two units
}

TEST(OffsetIndex, ConvertsAroundGuillemetsAndNonBreakingSpaces) {
  OffsetIndex index(kText);
  // "Kim" is code points [2, 5): « and NBSP are two bytes each.
  EXPECT_EQ(index.CodepointToByte(2), 4);
  EXPECT_EQ(index.CodepointToByte(5), 7);
  EXPECT_EQ(index.CodepointToUtf16(2), 2);
  EXPECT_EQ(index.Slice(kText, 2, 5), "Kim");
  // "11 000" with U+202F (3 bytes) is code points [9, 15).
  EXPECT_EQ(index.Slice(kText, 9, 15),
            "11\xE2\x80\xAF"
            "000");
  EXPECT_EQ(index.ByteToCodepoint(index.CodepointToByte(15)), 15);
}

TEST(OffsetIndex, EmojiIsOneCodepointAndTwoUtf16Units) {
  OffsetIndex index(kText);
  const int64_t emoji = 16;
  EXPECT_EQ(index.Slice(kText, emoji, emoji + 1), "\xF0\x9F\x98\x80");
  EXPECT_EQ(index.CodepointToUtf16(emoji + 1) - index.CodepointToUtf16(emoji),
            2);
  EXPECT_EQ(index.CodepointToByte(emoji + 1) - index.CodepointToByte(emoji), 4);
}

TEST(OffsetIndex, RejectsOffsetsInsideACharacter) {
  OffsetIndex index(kText);
  EXPECT_FALSE(index.ByteToCodepoint(1).has_value());  // inside «
  const int64_t emoji_utf16 = index.CodepointToUtf16(16);
  EXPECT_FALSE(index.Utf16ToCodepoint(emoji_utf16 + 1).has_value());
  EXPECT_EQ(index.Utf16ToCodepoint(emoji_utf16 + 2), 17);
}

TEST(OffsetIndex, CombiningAccentIsACodepointOfItsOwn) {
  OffsetIndex index(kText);
  EXPECT_EQ(index.Slice(kText, 18, 19), "e");
  EXPECT_EQ(index.Slice(kText, 19, 20), "\xCC\x81");
  EXPECT_EQ(index.ToCodepoint(index.bytes(), OffsetUnit::kByte), 20);
}

TEST(OffsetIndex, EmptyText) {
  OffsetIndex index("");
  EXPECT_EQ(index.codepoints(), 0);
  EXPECT_EQ(index.ByteToCodepoint(0), 0);
  EXPECT_FALSE(index.ByteToCodepoint(1).has_value());
}

// Builds random strings from pieces of every width and checks that every
// code point offset survives a round trip through bytes and UTF-16.
TEST(OffsetIndex, RandomRoundTrips) {
  const std::vector<std::string> pieces = {"a",
                                           " ",
                                           "\xC3\xA9",
                                           "\xC2\xAB",
                                           "\xC2\xBB",
                                           "\xC2\xA0",
                                           "\xE2\x80\xAF",
                                           "\xE2\x80\x99",
                                           "\xCC\x81",
                                           "\xF0\x9F\x98\x80",
                                           "\xF0\x90\x8D\x88",
                                           "\xE4\xB8\xAD"};
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    std::vector<int64_t> widths_utf16;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      const std::string& piece = pieces[rng() % pieces.size()];
      text += piece;
      widths_utf16.push_back(piece.size() == 4 ? 2 : 1);
    }
    ASSERT_FALSE(FindInvalidUtf8(text).has_value());
    OffsetIndex index(text);
    ASSERT_EQ(index.codepoints(), n);
    int64_t utf16 = 0;
    for (int64_t cp = 0; cp <= n; ++cp) {
      EXPECT_EQ(index.CodepointToUtf16(cp), utf16);
      EXPECT_EQ(index.ByteToCodepoint(index.CodepointToByte(cp)), cp);
      EXPECT_EQ(index.Utf16ToCodepoint(index.CodepointToUtf16(cp)), cp);
      if (cp < n) utf16 += widths_utf16[static_cast<size_t>(cp)];
    }
  }
}

TEST(FindInvalidUtf8, AcceptsValidFrenchText) {
  EXPECT_FALSE(FindInvalidUtf8(kText).has_value());
}

TEST(FindInvalidUtf8, ReportsTheByteOfTheFirstBadSequence) {
  EXPECT_EQ(FindInvalidUtf8("Cor\xC3\xA9"
                            "e \xFF du Nord"),
            7);
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2);         // truncated
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0);       // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1);  // a surrogate
}

TEST(FindInvalidUtf8, FindsABadByteAnywhereInLongAsciiRuns) {
  for (size_t at = 0; at < 40; ++at) {
    const std::string before(at, 'a'), after(20, 'b');
    EXPECT_EQ(FindInvalidUtf8(before + "\xFF" + after),
              static_cast<int64_t>(at));
    EXPECT_FALSE(FindInvalidUtf8(before + "\xC3\xA9" + after).has_value());
  }
}

TEST(OffsetIndex, CountsLongAsciiRunsAroundOtherCharacters) {
  for (int64_t at = 0; at < 20; ++at) {
    // `at` ASCII bytes, é, 17 more, an emoji, one more.
    const std::string text = std::string(static_cast<size_t>(at), 'a') +
                             "\xC3\xA9" + std::string(17, 'b') +
                             "\xF0\x9F\x98\x80" + "c";
    const OffsetIndex index(text);
    EXPECT_EQ(index.codepoints(), at + 20);
    EXPECT_EQ(index.utf16_units(), at + 21);
    EXPECT_EQ(index.CodepointToByte(at + 1), at + 2);    // after é
    EXPECT_EQ(index.CodepointToByte(at + 19), at + 23);  // after 😀
    EXPECT_EQ(index.CodepointToUtf16(at + 19), at + 20);
    EXPECT_EQ(index.ByteToCodepoint(at + 1), std::nullopt);  // inside é
  }
}

}  // namespace
}  // namespace ieval
