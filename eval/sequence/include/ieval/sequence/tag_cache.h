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
#include <utility>
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

// Both tags of a line at once when they are adjacent in the line buffer
// ("B-PER I-PER", as the CoNLL scan hands them over): one look-up by those
// bytes (a direct-mapped table of pairs) instead of two in a TagCache.
//
//   const auto [gold_info, pred_info] = pairs.Get(gold, pred, single);
//
// `single(tag)` gives a tag's Info (a TagCache look-up); it runs for the
// pairs not in the table and for tags that are not adjacent or empty.
template <typename Info>
class TagPairCache {
 public:
  template <typename Single>
  std::pair<Info, Info> Get(std::string_view gold, std::string_view pred,
                            Single&& single) {
    if (gold.empty() || pred.empty() ||
        pred.data() != gold.data() + gold.size() + 1)
      return {single(gold), single(pred)};
    const std::string_view bytes(gold.data(), gold.size() + 1 + pred.size());
    Slot& slot = slots_[SlotOf(bytes, gold.size())];
    if (slot.gold_length != gold.size() || !SameBytes(slot.bytes, bytes)) {
      slot.bytes.assign(bytes);
      slot.gold_length = gold.size();
      slot.gold = single(gold);
      slot.pred = single(pred);
    }
    return {slot.gold, slot.pred};
  }

 private:
  static constexpr size_t kSlots = 512;
  struct Slot {
    std::string bytes;
    size_t gold_length = SIZE_MAX;
    Info gold{};
    Info pred{};
  };
  static size_t SlotOf(std::string_view bytes, size_t gold_length) {
    const auto byte = [&](size_t i) {
      return static_cast<size_t>(static_cast<unsigned char>(bytes[i]));
    };
    return (bytes.size() * 131 + byte(0) * 31 + byte(bytes.size() - 1) * 7 +
            byte(gold_length + 1)) &
           (kSlots - 1);
  }
  std::array<Slot, kSlots> slots_;
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_TAG_CACHE_H_
