// Entity scores broken down by how each prediction got its offsets
// (MentionAlignment: given, or grounded exact / normalised / fuzzy, or
// ungrounded): per status, the number of predictions and the credit they
// earn in each mode of span_scorer.h, read off the same one-to-one
// alignment as the overall scores, so the credits of the statuses add up
// to the overall tp of each mode and precision per status is
// credit / predictions.
#ifndef IEVAL_SCORE_BY_ALIGNMENT_H_
#define IEVAL_SCORE_BY_ALIGNMENT_H_

#include <array>
#include <cstdint>

#include "ieval/core/types.h"
#include "ieval/score/scorer.h"
#include "ieval/score/span_scorer.h"

namespace ieval {

// The statuses reported, in this order.
inline constexpr std::array<MentionAlignment, 5> kReportedAlignments = {
    MentionAlignment::kGiven, MentionAlignment::kExact,
    MentionAlignment::kNormalised, MentionAlignment::kFuzzy,
    MentionAlignment::kUngrounded};

struct AlignmentCredit {
  int64_t predictions = 0;
  std::array<double, 4> tp{};  // by SpanMode

  double precision(SpanMode mode) const {
    return predictions == 0 ? 0.0
                            : tp[static_cast<size_t>(mode)] /
                                  static_cast<double>(predictions);
  }
  AlignmentCredit& operator+=(const AlignmentCredit& o) {
    predictions += o.predictions;
    for (size_t m = 0; m < tp.size(); ++m) tp[m] += o.tp[m];
    return *this;
  }
  friend bool operator==(const AlignmentCredit&,
                         const AlignmentCredit&) = default;
};

struct ByAlignment {
  std::array<AlignmentCredit, kReportedAlignments.size()> by;  // as listed

  AlignmentCredit& operator[](MentionAlignment a);
  const AlignmentCredit& operator[](MentionAlignment a) const;
  ByAlignment& operator+=(const ByAlignment& o) {
    for (size_t i = 0; i < by.size(); ++i) by[i] += o.by[i];
    return *this;
  }
  friend bool operator==(const ByAlignment&, const ByAlignment&) = default;
};

// One document, after the type map and filter of `options`. A prediction
// still kPending counts as ungrounded.
ByAlignment ScoreByAlignment(const Annotations& gold, const Annotations& pred,
                             const ScoreOptions& options);

}  // namespace ieval

#endif  // IEVAL_SCORE_BY_ALIGNMENT_H_
