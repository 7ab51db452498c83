// DocIdSet answers as a std::set of the same ids does, whether the ids
// are in memory or spilled to runs on disk (a tiny chunk spills often).
#include "ieval/pipeline/doc_id_set.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace ieval {
namespace {

// Ids of several shapes: numbered, accented, with « », U+00A0, a newline
// and a length prefix's worth of bytes, from a small pool so that some
// repeat.
std::string RandomId(std::mt19937& rng) {
  static const char* const kParts[] = {
      "doc",  "é",    "«\xC2\xA0", "»", "\n", "\x01\x00\x00\x00",
      "syn-", "Noël", "/",         "0"};
  std::string id;
  const int parts = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < parts; ++i) id += kParts[rng() % 10];
  return id + std::to_string(rng() % 3000);
}

TEST(DocIdSet, AgreesWithASetInMemoryAndSpilled) {
  for (size_t chunk : {1u, 7u, 100u, 1u << 16}) {
    std::mt19937 rng(3);
    DocIdSet ids(chunk);
    std::set<std::string> expected;
    for (int i = 0; i < 6000; ++i) {
      const std::string id = RandomId(rng);
      if (rng() % 3 == 0) {
        EXPECT_EQ(ids.Contains(id), expected.count(id) == 1)
            << "chunk " << chunk << ", id " << i;
      } else {
        EXPECT_EQ(ids.Insert(id), expected.insert(id).second)
            << "chunk " << chunk << ", id " << i;
      }
    }
    EXPECT_EQ(ids.size(), expected.size());
    EXPECT_GT(expected.size(), 1000u);
    for (const std::string& id : expected) EXPECT_TRUE(ids.Contains(id)) << id;
    EXPECT_FALSE(ids.Contains("never"));
    EXPECT_FALSE(ids.Contains(""));
    EXPECT_TRUE(ids.status().ok()) << ids.status().ToString();
  }
}

}  // namespace
}  // namespace ieval
