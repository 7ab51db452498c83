#include "ieval/extractors/tagger/viterbi.h"

#include <Eigen/Core>

namespace ieval::tagger {

using RowMatrix =
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

std::vector<int> Viterbi(const float* emissions, int length, int num_labels,
                         const float* transitions, const float* start,
                         const float* end) {
  if (length <= 0) return {};
  const int n = num_labels;
  const Eigen::Map<const RowMatrix> emit(emissions, length, n);
  const Eigen::Map<const RowMatrix> trans(transitions, n, n);
  Eigen::VectorXf score =
      Eigen::Map<const Eigen::VectorXf>(start, n) + emit.row(0).transpose();
  Eigen::VectorXf next(n);
  // back(t, j): the best label at t - 1 given label j at t.
  Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> back(
      length, n);
  for (int t = 1; t < length; ++t) {
    for (int j = 0; j < n; ++j) {
      Eigen::Index best;
      // maxCoeff returns the first maximum: ties go to the lower index.
      next(j) = (score + trans.col(j)).maxCoeff(&best) + emit(t, j);
      back(t, j) = static_cast<int>(best);
    }
    score.swap(next);
  }
  Eigen::Index last;
  (score + Eigen::Map<const Eigen::VectorXf>(end, n)).maxCoeff(&last);
  std::vector<int> labels(static_cast<size_t>(length));
  labels.back() = static_cast<int>(last);
  for (int t = length - 1; t > 0; --t)
    labels[static_cast<size_t>(t - 1)] =
        back(t, labels[static_cast<size_t>(t)]);
  return labels;
}

double PathScore(const float* emissions, int num_labels,
                 const float* transitions, const float* start, const float* end,
                 const std::vector<int>& labels) {
  if (labels.empty()) return 0;
  double total = start[labels[0]] + end[labels.back()];
  for (size_t t = 0; t < labels.size(); ++t) {
    total += emissions[t * static_cast<size_t>(num_labels) +
                       static_cast<size_t>(labels[t])];
    if (t > 0) total += transitions[labels[t - 1] * num_labels + labels[t]];
  }
  return total;
}

}  // namespace ieval::tagger
