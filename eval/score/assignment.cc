#include "ieval/score/assignment.h"

#include <cstddef>
#include <limits>

namespace ieval {
namespace {

// Minimum-cost assignment of every row (rows <= cols) with potentials,
// the O(r^2 c) form of the Hungarian method. 1-based internally.
std::vector<int> MinCostRows(const std::vector<double>& cost, int rows,
                             int cols) {
  const double kInf = std::numeric_limits<double>::infinity();
  const auto r = static_cast<size_t>(rows), c = static_cast<size_t>(cols);
  std::vector<double> u(r + 1, 0), v(c + 1, 0);
  std::vector<size_t> p(c + 1, 0), way(c + 1, 0);
  for (size_t i = 1; i <= r; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(c + 1, kInf);
    std::vector<bool> used(c + 1, false);
    do {
      used[j0] = true;
      const size_t i0 = p[j0];
      double delta = kInf;
      size_t j1 = 0;
      for (size_t j = 1; j <= c; ++j) {
        if (used[j]) continue;
        const double cur = cost[(i0 - 1) * c + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= c; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> column_of(r, -1);
  for (size_t j = 1; j <= c; ++j)
    if (p[j] != 0) column_of[p[j] - 1] = static_cast<int>(j - 1);
  return column_of;
}

}  // namespace

std::vector<int> MaxWeightAssignment(const std::vector<double>& weights,
                                     int rows, int cols) {
  if (rows == 0 || cols == 0) return std::vector<int>(rows > 0 ? rows : 0, -1);
  const auto r = static_cast<size_t>(rows), c = static_cast<size_t>(cols);
  if (rows <= cols) {
    std::vector<double> cost(r * c);
    for (size_t i = 0; i < r * c; ++i) cost[i] = -weights[i];
    return MinCostRows(cost, rows, cols);
  }
  // More rows than columns: assign the columns to rows instead.
  std::vector<double> cost(c * r);
  for (size_t i = 0; i < r; ++i)
    for (size_t j = 0; j < c; ++j) cost[j * r + i] = -weights[i * c + j];
  const std::vector<int> row_of = MinCostRows(cost, cols, rows);
  std::vector<int> column_of(r, -1);
  for (size_t j = 0; j < c; ++j)
    if (row_of[j] >= 0)
      column_of[static_cast<size_t>(row_of[j])] = static_cast<int>(j);
  return column_of;
}

}  // namespace ieval
