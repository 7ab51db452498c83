#include "strict_counts.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

namespace ieval {

TypedCounts StrictCounts(const std::vector<Mention>& gold,
                         const std::vector<Mention>& predicted,
                         const std::vector<std::string>& types) {
  using Key = std::tuple<int64_t, int64_t, std::string>;
  auto wanted = [&](const Mention& m) {
    return std::find(types.begin(), types.end(), m.type) != types.end();
  };
  std::multiset<Key> open;
  TypedCounts out;
  for (const std::string& t : types) out.per_type[t];
  for (const Mention& m : gold) {
    if (!wanted(m)) continue;
    open.insert({m.start, m.end, m.type});
    out.per_type[m.type].fn += 1;
    out.overall.fn += 1;
  }
  for (const Mention& m : predicted) {
    if (!wanted(m)) continue;
    auto it = open.find({m.start, m.end, m.type});
    if (it == open.end()) {
      out.per_type[m.type].fp += 1;
      out.overall.fp += 1;
      continue;
    }
    open.erase(it);
    out.per_type[m.type].tp += 1;
    out.per_type[m.type].fn -= 1;
    out.overall.tp += 1;
    out.overall.fn -= 1;
  }
  return out;
}

std::string FormatPrf(const PrfCounts& c) {
  char buf[160];
  std::snprintf(buf, sizeof(buf),
                "P %5.1f  R %5.1f  F1 %5.1f  (tp %.0f, fp %.0f, fn %.0f)",
                100 * Precision(c), 100 * Recall(c), 100 * F1(c), c.tp, c.fp,
                c.fn);
  return buf;
}

}  // namespace ieval
