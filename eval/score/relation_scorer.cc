#include "eval/score/relation_scorer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "eval/score/alignment.h"

namespace ieval {
namespace {

using Key = std::tuple<std::string, size_t, size_t>;  // type, head, tail

std::unordered_map<std::string, size_t> IndexById(const Annotations& a) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < a.mentions.size(); ++i)
    index.emplace(a.mentions[i].id, i);  // the first of duplicate ids
  return index;
}

Key MakeKey(const std::string& type, size_t head, size_t tail,
            const std::set<std::string>& symmetric) {
  if (symmetric.count(type) && tail < head) std::swap(head, tail);
  return {type, head, tail};
}

TypedCounts Count(const Annotations& gold, const Annotations& pred,
                  const std::set<std::string>& symmetric, bool check_type) {
  // Gold mention of each span (the first in canonical order when gold
  // repeats a span, which validated gold never does).
  std::map<std::pair<int64_t, int64_t>, size_t> gold_at;
  for (size_t i = 0; i < gold.mentions.size(); ++i) {
    const Mention& m = gold.mentions[i];
    auto [it, fresh] = gold_at.emplace(std::make_pair(m.start, m.end), i);
    if (!fresh && CanonicalLess(m, gold.mentions[it->second])) it->second = i;
  }
  const auto gold_ids = IndexById(gold);
  const auto pred_ids = IndexById(pred);
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
  counts.strict = Count(gold, pred, symmetric_types, /*check_type=*/true);
  counts.boundaries = Count(gold, pred, symmetric_types, /*check_type=*/false);
  return counts;
}

}  // namespace ieval
