// Entity-cluster (coreference) scores of one document: MUC, B-cubed, CEAFe,
// CEAFm and BLANC, as the CoNLL-2012 reference scorer v8.01 computes them
// (github.com/conll/reference-coreference-scorers; Pradhan et al. 2014,
// "Scoring Coreference Partitions of Predicted Mentions: A Reference
// Implementation"). Checked against ../shared/reference/coref/.
//
// Clusters: the gold mentions grouped by their `entity` id, and the
// predicted ones grouped by theirs; mentions without an id take no part.
// Ids only need to be equal within one side of one document.
// Mention identity: a gold and a predicted mention are the same mention
// when their spans are equal (the reference scorer's identity; types are
// not compared), so only exactly matched mentions link the two sides.
// Unmatched ("twinless") mentions stay in their clusters on their own side:
// they count in that side's denominators and never in a numerator, as in
// the reference scorer. A span predicted twice is kept once (the reference
// scorer drops repeats after the first): the first in canonical order
// (eval/score/include/ieval/score/alignment.h), so input order never matters.
#ifndef IEVAL_SCORE_CLUSTER_SCORER_H_
#define IEVAL_SCORE_CLUSTER_SCORER_H_

#include <cstdint>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/counts.h"

namespace ieval {

// Integer link counts of one BLANC link type (coreference or
// non-coreference links): recall = common/gold, precision = common/predicted.
struct LinkCounts {
  int64_t common = 0;
  int64_t gold = 0;
  int64_t predicted = 0;
  LinkCounts& operator+=(const LinkCounts& o) {
    common += o.common;
    gold += o.gold;
    predicted += o.predicted;
    return *this;
  }
  friend bool operator==(const LinkCounts&, const LinkCounts&) = default;
};

struct ClusterCounts {
  RatioCounts muc;
  RatioCounts b3;
  RatioCounts ceafe;
  RatioCounts ceafm;
  LinkCounts blanc_coref;
  LinkCounts blanc_noncoref;
  // Mention identification (twins / gold / predicted mentions with an id).
  PrfCounts mentions;

  ClusterCounts& operator+=(const ClusterCounts& o);
  friend bool operator==(const ClusterCounts&, const ClusterCounts&) = default;
};

ClusterCounts ScoreClusters(const std::vector<Mention>& gold,
                            const std::vector<Mention>& pred);
// The same, given CanonicalOrder(gold) and CanonicalOrder(pred)
// (eval/score/include/ieval/score/alignment.h), which a DocumentAlignment
// already holds.
ClusterCounts ScoreClusters(const std::vector<Mention>& gold,
                            const std::vector<Mention>& pred,
                            const std::vector<int32_t>& gold_order,
                            const std::vector<int32_t>& pred_order);

// The CoNLL F1: the mean of the MUC, B-cubed and CEAFe F1.
double ConllF1(const ClusterCounts& c);

// BLANC (Recasens & Hovy 2011, with Luo et al. 2014's handling of predicted
// mentions): recall and precision are the means of the two link types'; F1
// is the mean of their F1s. When the gold has no link of one type, BLANC is
// the other type's score.
struct BlancScore {
  double recall = 0;
  double precision = 0;
  double f1 = 0;
};
BlancScore Blanc(const ClusterCounts& c);

}  // namespace ieval

#endif  // IEVAL_SCORE_CLUSTER_SCORER_H_
