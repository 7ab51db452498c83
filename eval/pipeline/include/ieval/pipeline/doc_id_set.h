// The set of doc_ids a stream has seen, exact and in little memory at any
// corpus size: the most recent ids in memory (a StringTable of up to
// `chunk` ids); older ones spilled, sorted, to runs in an anonymous
// temporary file, each with a Bloom filter (10 bits per id, about 1 %
// false positives) and every 64th id in memory to find a block. A lookup
// asks the recent ids, then reads one block of each run whose filter does
// not rule the id out. So a million ids hold about 1.5 MB in memory where
// a StringTable of them all holds some 50 MB at its peak.
#ifndef IEVAL_PIPELINE_DOC_ID_SET_H_
#define IEVAL_PIPELINE_DOC_ID_SET_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/string_table.h"

namespace ieval {

class DocIdSet {
 public:
  explicit DocIdSet(size_t chunk = 1 << 16);
  ~DocIdSet();
  DocIdSet(const DocIdSet&) = delete;
  DocIdSet& operator=(const DocIdSet&) = delete;

  // Adds `id`; false when it was there already.
  bool Insert(std::string_view id);
  bool Contains(std::string_view id) const;
  size_t size() const { return size_; }
  // The first failure of the temporary file (kIoError), else Ok. After a
  // failure to write, ids stay in memory; after one to read back, a
  // lookup may have missed an id: the caller must not trust the set.
  const Status& status() const { return status_; }

 private:
  struct Run {
    std::vector<uint64_t> bloom;  // bits
    // Every kStride-th id of the run and its offset in the file; the run
    // ends at `end`.
    std::vector<std::string> keys;
    std::vector<int64_t> offsets;
    int64_t end = 0;
  };
  static constexpr size_t kStride = 64;

  void Spill();
  void Failed(const char* what) const;
  bool InRun(const Run& run, std::string_view id) const;

  size_t chunk_;
  size_t size_ = 0;
  StringTable recent_;
  std::vector<Run> runs_;
  std::FILE* file_ = nullptr;  // the runs, one after another
  int64_t file_end_ = 0;
  mutable bool spill_ = true;
  mutable Status status_;
};

}  // namespace ieval

#endif  // IEVAL_PIPELINE_DOC_ID_SET_H_
