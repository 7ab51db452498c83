// First-order Viterbi decoding: the label sequence with the highest total of
// per-token label scores (emissions), start scores and label-to-label
// transition scores. Plain arrays in and out so callers need not see Eigen;
// the inner max-plus steps run on Eigen maps.
#ifndef IEVAL_EXTRACTORS_TAGGER_VITERBI_H_
#define IEVAL_EXTRACTORS_TAGGER_VITERBI_H_

#include <vector>

namespace ieval::tagger {

// A score low enough to forbid a move yet safe to add a few times.
inline constexpr float kForbidden = -1e30f;

// emissions: length x num_labels, row-major; transitions: num_labels x
// num_labels, transitions[from * num_labels + to]; start[to], end[from]:
// scores of the first and last label (kForbidden to rule them out).
// Returns one label per token (empty for length 0). Ties go to the lower
// label index, so results are deterministic.
std::vector<int> Viterbi(const float* emissions, int length, int num_labels,
                         const float* transitions, const float* start,
                         const float* end);

// The total score of `labels` under the same model (for tests and training
// diagnostics).
double PathScore(const float* emissions, int num_labels,
                 const float* transitions, const float* start, const float* end,
                 const std::vector<int>& labels);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_VITERBI_H_
