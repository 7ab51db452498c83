#include "ieval/ground/string_score.h"

#include <algorithm>
#include <utility>

#include "ieval/core/offset_index.h"
#include "ieval/ground/normalise.h"

namespace ieval {
namespace {

using Bag = std::map<std::pair<std::string, std::string>, int64_t>;

Bag BagOf(std::string_view text, const OffsetIndex& offsets,
          const std::vector<Mention>& mentions) {
  Bag bag;
  for (const Mention& m : mentions) {
    std::string key;
    if (m.text) {
      key = GroundKey(*m.text);
    } else if (0 <= m.start && m.start <= m.end &&
               m.end <= offsets.codepoints()) {
      key = GroundKey(offsets.Slice(text, m.start, m.end));
    }
    ++bag[{m.type, std::move(key)}];
  }
  return bag;
}

}  // namespace

StringScore& StringScore::operator+=(const StringScore& other) {
  overall += other.overall;
  for (const auto& [type, counts] : other.per_type) per_type[type] += counts;
  return *this;
}

StringScore ScoreStrings(std::string_view text,
                         const std::vector<Mention>& gold,
                         const std::vector<Mention>& predicted) {
  const OffsetIndex offsets(text);
  const Bag gold_bag = BagOf(text, offsets, gold);
  const Bag pred_bag = BagOf(text, offsets, predicted);
  StringScore score;
  for (const auto& [entry, count] : gold_bag) {
    StringCounts& c = score.per_type[entry.first];
    auto it = pred_bag.find(entry);
    // An empty key never matches: it names no string.
    const int64_t tp = it == pred_bag.end() || entry.second.empty()
                           ? 0
                           : std::min(count, it->second);
    c.tp += tp;
    c.fn += count - tp;
  }
  for (const auto& [entry, count] : pred_bag) {
    StringCounts& c = score.per_type[entry.first];
    auto it = gold_bag.find(entry);
    const int64_t tp = it == gold_bag.end() || entry.second.empty()
                           ? 0
                           : std::min(count, it->second);
    c.fp += count - tp;
  }
  for (const auto& [type, c] : score.per_type) score.overall += c;
  return score;
}

}  // namespace ieval
