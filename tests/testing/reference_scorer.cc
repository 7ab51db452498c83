// Deliberately slow and plain; see reference_scorer.h. Never link into ieval.
#include "testing/reference_scorer.h"

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <numeric>
#include <sstream>
#include <string>
#include <tuple>

namespace ieval::testing {
namespace {

// Canonical rank: how many mentions come before this one in (start, end,
// type, entity, value, id, text) order, input position breaking ties.
std::vector<int> Ranks(const std::vector<Mention>& ms) {
  std::vector<int> rank(ms.size(), 0);
  for (size_t i = 0; i < ms.size(); ++i)
    for (size_t j = 0; j < ms.size(); ++j) {
      const auto a = std::tie(ms[j].start, ms[j].end, ms[j].type, ms[j].entity,
                              ms[j].value, ms[j].id, ms[j].text);
      const auto b = std::tie(ms[i].start, ms[i].end, ms[i].type, ms[i].entity,
                              ms[i].value, ms[i].id, ms[i].text);
      if (a < b || (a == b && j < i)) ++rank[i];
    }
  return rank;
}

// overlap >= min_overlap * length in integers, min_overlap read as the
// decimal it prints as with 15 decimals (the thresholds of the tests have
// fewer), so num * length stays far below 2^127.
bool MeetsMinOverlap(int64_t overlap, int64_t length, double min_overlap) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(15) << min_overlap;
  const std::string text = out.str();  // "0.280000000000000"
  __extension__ typedef __int128 Wide;
  Wide num = 0, den = 1;
  bool point = false;
  for (char c : text) {
    if (c == '.') {
      point = true;
      continue;
    }
    num = num * 10 + (c - '0');
    if (point) den *= 10;
  }
  return static_cast<Wide>(overlap) * den >= num * static_cast<Wide>(length);
}

bool Exact(const Mention& g, const Mention& p) {
  return g.start == p.start && g.end == p.end;
}

}  // namespace

std::set<std::pair<int, int>> ReferenceAlign(const std::vector<Mention>& gold,
                                             const std::vector<Mention>& pred,
                                             AlignPreference preference,
                                             double min_overlap) {
  const auto gold_rank = Ranks(gold), pred_rank = Ranks(pred);
  std::vector<bool> gold_free(gold.size(), true), pred_free(pred.size(), true);
  std::set<std::pair<int, int>> pairs;
  while (true) {
    bool found = false;
    std::tuple<int, int64_t, int64_t, int, int> best;
    std::pair<int, int> best_pair;
    for (size_t g = 0; g < gold.size(); ++g) {
      for (size_t p = 0; p < pred.size(); ++p) {
        if (!gold_free[g] || !pred_free[p]) continue;
        const Mention& a = gold[g];
        const Mention& b = pred[p];
        const int64_t overlap =
            std::min(a.end, b.end) - std::max(a.start, b.start);
        if (overlap <= 0) continue;
        const bool exact = Exact(a, b), same = a.type == b.type;
        if (!exact && !MeetsMinOverlap(overlap, a.end - a.start, min_overlap))
          continue;
        int tier;
        if (preference == AlignPreference::kBoundaryFirst) {
          tier = exact && same ? 0 : exact ? 1 : same ? 2 : 3;
        } else {
          tier = exact && same ? 0 : same ? 1 : exact ? 2 : 3;
        }
        const auto key = std::make_tuple(
            tier, -overlap,
            std::abs(a.start - b.start) + std::abs(a.end - b.end), gold_rank[g],
            pred_rank[p]);
        if (!found || key < best) {
          found = true;
          best = key;
          best_pair = {static_cast<int>(g), static_cast<int>(p)};
        }
      }
    }
    if (!found) break;
    gold_free[static_cast<size_t>(best_pair.first)] = false;
    pred_free[static_cast<size_t>(best_pair.second)] = false;
    pairs.insert(best_pair);
  }
  return pairs;
}

