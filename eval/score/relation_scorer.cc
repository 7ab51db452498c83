#include "ieval/score/relation_scorer.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "ieval/core/string_table.h"
#include "ieval/score/alignment.h"

namespace ieval {
namespace {

// The cost follows the number of relations, not of mentions: only the ids
// and spans that relations name are indexed, in hash tables keyed by views
// into the annotations (no string copies), and relations are counted as
// sorted vectors of small integer keys rather than in ordered maps.

constexpr size_t kNone = SIZE_MAX;

// One relation reduced to integers: its type's index in the run's type
// table and its two arguments as gold mention indexes.
struct Key {
  uint32_t type;
  size_t head;
  size_t tail;
  friend auto operator<=>(const Key&, const Key&) = default;
};

// Relation types met in this document, numbered in order of appearance.
class TypeTable {
 public:
  uint32_t Index(const std::string& type) { return table_.Intern(type).first; }
  std::string_view name(uint32_t i) const { return table_.Name(i); }
  size_t size() const { return table_.size(); }

 private:
  StringTable table_;
};

// The mention each id that relations name stands for (the first mention of
// a repeated id), found by one scan of the mentions.
struct IdIndex {
  StringTable ids;              // the ids relations name
  std::vector<size_t> mention;  // per id: its mention's index, or kNone

  size_t Of(std::string_view id) const {
    const uint32_t k = ids.Find(id);
    return k == StringTable::kNotFound ? kNone : mention[k];
  }
};

IdIndex IndexById(const Annotations& a) {
  IdIndex index;
  if (a.relations.empty()) return index;
  for (const Relation& r : a.relations) {
    index.ids.Intern(r.head);
    index.ids.Intern(r.tail);
  }
  index.mention.assign(index.ids.size(), kNone);
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const uint32_t k = index.ids.Find(a.mentions[i].id);
    if (k != StringTable::kNotFound && index.mention[k] == kNone)
      index.mention[k] = i;
  }
  return index;
}

// Spans -> a gold mention, open addressing over one flat array (the
// spans of predicted relation arguments, looked up once per gold mention).
class SpanTable {
 public:
  explicit SpanTable(size_t n) {
    size_t size = 16;
    while (size < 2 * n) size *= 2;
    slots_.resize(size);
  }
  // The slot of [start, end), added (gold = kNone) when missing.
  size_t& Add(int64_t start, int64_t end) {
    size_t i = Probe(start, end);
    if (slots_[i].start < 0) slots_[i] = {start, end, kNone};
    return slots_[i].gold;
  }
  // The slot of [start, end), or nullptr.
  size_t* Find(int64_t start, int64_t end) {
    Slot& slot = slots_[Probe(start, end)];
    return slot.start < 0 ? nullptr : &slot.gold;
  }

 private:
  struct Slot {
    int64_t start = -1;
    int64_t end = -1;
    size_t gold = kNone;
  };
  size_t Probe(int64_t start, int64_t end) const {
    const size_t mask = slots_.size() - 1;
    size_t i = std::hash<int64_t>()(start * 1000003 ^ end) * 0x9E3779B97F4A7C15;
    for (i = (i >> 20) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.start < 0 || (slot.start == start && slot.end == end)) return i;
    }
  }
  std::vector<Slot> slots_;
};

// For each id of `pred_ids`: the gold mention with its mention's span (the
// first in canonical order when gold repeats a span, which validated gold
// never does), or kNone.
std::vector<size_t> GoldOfPredicted(const Annotations& gold,
                                    const Annotations& pred,
                                    const IdIndex& pred_ids) {
  std::vector<size_t> gold_of(pred_ids.mention.size(), kNone);
  if (gold_of.empty()) return gold_of;
  SpanTable gold_at(gold_of.size());
  for (size_t p : pred_ids.mention)
    if (p != kNone) gold_at.Add(pred.mentions[p].start, pred.mentions[p].end);
  for (size_t i = 0; i < gold.mentions.size(); ++i) {
    const Mention& m = gold.mentions[i];
    size_t* slot = gold_at.Find(m.start, m.end);
    if (slot == nullptr) continue;
    if (*slot == kNone || CanonicalLess(m, gold.mentions[*slot])) *slot = i;
  }
  for (size_t k = 0; k < gold_of.size(); ++k) {
    const size_t p = pred_ids.mention[k];
    if (p != kNone)
      gold_of[k] = *gold_at.Find(pred.mentions[p].start, pred.mentions[p].end);
  }
  return gold_of;
}

Key MakeKey(uint32_t type, size_t head, size_t tail, bool symmetric) {
  if (symmetric && tail < head) std::swap(head, tail);
  return {type, head, tail};
}

