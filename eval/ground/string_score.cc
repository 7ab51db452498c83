#include "ieval/ground/string_score.h"

#include <algorithm>
#include <tuple>
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

bool HasSpan(const Mention& m, const OffsetIndex& offsets) {
  return !HasNoSpan(m.alignment) && 0 <= m.start && m.start < m.end &&
         m.end <= offsets.codepoints();
}

// A key GroundKey leaves non-empty: an ASCII letter or digit survives it
// (case folded); anything else is normalised to tell.
bool NonEmptyKey(std::string_view s) {
  for (char c : s)
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z'))
      return true;
  return !GroundKey(s).empty();
}

// A gold and a predicted mention of the same type, span and string have
// the same key: tp = Σ min(gold count, predicted count) loses exactly one
// for each such pair taken out, so they are counted here and only the rest
// (a good prediction's few errors) is normalised into bags.
void TakeSameSpans(std::string_view text, const OffsetIndex& offsets,
                   const std::vector<Mention>& gold,
                   const std::vector<Mention>& predicted, StringScore* score,
                   std::vector<Mention>* gold_rest,
                   std::vector<Mention>* pred_rest) {
  auto string_of = [&](const Mention& m) -> std::string_view {
    return m.text ? std::string_view(*m.text)
                  : offsets.Slice(text, m.start, m.end);
  };
  auto order = [&](const std::vector<Mention>& v) {
    std::vector<size_t> placed;
    for (size_t i = 0; i < v.size(); ++i)
      if (HasSpan(v[i], offsets)) placed.push_back(i);
    std::sort(placed.begin(), placed.end(), [&](size_t a, size_t b) {
      return std::tie(v[a].start, v[a].end, v[a].type) <
             std::tie(v[b].start, v[b].end, v[b].type);
    });
    return placed;
  };
  const std::vector<size_t> g = order(gold), p = order(predicted);
  std::vector<bool> gold_taken(gold.size()), pred_taken(predicted.size());
  size_t j = 0;
  for (size_t gi : g) {
    const Mention& a = gold[gi];
    auto key = [&](const Mention& m) {
      return std::tie(m.start, m.end, m.type);
    };
    while (j < p.size() && key(predicted[p[j]]) < key(a)) ++j;
    for (size_t k = j; k < p.size() && key(predicted[p[k]]) == key(a); ++k) {
      const Mention& b = predicted[p[k]];
      if (pred_taken[p[k]] || string_of(a) != string_of(b) ||
          !NonEmptyKey(string_of(a)))
        continue;
      gold_taken[gi] = pred_taken[p[k]] = true;
      ++score->per_type[a.type].tp;
      break;
    }
  }
  for (size_t i = 0; i < gold.size(); ++i)
    if (!gold_taken[i]) gold_rest->push_back(gold[i]);
  for (size_t i = 0; i < predicted.size(); ++i)
    if (!pred_taken[i]) pred_rest->push_back(predicted[i]);
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
  return ScoreStrings(text, OffsetIndex(text), gold, predicted);
}

StringScore ScoreStrings(std::string_view text, const OffsetIndex& offsets,
                         const std::vector<Mention>& gold,
                         const std::vector<Mention>& predicted) {
  StringScore score;
  std::vector<Mention> gold_rest, pred_rest;
  TakeSameSpans(text, offsets, gold, predicted, &score, &gold_rest, &pred_rest);
  const Bag gold_bag = BagOf(text, offsets, gold_rest);
  const Bag pred_bag = BagOf(text, offsets, pred_rest);
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
