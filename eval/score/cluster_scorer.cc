#include "eval/score/cluster_scorer.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <utility>

#include "eval/score/assignment.h"

namespace ieval {
namespace {

ExactSum Whole(int64_t n) { return ExactSum::FromDouble(static_cast<double>(n)); }
int64_t Pairs(int64_t n) { return n * (n - 1) / 2; }

// The clusters of one side: cluster of each mention (-1: takes no part) and
// the size of each cluster. Cluster ids follow the sorted entity ids, so
// they do not depend on input order.
struct Partition {
  std::vector<int> cluster_of;
  std::vector<int64_t> size;
  int64_t mentions = 0;
};

Partition Group(const std::vector<Mention>& mentions,
                const std::vector<bool>& included) {
  std::map<std::string, std::vector<size_t>> by_entity;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (included[i]) by_entity[*mentions[i].entity].push_back(i);
  Partition p;
  p.cluster_of.assign(mentions.size(), -1);
  for (const auto& [entity, members] : by_entity) {
    for (size_t i : members)
      p.cluster_of[i] = static_cast<int>(p.size.size());
    p.size.push_back(static_cast<int64_t>(members.size()));
    p.mentions += static_cast<int64_t>(members.size());
  }
  return p;
}

// MUC (Vilain et al. 1995) one way: for each cluster S of `from`, |S| minus
// the parts `to` splits it into (a mention without a twin in `to` is a part
// of its own), over the sum of |S| - 1.
void MucSide(const Partition& from, const std::vector<std::pair<int, int>>&
                                        twin_clusters,  // (from, to) per twin
             ExactSum* num, ExactSum* den) {
  std::vector<int64_t> twinned(from.size.size(), 0);
  std::map<int, std::vector<int>> parts;  // from cluster -> to clusters
  for (const auto& [a, b] : twin_clusters) {
    ++twinned[static_cast<size_t>(a)];
    parts[a].push_back(b);
  }
  int64_t n = 0, d = 0;
  for (size_t k = 0; k < from.size.size(); ++k) {
    auto& to = parts[static_cast<int>(k)];
    std::sort(to.begin(), to.end());
    const int64_t distinct =
        std::unique(to.begin(), to.end()) - to.begin();
    const int64_t p = distinct + (from.size[k] - twinned[k]);
    n += from.size[k] - p;
    d += from.size[k] - 1;
  }
  *num = Whole(n);
  *den = Whole(d);
}

// CEAF (Luo 2005): the best one-to-one alignment of gold and predicted
// clusters under `phi`, found per connected component of the "share a
// mention" graph with the Hungarian method. Returns the summed similarity.
template <typename Phi>
ExactSum CeafSimilarity(const std::map<std::pair<int, int>, int64_t>& common,
                        size_t gold_clusters, size_t pred_clusters, Phi phi) {
  // Union-find over gold clusters [0, g) and predicted ones [g, g + p).
  std::vector<size_t> parent(gold_clusters + pred_clusters);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& [kr, c] : common)
    parent[find(static_cast<size_t>(kr.first))] =
        find(gold_clusters + static_cast<size_t>(kr.second));
  std::map<size_t, std::vector<std::pair<int, int>>> components;
  for (const auto& [kr, c] : common)
    components[find(static_cast<size_t>(kr.first))].push_back(kr);

  ExactSum total;
  for (const auto& [root, edges] : components) {
    std::vector<int> rows, cols;
    for (const auto& [k, r] : edges) {
      rows.push_back(k);
      cols.push_back(r);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    const size_t nr = rows.size(), nc = cols.size();
    std::vector<double> weights(nr * nc, 0.0);
    for (const auto& [k, r] : edges) {
      const size_t i = static_cast<size_t>(
          std::lower_bound(rows.begin(), rows.end(), k) - rows.begin());
      const size_t j = static_cast<size_t>(
          std::lower_bound(cols.begin(), cols.end(), r) - cols.begin());
      weights[i * nc + j] = phi(k, r, common.at({k, r}));
    }
    const auto column_of = MaxWeightAssignment(
        weights, static_cast<int>(nr), static_cast<int>(nc));
    for (size_t i = 0; i < nr; ++i)
      if (column_of[i] >= 0)
        total += ExactSum::FromDouble(
            weights[i * nc + static_cast<size_t>(column_of[i])]);
  }
  return total;
}

}  // namespace

ClusterCounts& ClusterCounts::operator+=(const ClusterCounts& o) {
  muc += o.muc;
  b3 += o.b3;
  ceafe += o.ceafe;
  ceafm += o.ceafm;
  blanc_coref += o.blanc_coref;
  blanc_noncoref += o.blanc_noncoref;
  mentions += o.mentions;
  return *this;
}

ClusterCounts ScoreClusters(const std::vector<Mention>& gold,
                            const std::vector<Mention>& pred) {
  // One predicted mention per span (the first in canonical order), and one
  // gold mention per span likewise: identity is the span.
  auto keep_one_per_span = [](const std::vector<Mention>& mentions) {
    std::map<std::pair<int64_t, int64_t>, size_t> kept;
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (!mentions[i].entity) continue;
      auto [it, fresh] =
          kept.emplace(std::make_pair(mentions[i].start, mentions[i].end), i);
      if (!fresh && CanonicalLess(mentions[i], mentions[it->second]))
        it->second = i;
    }
    return kept;
  };
  const auto gold_spans = keep_one_per_span(gold);
  const auto pred_spans = keep_one_per_span(pred);
  std::vector<bool> gold_in(gold.size()), pred_in(pred.size(), false);
  for (size_t i = 0; i < gold.size(); ++i)
    gold_in[i] = gold[i].entity.has_value();
  for (const auto& [span, i] : pred_spans) pred_in[i] = true;

