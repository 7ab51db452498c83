// What the sequence scorers know about a tag, computed once per distinct
// tag: a CoNLL file repeats a dozen tags millions of times, so a token
// costs two cache look-ups (a few nanoseconds each) and the scorers compare
// and count small integers instead of strings.
//
//   TagCache<Info> cache;
//   const Info& info = cache.Get(tag, [&](std::string_view t) { … });
//
// A direct-mapped table (by length, first and last byte) sits in front of
// a StringTable (all distinct tags); `compute` runs on a tag's first
// sight.
#ifndef IEVAL_SEQUENCE_TAG_CACHE_H_
#define IEVAL_SEQUENCE_TAG_CACHE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/string_table.h"
#include "ieval/sequence/type_counter.h"

namespace ieval {

template <typename Info>
class TagCache {
 public:
  template <typename Compute>
  const Info& Get(std::string_view tag, Compute&& compute) {
    Slot& slot = slots_[SlotOf(tag)];
    if (slot.id != kEmpty && SameBytes(slot.tag, tag)) return infos_[slot.id];
    const uint32_t id = tags_.Intern(tag).first;
    if (id == infos_.size()) infos_.push_back(compute(tag));
    slot.id = id;
    slot.tag.assign(tag);
    return infos_[id];
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t id = kEmpty;
    std::string tag;
  };
  static size_t SlotOf(std::string_view tag) {
    if (tag.empty()) return 0;
    const auto first = static_cast<unsigned char>(tag.front());
    const auto last = static_cast<unsigned char>(tag.back());
    return (tag.size() * 131 + first * 31 + last) & 255;
  }

  std::array<Slot, 256> slots_;
  StringTable tags_;
  std::vector<Info> infos_;  // by tag id
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_TAG_CACHE_H_
