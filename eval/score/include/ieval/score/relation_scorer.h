// Relation scores of one document. A predicted relation is correct when a
// gold relation has its type and its two arguments match the gold
// arguments:
//   strict:     same span and same type;
//   boundaries: same span (any type).
// Relation types marked symmetric (gold/labels.json) match in either
// direction. A relation whose argument was not predicted (or predicted with
// other boundaries) cannot be matched: the gold relation counts as missed
// and the predicted one, if any, as spurious. Each gold relation is matched
// at most once, so a relation predicted twice counts once as correct and
// once as spurious.
//
// Counting: tp, fp (a predicted relation of its predicted type) and fn (a
// gold relation of its gold type), per relation type and overall.
#ifndef IEVAL_SCORE_RELATION_SCORER_H_
#define IEVAL_SCORE_RELATION_SCORER_H_

#include <set>
#include <string>

#include "ieval/core/types.h"
#include "ieval/score/counts.h"

namespace ieval {

struct RelationCounts {
  TypedCounts strict;
  TypedCounts boundaries;
  RelationCounts& operator+=(const RelationCounts& o) {
    strict += o.strict;
    boundaries += o.boundaries;
    return *this;
  }
  friend bool operator==(const RelationCounts&,
                         const RelationCounts&) = default;
};

// Relations name their arguments by mention id; a relation naming an id
// that is not among the mentions is ignored in the gold (validation
// reports it) and spurious in the predictions.
RelationCounts ScoreRelations(const Annotations& gold, const Annotations& pred,
                              const std::set<std::string>& symmetric_types);

}  // namespace ieval

#endif  // IEVAL_SCORE_RELATION_SCORER_H_
