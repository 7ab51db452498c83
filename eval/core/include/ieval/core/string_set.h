// A set of strings stored compactly: their bytes back to back in one
// buffer and an open-addressing table of 32-bit slots: length + 16 to 24
// bytes per string, against ~60 for std::unordered_set<std::string>.
// `ieval score` keeps every doc_id it has seen in one (to report duplicate
// documents) while it streams corpora of millions of documents, so this is
// most of what it keeps per document.
#ifndef IEVAL_CORE_STRING_SET_H_
#define IEVAL_CORE_STRING_SET_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ieval {

class StringSet {
 public:
  // Adds `s`; false when it was already there.
  bool Insert(std::string_view s);
  bool Contains(std::string_view s) const;
  size_t size() const { return starts_.size() - 1; }

 private:
  std::string_view At(uint32_t index) const {
    return std::string_view(arena_).substr(
        static_cast<size_t>(starts_[index]),
        static_cast<size_t>(starts_[index + 1] - starts_[index]));
  }
  // The slot holding `s`, or the empty slot where it would go.
  size_t Find(std::string_view s, size_t hash) const;
  void Grow();

  std::string arena_;  // every string, back to back
  std::vector<uint64_t> starts_ = {
      0};                        // string i is [starts_[i], starts_[i+1])
  std::vector<uint32_t> slots_;  // index + 1, 0 when empty
};

}  // namespace ieval

#endif  // IEVAL_CORE_STRING_SET_H_
