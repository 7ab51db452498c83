// A slow, obviously correct re-implementation of the span and cluster
// scorers, straight from their definitions, for cross-checking the real
// ones on random inputs (as re2's testing/tester.h runs every engine against
// a backtracker). It lives in a test-only library so it can never ship.
//
// What is written differently on purpose:
//   alignment  repeatedly scans every gold x prediction pair for the best
//              free one (O(k n m)) instead of sorting candidates once;
//   B-cubed    is summed per mention, not per pair of clusters;
//   MUC        builds each partition explicitly as sets;
//   CEAF       tries every one-to-one mapping of clusters (small inputs);
//   BLANC      enumerates every pair of mentions.
#ifndef IEVAL_TESTS_TESTING_REFERENCE_SCORER_H_
#define IEVAL_TESTS_TESTING_REFERENCE_SCORER_H_

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/alignment.h"
#include "ieval/score/counts.h"

namespace ieval::testing {

// Pairs (gold index, pred index), by the definition in alignment.h.
std::set<std::pair<int, int>> ReferenceAlign(const std::vector<Mention>& gold,
                                             const std::vector<Mention>& pred,
                                             AlignPreference preference,
                                             double min_overlap);

struct ReferenceEntityCounts {
  // strict, exact, partial, type: overall and per type.
  std::map<std::string, PrfCounts> overall;
  std::map<std::string, ByType<PrfCounts>> per_type;
  // strict, exact, partial, ent_type.
  std::map<std::string, SemevalCounts> semeval;
  std::map<std::string, ByType<SemevalCounts>> semeval_per_type;
};
ReferenceEntityCounts ReferenceScoreEntities(const std::vector<Mention>& gold,
                                             const std::vector<Mention>& pred,
                                             double min_overlap);

struct ReferenceClusterScores {
  double muc_recall_num = 0, muc_recall_den = 0;
  double muc_precision_num = 0, muc_precision_den = 0;
  double b3_recall_num = 0, b3_recall_den = 0;
  double b3_precision_num = 0, b3_precision_den = 0;
  double ceafe_num = 0, ceafe_recall_den = 0, ceafe_precision_den = 0;
  double ceafm_num = 0, ceafm_recall_den = 0, ceafm_precision_den = 0;
  int64_t coref_common = 0, coref_gold = 0, coref_pred = 0;
  int64_t noncoref_common = 0, noncoref_gold = 0, noncoref_pred = 0;
};
// REQUIRES: no repeated span on either side; at most 7 clusters a side.
ReferenceClusterScores ReferenceScoreClusters(const std::vector<Mention>& gold,
                                              const std::vector<Mention>& pred);

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_REFERENCE_SCORER_H_
