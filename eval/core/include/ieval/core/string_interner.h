// Numbers strings in order of first appearance, for scorers that look up a
// million mention or entity ids per document. Open addressing over one flat
// array (no node per entry, one probe sequence per look-up, the hash kept
// beside the key so most probes compare no bytes): on large documents a
// node-based std::unordered_map spent most of its time chasing pointers.
// Keys are views: the strings must outlive the interner.
#ifndef IEVAL_CORE_STRING_INTERNER_H_
#define IEVAL_CORE_STRING_INTERNER_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace ieval {

class StringInterner {
 public:
  // The number of `key`; true when it is new.
  std::pair<int32_t, bool> Intern(std::string_view key) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    const size_t hash = std::hash<std::string_view>{}(key);
    for (size_t i = hash & mask();; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (slot.id < 0) {
        slot = {hash, key, static_cast<int32_t>(count_++)};
        return {slot.id, true};
      }
      if (slot.hash == hash && slot.key == key) return {slot.id, false};
    }
  }

  // The number of `key`, or -1 when it was never interned.
  int32_t Find(std::string_view key) const {
    if (count_ == 0) return -1;
    const size_t hash = std::hash<std::string_view>{}(key);
    for (size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.id < 0) return -1;
      if (slot.hash == hash && slot.key == key) return slot.id;
    }
  }

  size_t size() const { return count_; }

 private:
  struct Slot {
    size_t hash = 0;
    std::string_view key;
    int32_t id = -1;
  };
  size_t mask() const { return slots_.size() - 1; }
  void Grow() {
    std::vector<Slot> old(std::max<size_t>(16, 2 * slots_.size()));
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.id < 0) continue;
      size_t i = slot.hash & mask();
      while (slots_[i].id >= 0) i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

}  // namespace ieval

#endif  // IEVAL_CORE_STRING_INTERNER_H_
