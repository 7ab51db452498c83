// The assignment problem (Kuhn-Munkres / Hungarian method): pair rows with
// columns, each at most once, maximising the summed weight. CEAF needs it to
// align gold and predicted entities (Luo 2005). O(r^2 c) for r <= c; the
// cluster scorer calls it per connected component, which keeps r and c small.
#ifndef IEVAL_SCORE_ASSIGNMENT_H_
#define IEVAL_SCORE_ASSIGNMENT_H_

#include <vector>

namespace ieval {

// `weights` is rows x cols, row-major, every weight >= 0. Returns, for each
// row, the column it is assigned to, or -1 (when rows > cols some rows stay
// unassigned). Deterministic: the same matrix gives the same assignment.
std::vector<int> MaxWeightAssignment(const std::vector<double>& weights,
                                     int rows, int cols);

}  // namespace ieval

#endif  // IEVAL_SCORE_ASSIGNMENT_H_