ReferenceEntityCounts ReferenceScoreEntities(const std::vector<Mention>& gold,
                                             const std::vector<Mention>& pred,
                                             double min_overlap) {
  ReferenceEntityCounts r;
  auto add = [&](const std::string& mode, const std::string& type, double tp,
                 double fp, double fn) {
    r.overall[mode] += PrfCounts{tp, fp, fn};
    r.per_type[mode][type] += PrfCounts{tp, fp, fn};
  };
  for (const char* mode : {"strict", "exact", "partial", "type"}) {
    r.overall[mode];
    r.per_type[mode];
    for (const auto* side : {&gold, &pred})
      for (const Mention& m : *side) r.per_type[mode][m.type];
  }
  for (const char* scheme : {"strict", "exact", "partial", "ent_type"}) {
    r.semeval[scheme];
    r.semeval_per_type[scheme];
    for (const auto* side : {&gold, &pred})
      for (const Mention& m : *side) r.semeval_per_type[scheme][m.type];
  }

  // Boundary-first: strict, exact, partial.
  const auto a =
      ReferenceAlign(gold, pred, AlignPreference::kBoundaryFirst, min_overlap);
  std::set<int> gold_paired, pred_paired;
  for (const auto& [gi, pi] : a) {
    const Mention& g = gold[static_cast<size_t>(gi)];
    const Mention& p = pred[static_cast<size_t>(pi)];
    gold_paired.insert(gi);
    pred_paired.insert(pi);
    const bool exact = Exact(g, p), same = g.type == p.type;
    if (exact && same) {
      add("strict", g.type, 1, 0, 0);
      r.semeval["strict"].correct++;
    } else {
      add("strict", p.type, 0, 1, 0);
      add("strict", g.type, 0, 0, 1);
      r.semeval["strict"].incorrect++;
    }
    if (exact) {
      add("exact", g.type, 1, 0, 0);
      add("partial", g.type, 1, 0, 0);
      r.semeval["exact"].correct++;
      r.semeval["partial"].correct++;
    } else {
      add("exact", p.type, 0, 1, 0);
      add("exact", g.type, 0, 0, 1);
      add("partial", g.type, 0.5, 0.5, 0.5);
      r.semeval["exact"].incorrect++;
      r.semeval["partial"].partial++;
    }
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold_paired.count(static_cast<int>(i))) continue;
    for (const char* mode : {"strict", "exact", "partial"})
      add(mode, gold[i].type, 0, 0, 1);
    for (const char* scheme : {"strict", "exact", "partial"})
      r.semeval[scheme].missed++;
  }
  for (size_t i = 0; i < pred.size(); ++i) {
    if (pred_paired.count(static_cast<int>(i))) continue;
    for (const char* mode : {"strict", "exact", "partial"})
      add(mode, pred[i].type, 0, 1, 0);
    for (const char* scheme : {"strict", "exact", "partial"})
      r.semeval[scheme].spurious++;
  }

  // Type-first: type, ent_type.
  const auto b =
      ReferenceAlign(gold, pred, AlignPreference::kTypeFirst, min_overlap);
  gold_paired.clear();
  pred_paired.clear();
  for (const auto& [gi, pi] : b) {
    const Mention& g = gold[static_cast<size_t>(gi)];
    const Mention& p = pred[static_cast<size_t>(pi)];
    gold_paired.insert(gi);
    pred_paired.insert(pi);
    if (g.type == p.type) {
      add("type", g.type, 1, 0, 0);
      r.semeval["ent_type"].correct++;
    } else {
      add("type", p.type, 0, 1, 0);
      add("type", g.type, 0, 0, 1);
      r.semeval["ent_type"].incorrect++;
    }
  }
  for (size_t i = 0; i < gold.size(); ++i)
    if (!gold_paired.count(static_cast<int>(i))) {
      add("type", gold[i].type, 0, 0, 1);
      r.semeval["ent_type"].missed++;
    }
  for (size_t i = 0; i < pred.size(); ++i)
    if (!pred_paired.count(static_cast<int>(i))) {
      add("type", pred[i].type, 0, 1, 0);
      r.semeval["ent_type"].spurious++;
    }

  // Per type, nervaluate's way: each type aligned on its own.
  for (const auto& [type, unused] : r.semeval_per_type["strict"]) {
    std::vector<Mention> g, p;
    for (const Mention& m : gold)
      if (m.type == type) g.push_back(m);
    for (const Mention& m : pred)
      if (m.type == type) p.push_back(m);
    const auto pairs =
        ReferenceAlign(g, p, AlignPreference::kBoundaryFirst, min_overlap);
    for (const auto& [gi, pi] : pairs) {
      const bool exact =
          Exact(g[static_cast<size_t>(gi)], p[static_cast<size_t>(pi)]);
      auto& s = r.semeval_per_type;
      (exact ? s["strict"][type].correct : s["strict"][type].incorrect)++;
      (exact ? s["exact"][type].correct : s["exact"][type].incorrect)++;
      (exact ? s["partial"][type].correct : s["partial"][type].partial)++;
      s["ent_type"][type].correct++;
    }
    const auto missed = static_cast<int64_t>(g.size() - pairs.size());
    const auto spurious = static_cast<int64_t>(p.size() - pairs.size());
    for (auto& [scheme, types] : r.semeval_per_type) {
      types[type].missed += missed;
      types[type].spurious += spurious;
    }
  }
  return r;
}

