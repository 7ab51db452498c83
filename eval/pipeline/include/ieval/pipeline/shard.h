// `--shard I/N` of `ieval extract`, `score` and `run`: shard I of N (I is
// 1-based, 1 ≤ I ≤ N) holds the documents whose FNV-1a 64 hash of the
// doc_id's UTF-8 bytes (ieval/io/content_hash.h) is I-1 modulo N. The hash
// depends on the doc_id alone, so a document is in the same shard on every
// run and machine, whatever the corpus order or the other documents, and
// the N shards hold every document exactly once.
#ifndef IEVAL_PIPELINE_SHARD_H_
#define IEVAL_PIPELINE_SHARD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ieval/core/status.h"

namespace ieval {

struct ShardSpec {
  int64_t index = 1;  // 1-based
  int64_t count = 1;  // 1: the whole corpus
  bool whole() const { return count == 1; }
  bool Contains(std::string_view doc_id) const;
  // "I/N".
  std::string ToString() const;
  friend bool operator==(const ShardSpec&, const ShardSpec&) = default;
};

// "I/N" with 1 ≤ I ≤ N ≤ 1,000,000; kUsage otherwise, saying what is wrong
// ("--shard 0/4: I is 1-based: give 1/4 … 4/4").
Result<ShardSpec> ParseShard(std::string_view text);

}  // namespace ieval

#endif  // IEVAL_PIPELINE_SHARD_H_
