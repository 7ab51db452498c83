// Every occurrence of many strings in one text in a single pass: an
// Aho-Corasick automaton over the strings' bytes (Aho & Corasick 1975).
// Building costs O(total pattern length), the scan O(text length +
// occurrences), whatever the number of strings — where one
// std::string_view::find loop per string costs O(strings × text).
#ifndef IEVAL_GROUND_OCCURRENCE_INDEX_H_
#define IEVAL_GROUND_OCCURRENCE_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ieval {

class OccurrenceIndex {
 public:
  // `patterns` are byte strings; empty ones never occur. Duplicates are
  // allowed (each gets the same occurrences).
  explicit OccurrenceIndex(const std::vector<std::string>& patterns);

  // occurrences[k]: the byte offsets in `text` where patterns[k] starts,
  // ascending; overlapping occurrences included.
  std::vector<std::vector<int64_t>> FindAll(std::string_view text) const;

 private:
  int32_t Next(int32_t node, uint8_t byte) const;

  struct Node {
    int32_t fail = 0;
    // The nearest node on the fail chain (this one included) that ends a
    // pattern, or -1.
    int32_t output = -1;
    int32_t depth = 0;
    // The first pattern ending here, and the next one ending here too.
    int32_t pattern = -1;
  };
  std::vector<Node> nodes_;
  // (node << 8 | byte) -> child.
  std::unordered_map<uint64_t, int32_t> children_;
  // next_same_[k]: another pattern equal to pattern k, or -1.
  std::vector<int32_t> next_same_;
  size_t pattern_count_ = 0;
};

}  // namespace ieval

#endif  // IEVAL_GROUND_OCCURRENCE_INDEX_H_