// tp, fp and fn of sorted gold and predicted keys, a key matched at most
// as many times as gold has it; per type index, plus the spurious
// relations already known (`fp_per_type`).
TypedCounts Count(std::vector<Key> gold, std::vector<Key> pred,
                  std::vector<double> fp_per_type, const TypeTable& types) {
  std::sort(gold.begin(), gold.end());
  std::sort(pred.begin(), pred.end());
  std::vector<PrfCounts> per_type(types.size());
  for (size_t t = 0; t < types.size(); ++t) per_type[t].fp = fp_per_type[t];
  size_t g = 0, p = 0;
  while (g < gold.size() || p < pred.size()) {
    const bool take_gold =
        p == pred.size() || (g < gold.size() && gold[g] <= pred[p]);
    const Key key = take_gold ? gold[g] : pred[p];
    int64_t in_gold = 0, in_pred = 0;
    while (g < gold.size() && gold[g] == key) ++g, ++in_gold;
    while (p < pred.size() && pred[p] == key) ++p, ++in_pred;
    const int64_t tp = std::min(in_gold, in_pred);
    per_type[key.type] +=
        PrfCounts{static_cast<double>(tp), static_cast<double>(in_pred - tp),
                  static_cast<double>(in_gold - tp)};
  }
  TypedCounts counts;
  for (size_t t = 0; t < types.size(); ++t) {
    counts.per_type[std::string(types.name(static_cast<uint32_t>(t)))] +=
        per_type[t];
    counts.overall += per_type[t];
  }
  return counts;
}

}  // namespace

RelationCounts ScoreRelations(const Annotations& gold, const Annotations& pred,
                              const std::set<std::string>& symmetric_types) {
  RelationCounts counts;
  if (gold.relations.empty() && pred.relations.empty()) return counts;
  TypeTable types;
  std::vector<bool> symmetric;
  auto type_of = [&](const std::string& name) {
    const uint32_t t = types.Index(name);
    if (t == symmetric.size()) symmetric.push_back(symmetric_types.count(name));
    return t;
  };

  const IdIndex gold_ids = IndexById(gold);
  std::vector<Key> gold_keys;
  gold_keys.reserve(gold.relations.size());
  for (const Relation& r : gold.relations) {
    const uint32_t t = type_of(r.type);
    const size_t h = gold_ids.Of(r.head), tl = gold_ids.Of(r.tail);
    if (h == kNone || tl == kNone) continue;
    gold_keys.push_back(MakeKey(t, h, tl, symmetric[t]));
  }

  // A predicted argument stands for the gold mention of its span (strict:
  // and of its type); an argument standing for none makes the relation
  // spurious.
  const IdIndex pred_ids = IndexById(pred);
  const auto gold_of = GoldOfPredicted(gold, pred, pred_ids);
  struct Argument {
    size_t gold = kNone;
    bool same_type = false;
  };
  auto argument = [&](const std::string& id) {
    Argument a;
    const uint32_t k = pred_ids.ids.Find(id);
    if (k == StringTable::kNotFound) return a;
    const size_t p = pred_ids.mention[k];
    a.gold = gold_of[k];
    a.same_type =
        a.gold != kNone && gold.mentions[a.gold].type == pred.mentions[p].type;
    return a;
  };
  std::vector<Key> strict_keys, boundary_keys;
  strict_keys.reserve(pred.relations.size());
  boundary_keys.reserve(pred.relations.size());
  std::vector<double> strict_fp, boundary_fp;
  for (const Relation& r : pred.relations) {
    const uint32_t t = type_of(r.type);
    strict_fp.resize(types.size());
    boundary_fp.resize(types.size());
    const Argument h = argument(r.head), tl = argument(r.tail);
    if (h.gold == kNone || tl.gold == kNone) {
      boundary_fp[t] += 1;
    } else {
      boundary_keys.push_back(MakeKey(t, h.gold, tl.gold, symmetric[t]));
    }
    if (h.gold == kNone || tl.gold == kNone || !h.same_type || !tl.same_type) {
      strict_fp[t] += 1;
    } else {
      strict_keys.push_back(MakeKey(t, h.gold, tl.gold, symmetric[t]));
    }
  }
  strict_fp.resize(types.size());
  boundary_fp.resize(types.size());
  counts.strict = Count(gold_keys, std::move(strict_keys), strict_fp, types);
  counts.boundaries = Count(std::move(gold_keys), std::move(boundary_keys),
                            std::move(boundary_fp), types);
  return counts;
}

}  // namespace ieval
