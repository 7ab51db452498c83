// What each rule finder returns: a span over TextView pieces (not yet code
// points) with its type and normalised value or id, and the coverage that
// keeps the finders' results flat (an earlier finder wins a piece).
#ifndef IEVAL_EXTRACTORS_RULES_RULE_MATCH_H_
#define IEVAL_EXTRACTORS_RULES_RULE_MATCH_H_

#include <optional>
#include <string>
#include <vector>

namespace ieval {

struct RuleMatch {
  size_t begin = 0;  // first piece
  size_t end = 0;    // one past the last piece
  std::string type;  // DATE, QUANTITY, PER, ORG
  std::optional<std::string> entity;
  std::optional<std::string> value;
};

// Which pieces a kept match already covers.
class Coverage {
 public:
  explicit Coverage(size_t pieces) : taken_(pieces, false) {}
  bool Free(size_t begin, size_t end) const {
    for (size_t i = begin; i < end; ++i) {
      if (taken_[i]) return false;
    }
    return true;
  }
  bool Taken(size_t i) const { return taken_[i]; }
  void Take(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) taken_[i] = true;
  }

 private:
  std::vector<bool> taken_;
};

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RULES_RULE_MATCH_H_
