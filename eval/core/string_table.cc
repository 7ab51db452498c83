#include "ieval/core/string_table.h"

#include <bit>
#include <functional>

namespace ieval {

StringTable::StringTable(size_t expected) {
  if (expected > 0) {
    Grow(std::bit_ceil(2 * expected));
    starts_.reserve(expected + 1);
  }
}

uint64_t StringTable::Hash(std::string_view s) {
  return std::hash<std::string_view>{}(s);
}

size_t StringTable::Probe(std::string_view s, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const auto tag = static_cast<uint32_t>(hash);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == 0 || (slot.hash == tag && Name(slot.id - 1) == s)) return i;
  }
}

void StringTable::Grow(size_t slots) {
  std::vector<Slot> old(slots);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == 0) continue;
    // Only the low 32 bits of the hash are kept: tables beyond 2^32 slots
    // would need more, and 2^31 strings is beyond any corpus here.
    size_t i = slot.hash & mask;
    while (slots_[i].id != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::pair<uint32_t, bool> StringTable::Intern(std::string_view s) {
  if (2 * (size() + 1) > slots_.size())
    Grow(slots_.empty() ? 16 : 2 * slots_.size());
  const uint64_t hash = Hash(s);
  Slot& slot = slots_[Probe(s, hash)];
  if (slot.id != 0) return {slot.id - 1, false};
  const auto id = static_cast<uint32_t>(size());
  bytes_.append(s);
  starts_.push_back(bytes_.size());
  slot = {static_cast<uint32_t>(hash), id + 1};
  return {id, true};
}

uint32_t StringTable::Find(std::string_view s) const {
  if (slots_.empty()) return kNotFound;
  const Slot& slot = slots_[Probe(s, Hash(s))];
  return slot.id == 0 ? kNotFound : slot.id - 1;
}

}  // namespace ieval
