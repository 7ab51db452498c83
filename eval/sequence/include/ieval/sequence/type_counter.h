// Small helpers for the per-token work of the sequence scorers, which must
// not allocate and should cost a few nanoseconds a token: byte comparison
// and search in short strings without a library call, and a lookup of a
// type's counts that checks the few types seen last before the map.
#ifndef IEVAL_SEQUENCE_TYPE_COUNTER_H_
#define IEVAL_SEQUENCE_TYPE_COUNTER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ieval/sequence/sequence_counts.h"

namespace ieval {

// a == b, as a loop: tags and types are a few bytes long, where a call to
// memcmp costs more than the comparison.
inline bool SameBytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// s.find(c) as a loop, for the same reason.
inline size_t FindByte(std::string_view s, char c) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == c) return i;
  }
  return std::string_view::npos;
}

// *to = from, skipping the (out-of-line) assignment when they are equal,
// which for the previous tag's type is most of the time.
inline void Remember(std::string* to, std::string_view from) {
  if (!SameBytes(*to, from)) to->assign(from);
}

// counts->Type(type), with the last kSlots types remembered (map nodes do
// not move, so the pointers stay valid while `counts` lives).
class TypeCounter {
 public:
  explicit TypeCounter(SequenceCounts* counts) : counts_(counts) {}

  ChunkCounts& operator[](std::string_view type) {
    // Gold and prediction mostly start chunks of the same type together.
    if (last_ < recent_.size() && SameBytes(recent_[last_].first, type))
      return *recent_[last_].second;
    for (size_t i = 0; i < recent_.size(); ++i) {
      if (SameBytes(recent_[i].first, type)) {
        last_ = i;
        return *recent_[i].second;
      }
    }
    ChunkCounts& found = counts_->Type(type);
    if (recent_.size() < kSlots) {
      last_ = recent_.size();
      recent_.emplace_back(std::string(type), &found);
    } else {
      last_ = next_;
      recent_[next_] = {std::string(type), &found};
      next_ = (next_ + 1) % kSlots;
    }
    return found;
  }

 private:
  static constexpr size_t kSlots = 16;
  SequenceCounts* counts_;
  std::vector<std::pair<std::string, ChunkCounts*>> recent_;
  size_t next_ = 0;
  size_t last_ = 0;
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_TYPE_COUNTER_H_
