#include "ieval/score/cluster_scorer.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <string_view>
#include <tuple>
#include <utility>

#include "ieval/core/string_table.h"
#include "ieval/score/alignment.h"
#include "ieval/score/assignment.h"

namespace ieval {
namespace {

ExactSum Whole(int64_t n) {
  return ExactSum::FromDouble(static_cast<double>(n));
}
int64_t Pairs(int64_t n) { return n * (n - 1) / 2; }

// The mentions with an entity id, in canonical order (sorted by span).
std::vector<size_t> WithEntity(const std::vector<Mention>& mentions,
                               const std::vector<int32_t>& order) {
  std::vector<size_t> index;
  index.reserve(order.size());
  for (int32_t i : order)
    if (mentions[static_cast<size_t>(i)].entity)
      index.push_back(static_cast<size_t>(i));
  return index;
}

// The first mention of each span of `by_span`.
std::vector<size_t> OnePerSpan(const std::vector<Mention>& mentions,
                               const std::vector<size_t>& by_span) {
  std::vector<size_t> kept;
  kept.reserve(by_span.size());
  for (size_t i : by_span) {
    if (!kept.empty() && mentions[kept.back()].start == mentions[i].start &&
        mentions[kept.back()].end == mentions[i].end)
      continue;
    kept.push_back(i);
  }
  return kept;
}

// The clusters of one side: the cluster of each mention (-1: takes no
// part) and each cluster's size. Cluster ids follow the sorted entity ids,
// so they do not depend on input order.
struct Partition {
  std::vector<int32_t> cluster_of;
  std::vector<int64_t> size;
  int64_t mentions = 0;
};

// `members` in canonical order; clusters are numbered in order of first
// appearance, which does not depend on input order.
Partition Group(const std::vector<Mention>& mentions,
                const std::vector<size_t>& members) {
  Partition p;
  p.cluster_of.assign(mentions.size(), -1);
  StringTable interner;
  for (size_t i : members) {
    const auto [id, fresh] = interner.Intern(*mentions[i].entity);
    if (fresh) p.size.push_back(0);
    p.cluster_of[i] = static_cast<int32_t>(id);
    ++p.size[static_cast<size_t>(id)];
  }
  p.mentions = static_cast<int64_t>(members.size());
  return p;
}

// |K ∩ R| for every gold cluster K and predicted cluster R that share a
// mention, sorted by (K, R).
struct Common {
  int32_t key;
  int32_t response;
  int64_t n;
};

// MUC (Vilain et al. 1995) one way: for each cluster S of `from`, |S| minus
// the parts the other side splits it into (a mention without a twin there
// is a part of its own), over the sum of |S| - 1. `from_of` picks S out of
// a Common entry; entries of one S are counted once per other cluster.
template <typename FromOf>
void Muc(const Partition& from, const std::vector<Common>& common,
         FromOf from_of, ExactSum* num, ExactSum* den) {
  std::vector<int64_t> distinct(from.size.size(), 0),
      twinned(from.size.size(), 0);
  for (const Common& c : common) {
    const auto s = static_cast<size_t>(from_of(c));
    ++distinct[s];
    twinned[s] += c.n;
  }
  int64_t n = 0, d = 0;
  for (size_t s = 0; s < from.size.size(); ++s) {
    const int64_t parts = distinct[s] + (from.size[s] - twinned[s]);
    n += from.size[s] - parts;
    d += from.size[s] - 1;
  }
  *num = Whole(n);
  *den = Whole(d);
}

// CEAF (Luo 2005): the best one-to-one alignment of gold and predicted
// clusters under a similarity phi, per connected component of the "share a
// mention" graph (the Hungarian method where a component has more than one
// pair). Returns the summed similarity under phi4 (CEAFe, first) and phi3
// (CEAFm, second), each with its own best alignment.
template <typename Phi4, typename Phi3>
std::pair<ExactSum, ExactSum> CeafSimilarity(const std::vector<Common>& common,
                                             size_t keys, size_t responses,
                                             Phi4 phi4, Phi3 phi3) {
  std::vector<size_t> parent(keys + responses);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const Common& c : common)
    parent[find(static_cast<size_t>(c.key))] =
        find(keys + static_cast<size_t>(c.response));
  // Entries grouped by component, in (K, R) order within each.
  std::vector<std::pair<size_t, size_t>> by_root;  // (root, entry)
  by_root.reserve(common.size());
  for (size_t i = 0; i < common.size(); ++i)
    by_root.emplace_back(find(static_cast<size_t>(common[i].key)), i);
  std::sort(by_root.begin(), by_root.end());

