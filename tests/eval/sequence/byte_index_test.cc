// The CoNLL reader's byte index: every version lists the same offsets.
#include "ieval/sequence/byte_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ieval {
namespace {

using IndexFn = size_t (*)(const char*, size_t, char, uint32_t*);

std::vector<uint32_t> IndexOf(IndexFn index, const std::string& text, char d) {
  std::string padded = text + std::string(64, '\n');  // must be ignored
  std::vector<uint32_t> out(text.size() + 16);
  out.resize(index(padded.data(), text.size(), d, out.data()));
  return out;
}

// Lines of every length around the 64-byte steps, runs of delimiters (more
// than eight offsets in one step) and a text whose length is not a
// multiple of 64.
std::string Text() {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += std::string(static_cast<size_t>(i % 70), 'x');
    text += i % 9 == 0 ? std::string(static_cast<size_t>(i % 40), ' ') : " ";
    text += "B-PER\t" + std::string(i % 3 == 0 ? "\n\n" : "\n");
  }
  return text + "tail";
}

TEST(ByteIndex, ScalarListsNewlinesAndDelimitersInOrder) {
  EXPECT_EQ(IndexOf(IndexLineBytesScalar, "a b\n\nc d", ' '),
            (std::vector<uint32_t>{1, 3, 4, 6}));
}

TEST(ByteIndex, EveryVersionAgreesWithTheScalarOne) {
  const std::string text = Text();
  for (char d : {' ', '\t'}) {
    const std::vector<uint32_t> expected =
        IndexOf(IndexLineBytesScalar, text, d);
    ASSERT_GT(expected.size(), 600u);
    EXPECT_EQ(IndexOf(IndexLineBytes, text, d), expected);
#if defined(IEVAL_HAS_SSE2_LINE_INDEX)
    EXPECT_EQ(IndexOf(IndexLineBytesSse2, text, d), expected);
#if defined(__x86_64__) && defined(__GNUC__)
    if (HasAvx2LineIndex()) {
      EXPECT_EQ(IndexOf(IndexLineBytesAvx2, text, d), expected);
    }
#endif
#endif
  }
}

TEST(ByteIndex, EmptyTextHasNoOffsets) {
  EXPECT_TRUE(IndexOf(IndexLineBytes, "", ' ').empty());
}

}  // namespace
}  // namespace ieval