  const Partition key = Group(gold, gold_in);
  const Partition response = Group(pred, pred_in);

  // Twins: a gold and a predicted mention with the same span.
  std::vector<std::pair<int, int>> twins;  // (key cluster, response cluster)
  for (const auto& [span, g] : gold_spans) {
    auto p = pred_spans.find(span);
    if (p == pred_spans.end()) continue;
    twins.emplace_back(key.cluster_of[g], response.cluster_of[p->second]);
  }
  std::map<std::pair<int, int>, int64_t> common;
  for (const auto& kr : twins) ++common[kr];

  ClusterCounts c;
  const auto n_twins = static_cast<int64_t>(twins.size());
  c.mentions.tp = static_cast<double>(n_twins);
  c.mentions.fn = static_cast<double>(key.mentions - n_twins);
  c.mentions.fp = static_cast<double>(response.mentions - n_twins);

  MucSide(key, twins, &c.muc.recall_num, &c.muc.recall_den);
  std::vector<std::pair<int, int>> reversed;
  for (const auto& [k, r] : twins) reversed.emplace_back(r, k);
  MucSide(response, reversed, &c.muc.precision_num, &c.muc.precision_den);

  // B-cubed: sum over (K, R) of |K ∩ R|^2 / |K| (recall) and / |R|
  // (precision), over all gold and all predicted mentions.
  for (const auto& [kr, n] : common) {
    const double sq = static_cast<double>(n * n);
    c.b3.recall_num += ExactSum::FromDouble(
        sq / static_cast<double>(key.size[static_cast<size_t>(kr.first)]));
    c.b3.precision_num += ExactSum::FromDouble(
        sq /
        static_cast<double>(response.size[static_cast<size_t>(kr.second)]));
  }
  c.b3.recall_den = Whole(key.mentions);
  c.b3.precision_den = Whole(response.mentions);

  // CEAFe: phi4 = 2|K ∩ R| / (|K| + |R|), over the numbers of clusters.
  const ExactSum phi4 = CeafSimilarity(
      common, key.size.size(), response.size.size(),
      [&](int k, int r, int64_t n) {
        return 2.0 * static_cast<double>(n) /
               static_cast<double>(key.size[static_cast<size_t>(k)] +
                                   response.size[static_cast<size_t>(r)]);
      });
  c.ceafe = {phi4, Whole(static_cast<int64_t>(key.size.size())), phi4,
             Whole(static_cast<int64_t>(response.size.size()))};
  // CEAFm: phi3 = |K ∩ R|, over the numbers of mentions.
  const ExactSum phi3 = CeafSimilarity(
      common, key.size.size(), response.size.size(),
      [](int, int, int64_t n) { return static_cast<double>(n); });
  c.ceafm = {phi3, Whole(key.mentions), phi3, Whole(response.mentions)};

  // BLANC links. Among twins: pairs in one gold and one predicted cluster
  // are common coreference links; pairs in different clusters on both sides
  // are common non-coreference links (inclusion-exclusion over the twins).
  int64_t gold_links = 0, pred_links = 0, both = 0, same_key = 0,
          same_response = 0;
  for (int64_t s : key.size) gold_links += Pairs(s);
  for (int64_t s : response.size) pred_links += Pairs(s);
  std::map<int, int64_t> per_key, per_response;
  for (const auto& [kr, n] : common) {
    both += Pairs(n);
    per_key[kr.first] += n;
    per_response[kr.second] += n;
  }
  for (const auto& [k, n] : per_key) same_key += Pairs(n);
  for (const auto& [r, n] : per_response) same_response += Pairs(n);
  c.blanc_coref = {both, gold_links, pred_links};
  c.blanc_noncoref = {Pairs(n_twins) - same_key - same_response + both,
                      Pairs(key.mentions) - gold_links,
                      Pairs(response.mentions) - pred_links};
  return c;
}

double ConllF1(const ClusterCounts& c) {
  return (F1(c.muc) + F1(c.b3) + F1(c.ceafe)) / 3.0;
}

BlancScore Blanc(const ClusterCounts& c) {
  auto score = [](const LinkCounts& l) {
    BlancScore s;
    s.recall = l.gold > 0 ? static_cast<double>(l.common) /
                                static_cast<double>(l.gold)
                          : 0.0;
    s.precision = l.predicted > 0 ? static_cast<double>(l.common) /
                                        static_cast<double>(l.predicted)
                                  : 0.0;
    s.f1 = F1(s.precision, s.recall);
    return s;
  };
  const BlancScore coref = score(c.blanc_coref);
  const BlancScore noncoref = score(c.blanc_noncoref);
  if (c.blanc_coref.gold == 0 && c.blanc_noncoref.gold > 0) return noncoref;
  if (c.blanc_noncoref.gold == 0 && c.blanc_coref.gold > 0) return coref;
  return BlancScore{(coref.recall + noncoref.recall) / 2,
                    (coref.precision + noncoref.precision) / 2,
                    (coref.f1 + noncoref.f1) / 2};
}

}  // namespace ieval
