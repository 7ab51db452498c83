// The string-level score LLM-NER papers report (GoLLIE, BRIDGE and the
// like): per document, the multiset of (type, normalised text) of the gold
// against that of the predictions, with no offsets at all. It sits beside
// the span score so a paper's number and ieval's can be put side by side.
#ifndef IEVAL_GROUND_STRING_SCORE_H_
#define IEVAL_GROUND_STRING_SCORE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/core/types.h"

namespace ieval {

struct StringCounts {
  int64_t tp = 0;
  int64_t fp = 0;
  int64_t fn = 0;

  StringCounts& operator+=(const StringCounts& other) {
    tp += other.tp;
    fp += other.fp;
    fn += other.fn;
    return *this;
  }
  friend bool operator==(const StringCounts&, const StringCounts&) = default;
};

struct StringScore {
  StringCounts overall;
  // Every type seen in the gold or the predictions; per-type counts add up
  // to `overall`.
  std::map<std::string, StringCounts> per_type;

  StringScore& operator+=(const StringScore& other);
};

// One document: tp = Σ over (type, GroundKey(text)) of the smaller of its
// gold and predicted counts, fp = predictions − tp, fn = gold − tp. A
// mention without `text` is read from `text` at its offsets (code points),
// which must then lie inside it; a prediction with neither (an empty key)
// is a false positive of its type.
StringScore ScoreStrings(std::string_view text,
                         const std::vector<Mention>& gold,
                         const std::vector<Mention>& predicted);
// The same with the OffsetIndex of `text` (a caller that has one).
StringScore ScoreStrings(std::string_view text, const OffsetIndex& offsets,
                         const std::vector<Mention>& gold,
                         const std::vector<Mention>& predicted);

}  // namespace ieval

#endif  // IEVAL_GROUND_STRING_SCORE_H_
