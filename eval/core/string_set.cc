#include "ieval/core/string_set.h"

#include <functional>

namespace ieval {

size_t StringSet::Find(std::string_view s, size_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {  // linear probing
    const uint32_t slot = slots_[i];
    if (slot == 0 || At(slot - 1) == s) return i;
  }
}

void StringSet::Grow() {
  std::vector<uint32_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
  const size_t mask = slots_.size() - 1;
  for (uint32_t slot : old) {
    if (slot == 0) continue;
    size_t i = std::hash<std::string_view>{}(At(slot - 1)) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

bool StringSet::Insert(std::string_view s) {
  if (2 * (size() + 1) > slots_.size()) Grow();  // load factor <= 1/2
  const size_t i = Find(s, std::hash<std::string_view>{}(s));
  if (slots_[i] != 0) return false;
  arena_.append(s);
  starts_.push_back(arena_.size());
  slots_[i] = static_cast<uint32_t>(size());  // the new index + 1
  return true;
}

bool StringSet::Contains(std::string_view s) const {
  if (slots_.empty()) return false;
  return slots_[Find(s, std::hash<std::string_view>{}(s))] != 0;
}

}  // namespace ieval
