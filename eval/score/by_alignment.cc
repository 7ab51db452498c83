#include "ieval/score/by_alignment.h"

#include <algorithm>

#include "ieval/score/alignment.h"

namespace ieval {
namespace {

size_t Slot(MentionAlignment a) {
  if (a == MentionAlignment::kPending) a = MentionAlignment::kUngrounded;
  return static_cast<size_t>(
      std::find(kReportedAlignments.begin(), kReportedAlignments.end(), a) -
      kReportedAlignments.begin());
}

constexpr size_t Mode(SpanMode m) { return static_cast<size_t>(m); }

}  // namespace

AlignmentCredit& ByAlignment::operator[](MentionAlignment a) {
  return by[Slot(a)];
}
const AlignmentCredit& ByAlignment::operator[](MentionAlignment a) const {
  return by[Slot(a)];
}

ByAlignment ScoreByAlignment(const Annotations& gold, const Annotations& pred,
                             const ScoreOptions& options) {
  ByAlignment out;
  const Annotations g = PrepareAnnotations(gold, false, options);
  const Annotations p = PrepareAnnotations(pred, true, options);
  for (const Mention& m : MappedMentions(pred.mentions, true, options))
    if (HasNoSpan(m.alignment)) ++out[m.alignment].predictions;
  const DocumentAlignment alignment =
      AlignMentions(g.mentions, p.mentions, options.min_overlap);
  for (size_t i = 0; i < p.mentions.size(); ++i) {
    AlignmentCredit& credit = out[p.mentions[i].alignment];
    ++credit.predictions;
    if (const int32_t k = alignment.boundary_first.pred_pair[i]; k >= 0) {
      const AlignedPair& pair =
          alignment.boundary_first.pairs[static_cast<size_t>(k)];
      if (pair.exact && pair.same_type) credit.tp[Mode(SpanMode::kStrict)] += 1;
      if (pair.exact) credit.tp[Mode(SpanMode::kExact)] += 1;
      credit.tp[Mode(SpanMode::kPartial)] += pair.exact ? 1.0 : 0.5;
    }
    if (const int32_t k = alignment.type_first.pred_pair[i]; k >= 0) {
      if (alignment.type_first.pairs[static_cast<size_t>(k)].same_type)
        credit.tp[Mode(SpanMode::kType)] += 1;
    }
  }
  return out;
}

}  // namespace ieval
