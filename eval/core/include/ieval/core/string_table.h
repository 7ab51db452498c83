// Strings numbered 0, 1, 2… in order of first appearance, stored compactly:
// their bytes back to back in one buffer, and an open-addressing table of
// 8-byte slots (32 bits of the hash, the id) probed linearly at a load of
// at most one half. A look-up hashes once and compares bytes only when the
// stored hash bits agree, so it rarely touches more than one cache line of
// the table and one of the buffer.
//
// It serves every place that numbers or deduplicates strings: the doc_ids
// `ieval score` and `ieval run` have seen (millions, while streaming, so
// each costs its length + 16 to 32 bytes, against ~60 for a
// std::unordered_set<std::string>), the mention and entity ids the
// relation and cluster scorers look up per document, and the tags, prefixes
// and types the token-sequence scorers meet millions of times.
#ifndef IEVAL_CORE_STRING_TABLE_H_
#define IEVAL_CORE_STRING_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ieval {

class StringTable {
 public:
  StringTable() = default;
  // Room for `expected` strings before the table grows (0: grows as needed).
  explicit StringTable(size_t expected);

  // The id of `s`, and whether it is new (then it is size() - 1).
  // REQUIRES: fewer than 2^32 - 1 strings.
  std::pair<uint32_t, bool> Intern(std::string_view s);
  // The id of `s`, or kNotFound.
  uint32_t Find(std::string_view s) const;
  bool Contains(std::string_view s) const { return Find(s) != kNotFound; }
  // The string of `id`; the view is valid until the next Intern().
  std::string_view Name(uint32_t id) const {
    return std::string_view(bytes_).substr(
        static_cast<size_t>(starts_[id]),
        static_cast<size_t>(starts_[id + 1] - starts_[id]));
  }
  size_t size() const { return starts_.size() - 1; }

  static constexpr uint32_t kNotFound = UINT32_MAX;

 private:
  struct Slot {
    uint32_t hash = 0;  // the low 32 bits of the string's hash
    uint32_t id = 0;    // id + 1; 0 when the slot is empty
  };
  static uint64_t Hash(std::string_view s);
  // The slot holding `s`, or the empty slot where it would go.
  size_t Probe(std::string_view s, uint64_t hash) const;
  void Grow(size_t slots);

  std::string bytes_;  // every string, back to back
  std::vector<uint64_t> starts_ = {
      0};                    // string i is [starts_[i], starts_[i+1])
  std::vector<Slot> slots_;  // a power of two, or empty
};

}  // namespace ieval

#endif  // IEVAL_CORE_STRING_TABLE_H_
