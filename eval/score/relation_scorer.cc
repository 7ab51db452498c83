#include "eval/score/relation_scorer.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "eval/score/alignment.h"

namespace ieval {
namespace {

using Key = std::tuple<std::string, size_t, size_t>;  // type, head, tail

// Index of each mention id that `relations` name (the first mention of a
// repeated id), so the cost follows the number of relations.
std::unordered_map<std::string, size_t> IndexById(
    const Annotations& a, const std::vector<Relation>& relations) {
  std::unordered_map<std::string, size_t> index;
  if (relations.empty()) return index;
  for (const Relation& r : relations) {
    index.emplace(r.head, SIZE_MAX);
    index.emplace(r.tail, SIZE_MAX);
  }
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    auto it = index.find(a.mentions[i].id);
    if (it != index.end() && it->second == SIZE_MAX) it->second = i;
  }
  for (auto it = index.begin(); it != index.end();)
    it = it->second == SIZE_MAX ? index.erase(it) : std::next(it);
  return index;
}

Key MakeKey(const std::string& type, size_t head, size_t tail,
            const std::set<std::string>& symmetric) {
  if (symmetric.count(type) && tail < head) std::swap(head, tail);
  return {type, head, tail};
}

struct Indexes {
  std::unordered_map<std::string, size_t> gold_ids;
  std::unordered_map<std::string, size_t> pred_ids;
  // Gold mention of each span (the first in canonical order when gold
  // repeats a span, which validated gold never does).
  std::map<std::pair<int64_t, int64_t>, size_t> gold_at;
};

Indexes MakeIndexes(const Annotations& gold, const Annotations& pred) {
  Indexes x;
  x.gold_ids = IndexById(gold, gold.relations);
  x.pred_ids = IndexById(pred, pred.relations);
  if (pred.relations.empty()) return x;
  for (size_t i = 0; i < gold.mentions.size(); ++i) {
    const Mention& m = gold.mentions[i];
    auto [it, fresh] = x.gold_at.emplace(std::make_pair(m.start, m.end), i);
    if (!fresh && CanonicalLess(m, gold.mentions[it->second])) it->second = i;
  }
  return x;
}

TypedCounts Count(const Annotations& gold, const Annotations& pred,
                  const Indexes& x, const std::set<std::string>& symmetric,
                  bool check_type) {
  const auto& gold_ids = x.gold_ids;
  const auto& pred_ids = x.pred_ids;
  const auto& gold_at = x.gold_at;
  // The gold mention a predicted mention stands for, if any.
  auto gold_of = [&](const std::string& pred_id) -> std::optional<size_t> {
    auto p = pred_ids.find(pred_id);
    if (p == pred_ids.end()) return std::nullopt;
    const Mention& m = pred.mentions[p->second];
    auto g = gold_at.find({m.start, m.end});
    if (g == gold_at.end()) return std::nullopt;
    if (check_type && gold.mentions[g->second].type != m.type)
      return std::nullopt;
    return g->second;
  };

  TypedCounts counts;
  std::map<Key, int64_t> gold_keys, pred_keys;
  for (const Relation& r : gold.relations) {
    counts.per_type[r.type];
    auto h = gold_ids.find(r.head), t = gold_ids.find(r.tail);
    if (h == gold_ids.end() || t == gold_ids.end()) continue;
    ++gold_keys[MakeKey(r.type, h->second, t->second, symmetric)];
  }
  for (const Relation& r : pred.relations) {
    counts.per_type[r.type];
    auto h = gold_of(r.head), t = gold_of(r.tail);
    if (!h || !t) {
      counts.per_type[r.type].fp += 1;
      counts.overall.fp += 1;
      continue;
    }
    ++pred_keys[MakeKey(r.type, *h, *t, symmetric)];
  }
  for (const auto& [key, n] : gold_keys) {
    auto p = pred_keys.find(key);
    const int64_t predicted = p == pred_keys.end() ? 0 : p->second;
    const int64_t tp = std::min(n, predicted);
    PrfCounts c{static_cast<double>(tp), 0, static_cast<double>(n - tp)};
    counts.per_type[std::get<0>(key)] += c;
    counts.overall += c;
  }
  for (const auto& [key, n] : pred_keys) {
    auto g = gold_keys.find(key);
    const int64_t tp = g == gold_keys.end() ? 0 : std::min(n, g->second);
    PrfCounts c{0, static_cast<double>(n - tp), 0};
    counts.per_type[std::get<0>(key)] += c;
    counts.overall += c;
  }
  return counts;
}

}  // namespace

RelationCounts ScoreRelations(const Annotations& gold, const Annotations& pred,
                              const std::set<std::string>& symmetric_types) {
  RelationCounts counts;
  if (gold.relations.empty() && pred.relations.empty()) return counts;
  const Indexes indexes = MakeIndexes(gold, pred);
  counts.strict =
      Count(gold, pred, indexes, symmetric_types, /*check_type=*/true);
  counts.boundaries =
      Count(gold, pred, indexes, symmetric_types, /*check_type=*/false);
  return counts;
}

}  // namespace ieval
