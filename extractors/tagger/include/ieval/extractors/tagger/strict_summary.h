// The strict P/R/F1 lines of the training logs (`ieval train-tagger`'s
// held-out figures, `ieval crossval`'s folds): the real scorer's strict mode
// (eval/score/include/ieval/score/scorer.h), restricted to the trained
// types, so a training log and `ieval score` agree on the same predictions.
#ifndef IEVAL_EXTRACTORS_TAGGER_STRICT_SUMMARY_H_
#define IEVAL_EXTRACTORS_TAGGER_STRICT_SUMMARY_H_

#include <string>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/counts.h"

namespace ieval::tagger {

// Strict counts (same start, end and type; each gold mention matched at
// most once) of `predicted` against `gold`, overall and per type. Mentions
// of types outside `types` are ignored on both sides; per_type has an entry
// for each of `types`, all zeros when neither side has one, so every trained
// type gets a line. REQUIRES: `types` is not empty (empty would score every
// type).
TypedCounts StrictSpanCounts(const AnnotatedDocument& gold,
                             const Annotations& predicted,
                             const std::vector<std::string>& types);

// "P  81.2  R  75.0  F1  78.0  (tp 120, fp 28, fn 40)": percentages in
// fields of five, counts as integers.
std::string FormatPrf(const PrfCounts& counts);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_STRICT_SUMMARY_H_