  std::pair<ExactSum, ExactSum> total;
  std::vector<int32_t> rows, cols;
  std::vector<double> w4, w3;
  for (size_t begin = 0; begin < by_root.size();) {
    size_t end = begin;
    while (end < by_root.size() && by_root[end].first == by_root[begin].first)
      ++end;
    if (end - begin == 1) {  // one gold and one predicted cluster
      const Common& c = common[by_root[begin].second];
      total.first += ExactSum::FromDouble(phi4(c));
      total.second += ExactSum::FromDouble(phi3(c));
      begin = end;
      continue;
    }
    rows.clear();
    cols.clear();
    for (size_t i = begin; i < end; ++i) {
      rows.push_back(common[by_root[i].second].key);
      cols.push_back(common[by_root[i].second].response);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    const size_t nr = rows.size(), nc = cols.size();
    w4.assign(nr * nc, 0.0);
    w3.assign(nr * nc, 0.0);
    for (size_t i = begin; i < end; ++i) {
      const Common& c = common[by_root[i].second];
      const auto r = static_cast<size_t>(
          std::lower_bound(rows.begin(), rows.end(), c.key) - rows.begin());
      const auto k = static_cast<size_t>(
          std::lower_bound(cols.begin(), cols.end(), c.response) -
          cols.begin());
      w4[r * nc + k] = phi4(c);
      w3[r * nc + k] = phi3(c);
    }
    for (auto [weights, sum] : {std::make_pair(&w4, &total.first),
                                std::make_pair(&w3, &total.second)}) {
      const auto column_of = MaxWeightAssignment(*weights, static_cast<int>(nr),
                                                 static_cast<int>(nc));
      for (size_t r = 0; r < nr; ++r)
        if (column_of[r] >= 0)
          *sum += ExactSum::FromDouble(
              (*weights)[r * nc + static_cast<size_t>(column_of[r])]);
    }
    begin = end;
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
  return ScoreClusters(gold, pred, CanonicalOrder(gold), CanonicalOrder(pred));
}

ClusterCounts ScoreClusters(const std::vector<Mention>& gold,
                            const std::vector<Mention>& pred,
                            const std::vector<int32_t>& gold_order,
                            const std::vector<int32_t>& pred_order) {
  const std::vector<size_t> gold_by_span = WithEntity(gold, gold_order);
  const std::vector<size_t> pred_by_span = WithEntity(pred, pred_order);
  // Every gold mention with an id takes part; predicted spans once each.
  const Partition key = Group(gold, gold_by_span);
  const std::vector<size_t> pred_kept = OnePerSpan(pred, pred_by_span);
  const Partition response = Group(pred, pred_kept);

  // Twins: a gold and a predicted mention with the same span (a merge of
  // the two span-sorted lists; one twin per span).
  std::vector<std::pair<int32_t, int32_t>> twins;  // (key, response) cluster
  const std::vector<size_t> gold_kept = OnePerSpan(gold, gold_by_span);
  for (size_t i = 0, j = 0; i < gold_kept.size() && j < pred_kept.size();) {
    const Mention& g = gold[gold_kept[i]];
    const Mention& p = pred[pred_kept[j]];
    if (std::tie(g.start, g.end) < std::tie(p.start, p.end)) {
      ++i;
    } else if (std::tie(p.start, p.end) < std::tie(g.start, g.end)) {
      ++j;
    } else {
      twins.emplace_back(key.cluster_of[gold_kept[i++]],
                         response.cluster_of[pred_kept[j++]]);
    }
  }
  std::sort(twins.begin(), twins.end());
  std::vector<Common> common;
  for (const auto& [k, r] : twins) {
    if (!common.empty() && common.back().key == k &&
        common.back().response == r) {
      ++common.back().n;
    } else {
      common.push_back({k, r, 1});
    }
  }

  ClusterCounts c;
  const auto n_twins = static_cast<int64_t>(twins.size());
  c.mentions.tp = static_cast<double>(n_twins);
  c.mentions.fn = static_cast<double>(key.mentions - n_twins);
  c.mentions.fp = static_cast<double>(response.mentions - n_twins);

  Muc(
      key, common, [](const Common& x) { return x.key; }, &c.muc.recall_num,
      &c.muc.recall_den);
  Muc(
      response, common, [](const Common& x) { return x.response; },
      &c.muc.precision_num, &c.muc.precision_den);

  // B-cubed: sum over (K, R) of |K ∩ R|^2 / |K| (recall) and / |R|
  // (precision), over all gold and all predicted mentions.
  for (const Common& x : common) {
    const auto sq = static_cast<double>(x.n * x.n);
    c.b3.recall_num += ExactSum::FromDouble(
        sq / static_cast<double>(key.size[static_cast<size_t>(x.key)]));
    c.b3.precision_num += ExactSum::FromDouble(
        sq /
        static_cast<double>(response.size[static_cast<size_t>(x.response)]));
  }
  c.b3.recall_den = Whole(key.mentions);
  c.b3.precision_den = Whole(response.mentions);

  // CEAFe: phi4 = 2|K ∩ R| / (|K| + |R|), over the numbers of clusters.
  // CEAFm: phi3 = |K ∩ R|, over the numbers of mentions.
  const auto [phi4, phi3] = CeafSimilarity(
      common, key.size.size(), response.size.size(),
      [&](const Common& x) {
        return 2.0 * static_cast<double>(x.n) /
               static_cast<double>(
                   key.size[static_cast<size_t>(x.key)] +
                   response.size[static_cast<size_t>(x.response)]);
      },
      [](const Common& x) { return static_cast<double>(x.n); });
  c.ceafe = {phi4, Whole(static_cast<int64_t>(key.size.size())), phi4,
             Whole(static_cast<int64_t>(response.size.size()))};
  c.ceafm = {phi3, Whole(key.mentions), phi3, Whole(response.mentions)};

  // BLANC links. Among twins, pairs in one gold and one predicted cluster
  // are common coreference links; pairs in different clusters on both sides
  // are common non-coreference links (inclusion-exclusion).
  int64_t gold_links = 0, pred_links = 0, both = 0, same_key = 0,
          same_response = 0;
  for (int64_t s : key.size) gold_links += Pairs(s);
  for (int64_t s : response.size) pred_links += Pairs(s);
  std::vector<int64_t> per_key(key.size.size(), 0),
      per_response(response.size.size(), 0);
  for (const Common& x : common) {
    both += Pairs(x.n);
    per_key[static_cast<size_t>(x.key)] += x.n;
    per_response[static_cast<size_t>(x.response)] += x.n;
  }
  for (int64_t n : per_key) same_key += Pairs(n);
  for (int64_t n : per_response) same_response += Pairs(n);
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
    s.recall = l.gold > 0
                   ? static_cast<double>(l.common) / static_cast<double>(l.gold)
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
