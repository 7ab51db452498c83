// Alignment: the one step that pairs the gold mentions of a document with
// its predicted mentions, each mention in at most one pair. Every span metric
// (the four modes, the SemEval block, the error analysis, values, relations
// and clusters) is read off an alignment, so this is where ties are broken,
// once, and documented.
//
// Candidates: a gold g and a prediction p are a candidate pair when they
// share at least one character and p covers at least `min_overlap` of g's
// characters (0: any shared character), decided exactly (OverlapThreshold).
// A pair is `exact` when the spans are equal and `same_type` when the types
// are.
//
// Pairs are chosen greedily, best candidate first, under a total order that
// depends only on the mentions' contents, never on their order in the input:
//   1. the preference tier (below);
//   2. more shared characters;
//   3. closer boundaries (|start difference| + |end difference|);
//   4. the gold mention first in canonical order, then the prediction first
//      in canonical order (canonical order: start, end, type, entity, value,
//      id, text).
// A candidate is taken when neither mention is paired yet. This pairs a gold
// span that overlaps several predictions with the best of them (and a
// prediction that overlaps several gold spans with the best of those).
//
// Tiers:
//   kBoundaryFirst: exact & same type, exact, overlap & same type, overlap.
//     Used for strict, exact and partial, the SemEval strict/exact/partial
//     schemes and the error analysis: an exact span is never lost to a
//     same-type overlap.
//   kTypeFirst: exact & same type, overlap & same type, exact, overlap.
//     Used for the type mode and SemEval ent_type: a same-type overlap is
//     never lost to a wrong-type exact span. Restricted to its first two
//     tiers it is the per-type alignment (each type aligned on its own, as
//     nervaluate does for its per-type results).
//
// Cost: O((n + m) log(n + m) + E log E) for n gold and m predicted mentions
// and E candidate pairs; gold is flat (no overlaps), so E is about n + m.
// Predictions may overlap and nest. Overlapping gold is aligned correctly
// too, only more slowly (gold validation rejects it).
#ifndef IEVAL_SCORE_ALIGNMENT_H_
#define IEVAL_SCORE_ALIGNMENT_H_

#include <cstdint>
#include <vector>

#include "ieval/core/types.h"

namespace ieval {

enum class AlignPreference { kBoundaryFirst, kTypeFirst };

// "overlap >= min_overlap x length", decided in integers: min_overlap is
// read as the shortest decimal that rounds to it, which is the decimal
// written for up to 15 significant digits (0.28 is 28/100, not the double
// 0.28000000000000002665), so 7 of 25 code points meet 0.28 as they do for
// nervaluate, where 0.28 * 25 in floating point is 7.000000000000001.
class OverlapThreshold {
 public:
  // REQUIRES: 0 <= min_overlap <= 1.
  explicit OverlapThreshold(double min_overlap);
  // REQUIRES: 0 < overlap, 0 < length < 2^62.
  bool Covers(int64_t overlap, int64_t length) const;

 private:
  uint64_t digits_ = 0;  // min_overlap = digits_ / 10^scale_
  int scale_ = 0;
  uint64_t power_ = 1;  // 10^min(scale_, 19)
};

struct AlignedPair {
  int32_t gold = 0;        // index into the gold mentions
  int32_t pred = 0;        // index into the predicted mentions
  int64_t overlap = 0;     // shared code points
  bool exact = false;      // same span
  bool same_type = false;  // same type
  friend bool operator==(const AlignedPair&, const AlignedPair&) = default;
};

struct Alignment {
  // In the order of the gold mentions' canonical order.
  std::vector<AlignedPair> pairs;
  // Index into `pairs` for each mention, or -1 when it is unpaired.
  std::vector<int32_t> gold_pair;
  std::vector<int32_t> pred_pair;
};

// Canonical order of mentions (start, end, type, entity, value, id, text).
bool CanonicalLess(const Mention& a, const Mention& b);
// The indices of `mentions` in canonical order (input position breaks ties
// between identical mentions, which are interchangeable).
std::vector<int32_t> CanonicalOrder(const std::vector<Mention>& mentions);

// Both alignments of a document; they share the candidate search.
struct DocumentAlignment {
  Alignment boundary_first;
  Alignment type_first;
  std::vector<int32_t> gold_order;  // CanonicalOrder(gold)
  std::vector<int32_t> pred_order;  // CanonicalOrder(pred)
};

// REQUIRES: 0 <= min_overlap <= 1; fewer than 2^31 mentions on each side;
// every mention has start < end.
DocumentAlignment AlignMentions(const std::vector<Mention>& gold,
                                const std::vector<Mention>& pred,
                                double min_overlap);

// One alignment (for tests and callers that need only one).
Alignment Align(const std::vector<Mention>& gold,
                const std::vector<Mention>& pred, AlignPreference preference,
                double min_overlap);

}  // namespace ieval

#endif  // IEVAL_SCORE_ALIGNMENT_H_
