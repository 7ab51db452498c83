// The shard of a doc_id is pinned: FNV-1a 64 of its UTF-8 bytes modulo N,
// the published test vectors of FNV-1a 64, and the same shard on every
// machine (the values below are what any machine computes).
#include "ieval/pipeline/shard.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ieval/io/content_hash.h"

namespace ieval {
namespace {

TEST(Fnv1a64, PublishedVectors) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
  // Continuing a hash is hashing the concatenation.
  EXPECT_EQ(Fnv1a64("bar", Fnv1a64("foo")), Fnv1a64("foobar"));
}

TEST(Shard, DocIdsLandInPinnedShards) {
  // 0x2e914d4c72f07eda % 7 = 3 and 0xeb4ab7fa57d15665 % 7 = 5.
  EXPECT_TRUE((ShardSpec{4, 7}.Contains("001_924fe81faf4bc684")));
  EXPECT_TRUE((ShardSpec{6, 7}.Contains("Éloïse « 1 »")));
  EXPECT_FALSE((ShardSpec{1, 7}.Contains("Éloïse « 1 »")));
  EXPECT_TRUE((ShardSpec{1, 1}.Contains("anything")));
}

TEST(Shard, EveryDocumentIsInExactlyOneShard) {
  for (int64_t n : {1, 2, 3, 7, 16}) {
    for (int d = 0; d < 200; ++d) {
      const std::string id = "doc-" + std::to_string(d);
      int in = 0;
      for (int64_t i = 1; i <= n; ++i) in += ShardSpec{i, n}.Contains(id);
      EXPECT_EQ(in, 1) << id << " in " << n << " shards";
    }
  }
}

TEST(Shard, ParsesIOfNAndRefusesTheRest) {
  auto ok = ParseShard("3/7");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->index, 3);
  EXPECT_EQ(ok->count, 7);
  EXPECT_EQ(ok->ToString(), "3/7");
  for (const char* bad : {"0/7", "8/7", "1/0", "-1/2", "1/2x", "12", "/", ""})
    EXPECT_FALSE(ParseShard(bad).ok()) << bad;
}

TEST(HashPathContent, FolderHashFollowsNamesAndBytesNotHiddenFiles) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "ieval_hash_path_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  auto write = [](const fs::path& p, const char* text) {
    std::ofstream(p) << text;
  };
  write(dir / "a.json", "{}");
  write(dir / "sub" / "b.json", "[]");
  const auto first = HashPathContent(dir.string());
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->rfind("fnv1a64:", 0), 0u);
  write(dir / ".a.json.tmp123", "half");  // a temporary file: not the gold
  EXPECT_EQ(*HashPathContent(dir.string()), *first);
  write(dir / "sub" / "b.json", "[ ]");
  EXPECT_NE(*HashPathContent(dir.string()), *first);
  write(dir / "sub" / "b.json", "[]");
  EXPECT_EQ(*HashPathContent(dir.string()), *first);
  fs::rename(dir / "a.json", dir / "c.json");
  EXPECT_NE(*HashPathContent(dir.string()), *first);
  EXPECT_FALSE(HashPathContent((dir / "missing").string()).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ieval
