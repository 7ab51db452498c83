#include "ieval/io/closest_name.h"

#include <algorithm>
#include <vector>

namespace ieval {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  // The optimal string alignment distance: insertions, deletions,
  // substitutions and swaps of two neighbours ("tpye") cost one each.
  const size_t w = b.size() + 1;
  std::vector<size_t> d((a.size() + 1) * w);
  auto at = [&](size_t i, size_t j) -> size_t& { return d[i * w + j]; };
  for (size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = Lower(a[i - 1]) == Lower(b[j - 1]);
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1,
                           at(i - 1, j - 1) + (same ? 0 : 1)});
      if (i > 1 && j > 1 && Lower(a[i - 1]) == Lower(b[j - 2]) &&
          Lower(a[i - 2]) == Lower(b[j - 1]))
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  return at(a.size(), b.size());
}

std::string ClosestName(std::string_view name,
                        std::initializer_list<std::string_view> known) {
  const size_t limit = std::max<size_t>(1, name.size() / 3);
  std::string_view best;
  size_t best_distance = limit + 1;
  for (std::string_view k : known) {
    const size_t d = EditDistance(name, k);
    if (d < best_distance && d < std::max(name.size(), k.size())) {
      best = k;
      best_distance = d;
    }
  }
  return std::string(best);
}

std::string DidYouMean(std::string_view name,
                       std::initializer_list<std::string_view> known) {
  const std::string closest = ClosestName(name, known);
  return closest.empty() ? "" : " (did you mean \"" + closest + "\"?)";
}

}  // namespace ieval
