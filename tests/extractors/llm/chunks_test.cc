// Chunks end on sentence boundaries, cover the text and count code points.
#include "ieval/extractors/llm/chunks.h"

#include <gtest/gtest.h>

#include "ieval/core/offset_index.h"

namespace ieval::llm {
namespace {

TEST(ChunkText, WholeTextWhenShortOrUnlimited) {
  const std::string text = "Kim est là. Poutine aussi.";
  for (int64_t limit : {0, 100}) {
    auto chunks = ChunkText(text, limit);
    ASSERT_EQ(chunks.size(), 1u);
    EXPECT_EQ(chunks[0].text, text);
    EXPECT_EQ(chunks[0].end, CountCodepoints(text));
  }
}

TEST(ChunkText, CutsOnSentenceStartsAndCoversTheText) {
  // « » and U+00A0 are one code point each, two bytes each.
  const std::string text =
      "L’armée « nord-coréenne » est arrivée.\u00A0Élise parle à Séoul. "
      "Kim répond.";
  // 39 + 21 + 11 code points: the last two fit in 32 but not in 25.
  auto chunks = ChunkText(text, 25);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0].text, "L’armée « nord-coréenne » est arrivée.\u00A0");
  EXPECT_EQ(chunks[1].text, "Élise parle à Séoul. ");
  EXPECT_EQ(chunks[2].text, "Kim répond.");
  int64_t at = 0;
  std::string joined;
  for (const Chunk& c : chunks) {
    EXPECT_EQ(c.start, at);
    EXPECT_EQ(c.end - c.start, CountCodepoints(c.text));
    at = c.end;
    joined += c.text;
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(at, CountCodepoints(text));
  EXPECT_EQ(ChunkText(text, 32).size(), 2u);
}

TEST(ChunkText, ASentenceLongerThanTheLimitIsAChunkOfItsOwn) {
  const std::string text = "Une phrase bien plus longue que la limite. Oui.";
  auto chunks = ChunkText(text, 10);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].text, "Une phrase bien plus longue que la limite. ");
  EXPECT_EQ(chunks[1].text, "Oui.");
}

}  // namespace
}  // namespace ieval::llm
