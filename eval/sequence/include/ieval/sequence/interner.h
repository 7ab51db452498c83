// Dense ids for the few distinct strings a CoNLL file repeats millions of
// times (tags, their prefixes and types), so a scorer compares and counts
// small integers instead of strings: one hash of the tag per token, no
// allocation once every tag has been seen.
#ifndef IEVAL_SEQUENCE_INTERNER_H_
#define IEVAL_SEQUENCE_INTERNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ieval {

class Interner {
 public:
  // The id of `s`: 0, 1, 2… in order of first sight.
  uint32_t Id(std::string_view s) {
    if (2 * (names_.size() + 1) > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(s) & mask;; i = (i + 1) & mask) {
      const uint32_t slot = slots_[i];
      if (slot == 0) {
        names_.emplace_back(s);
        slots_[i] = static_cast<uint32_t>(names_.size());
        return slots_[i] - 1;
      }
      if (names_[slot - 1] == s) return slot - 1;
    }
  }
  const std::string& Name(uint32_t id) const { return names_[id]; }
  size_t size() const { return names_.size(); }

 private:
  static size_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a: tags are a few bytes
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  void Grow() {
    slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (uint32_t id = 0; id < names_.size(); ++id) {
      size_t i = Hash(names_[id]) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = id + 1;
    }
  }

  std::vector<std::string> names_;
  std::vector<uint32_t> slots_;  // id + 1; 0 when empty
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_INTERNER_H_
