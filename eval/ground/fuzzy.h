// The fuzzy pass of grounding: the window of words of a text with the
// highest Dice token overlap with a string. Private to eval/ground.
#ifndef IEVAL_GROUND_FUZZY_H_
#define IEVAL_GROUND_FUZZY_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ieval/ground/normalise.h"

namespace ieval {

struct FuzzyHit {
  int64_t start = 0;  // original code points
  int64_t end = 0;
  double score = 0.0;
};

class FuzzyMatcher {
 public:
  // Tokenises `normalised` (which must outlive the matcher): words are
  // maximal runs of letters and digits.
  explicit FuzzyMatcher(const NormalisedText& normalised);

  // The best window for `key` (a GroundKey) scoring at least `threshold`:
  // highest score, then a window overlapping no code point marked in
  // `taken`, then the earliest. nullopt when none reaches the threshold.
  std::optional<FuzzyHit> Find(std::string_view key, double threshold,
                               const std::vector<uint8_t>& taken) const;

 private:
  struct Token {
    size_t begin = 0;  // bytes of the normalised text
    size_t end = 0;
    int32_t id = 0;
  };
  const NormalisedText& normalised_;
  std::vector<Token> tokens_;
  std::unordered_map<std::string_view, int32_t> ids_;
  std::vector<std::vector<int32_t>> postings_;  // id -> token indices
};

// Word spans (bytes) of normalised UTF-8: maximal runs of letters and digits.
std::vector<std::pair<size_t, size_t>> WordSpans(std::string_view utf8);

}  // namespace ieval

#endif  // IEVAL_GROUND_FUZZY_H_