ReferenceClusterScores ReferenceScoreClusters(
    const std::vector<Mention>& gold, const std::vector<Mention>& pred) {
  // Mentions with an entity id; clusters as sets of mention indices.
  std::vector<size_t> key, response;
  for (size_t i = 0; i < gold.size(); ++i)
    if (gold[i].entity) key.push_back(i);
  for (size_t i = 0; i < pred.size(); ++i)
    if (pred[i].entity) response.push_back(i);
  auto twin_in_pred = [&](size_t g) -> int {
    for (size_t p : response)
      if (Exact(gold[g], pred[p])) return static_cast<int>(p);
    return -1;
  };
  auto twin_in_gold = [&](size_t p) -> int {
    for (size_t g : key)
      if (Exact(gold[g], pred[p])) return static_cast<int>(g);
    return -1;
  };
  std::map<std::string, std::set<size_t>> kc, rc;
  for (size_t g : key) kc[*gold[g].entity].insert(g);
  for (size_t p : response) rc[*pred[p].entity].insert(p);
  auto key_cluster = [&](size_t g) { return *gold[g].entity; };
  auto response_cluster = [&](size_t p) { return *pred[p].entity; };

  ReferenceClusterScores s;
  // MUC.
  for (const auto& [id, members] : kc) {
    std::set<std::string> parts;
    for (size_t g : members) {
      const int t = twin_in_pred(g);
      parts.insert(t < 0 ? "twinless#" + std::to_string(g)
                         : response_cluster(static_cast<size_t>(t)));
    }
    s.muc_recall_num += static_cast<double>(members.size() - parts.size());
    s.muc_recall_den += static_cast<double>(members.size() - 1);
  }
  for (const auto& [id, members] : rc) {
    std::set<std::string> parts;
    for (size_t p : members) {
      const int t = twin_in_gold(p);
      parts.insert(t < 0 ? "twinless#" + std::to_string(p)
                         : key_cluster(static_cast<size_t>(t)));
    }
    s.muc_precision_num += static_cast<double>(members.size() - parts.size());
    s.muc_precision_den += static_cast<double>(members.size() - 1);
  }
  // B-cubed, per mention.
  for (size_t g : key) {
    const int t = twin_in_pred(g);
    if (t >= 0) {
      double shared = 0;
      for (size_t other : kc[key_cluster(g)]) {
        const int ot = twin_in_pred(other);
        if (ot >= 0 && response_cluster(static_cast<size_t>(ot)) ==
                           response_cluster(static_cast<size_t>(t)))
          ++shared;
      }
      s.b3_recall_num +=
          shared / static_cast<double>(kc[key_cluster(g)].size());
    }
    ++s.b3_recall_den;
  }
  for (size_t p : response) {
    const int t = twin_in_gold(p);
    if (t >= 0) {
      double shared = 0;
      for (size_t other : rc[response_cluster(p)]) {
        const int ot = twin_in_gold(other);
        if (ot >= 0 && key_cluster(static_cast<size_t>(ot)) ==
                           key_cluster(static_cast<size_t>(t)))
          ++shared;
      }
      s.b3_precision_num +=
          shared / static_cast<double>(rc[response_cluster(p)].size());
    }
    ++s.b3_precision_den;
  }
  // CEAF: every one-to-one mapping.
  std::vector<std::set<size_t>> ks, rs;
  for (const auto& [id, m] : kc) ks.push_back(m);
  for (const auto& [id, m] : rc) rs.push_back(m);
  auto common = [&](const std::set<size_t>& k, const std::set<size_t>& r) {
    double n = 0;
    for (size_t g : k) {
      const int t = twin_in_pred(g);
      if (t >= 0 && r.count(static_cast<size_t>(t))) ++n;
    }
    return n;
  };
  const bool k_small = ks.size() <= rs.size();
  const auto& small = k_small ? ks : rs;
  const auto& big = k_small ? rs : ks;
  std::vector<size_t> perm(big.size());
  std::iota(perm.begin(), perm.end(), 0);
  do {
    double e = 0, m = 0;
    for (size_t i = 0; i < small.size(); ++i) {
      const auto& k = k_small ? small[i] : big[perm[i]];
      const auto& r = k_small ? big[perm[i]] : small[i];
      const double c = common(k, r);
      e += 2 * c / static_cast<double>(k.size() + r.size());
      m += c;
    }
    s.ceafe_num = std::max(s.ceafe_num, e);
    s.ceafm_num = std::max(s.ceafm_num, m);
  } while (std::next_permutation(perm.begin(), perm.end()));
  s.ceafe_recall_den = static_cast<double>(ks.size());
  s.ceafe_precision_den = static_cast<double>(rs.size());
  s.ceafm_recall_den = static_cast<double>(key.size());
  s.ceafm_precision_den = static_cast<double>(response.size());
  // BLANC: every pair of mentions.
  for (size_t i = 0; i < key.size(); ++i)
    for (size_t j = i + 1; j < key.size(); ++j) {
      const bool same = key_cluster(key[i]) == key_cluster(key[j]);
      (same ? s.coref_gold : s.noncoref_gold)++;
      const int a = twin_in_pred(key[i]), b = twin_in_pred(key[j]);
      if (a < 0 || b < 0) continue;
      const bool same_r = response_cluster(static_cast<size_t>(a)) ==
                          response_cluster(static_cast<size_t>(b));
      if (same && same_r) ++s.coref_common;
      if (!same && !same_r) ++s.noncoref_common;
    }
  for (size_t i = 0; i < response.size(); ++i)
    for (size_t j = i + 1; j < response.size(); ++j)
      (response_cluster(response[i]) == response_cluster(response[j])
           ? s.coref_pred
           : s.noncoref_pred)++;
  return s;
}

}  // namespace ieval::testing
