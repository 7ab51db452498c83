// ResolveCodepointOffsets (offsets.h) must treat a document exactly as
// ResolveOffsets with the text's OffsetIndex does when its offsets are code
// points: same offsets, same problems, same unusable mentions.
#include "ieval/io/offsets.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace ieval {
namespace {

TEST(Offsets, CountCodepointsMatchesTheIndex) {
  for (const std::string text : {"", "abc",
                                 "Cor\xC3\xA9"
                                 "e",
                                 "\xC2\xAB\xC2\xA0"
                                 "a\xE2\x80\xAF",
                                 "\xF0\x9F\x98\x80 x"})
    EXPECT_EQ(CountCodepoints(text), OffsetIndex(text).codepoints()) << text;
}

TEST(Offsets, CodepointResolutionWithoutIndexMatchesTheIndex) {
  const std::vector<std::string> pieces = {"a", " ", "\xC3\xA9", "\xE2\x80\x99",
                                           "\xF0\x9F\x98\x80"};
  std::mt19937 rng(5);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    AnnotatedDocument doc;
    doc.document.doc_id = "d";
    for (int k = 0; k < 6; ++k) {
      Mention m;
      m.id = "T" + std::to_string(k);
      m.start = static_cast<int64_t>(rng() % (n + 5)) - 2;
      m.end = static_cast<int64_t>(rng() % (n + 5)) - 2;
      m.type = "A";
      doc.annotations.mentions.push_back(m);
    }
    AnnotatedDocument fast = doc, slow = doc;
    std::vector<Status> fast_problems, slow_problems;
    const Where where{"f.jsonl", 1, "d", ""};
    EXPECT_EQ(ResolveCodepointOffsets(fast, CountCodepoints(text), where,
                                      &fast_problems),
              ResolveOffsets(slow, OffsetIndex(text), where, &slow_problems));
    EXPECT_EQ(fast.annotations, slow.annotations);
    ASSERT_EQ(fast_problems.size(), slow_problems.size());
    for (size_t i = 0; i < fast_problems.size(); ++i)
      EXPECT_EQ(fast_problems[i].ToString(), slow_problems[i].ToString());
  }
}

}  // namespace
}  // namespace ieval
