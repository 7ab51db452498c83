#include "ieval/score/span_scorer.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "ieval/core/offset_index.h"

namespace ieval {
namespace {

size_t Index(SpanMode m) { return static_cast<size_t>(m); }
size_t Index(SemevalScheme s) { return static_cast<size_t>(s); }
size_t Index(ErrorKind k) { return static_cast<size_t>(k); }

void KeepFirst(std::vector<ErrorExample>& examples, int max_examples) {
  std::sort(examples.begin(), examples.end());
  if (max_examples >= 0 && examples.size() > static_cast<size_t>(max_examples))
    examples.resize(static_cast<size_t>(max_examples));
}

// Text of the examples: code points of the document text when there is
// one, else the mention's own text.
class ExampleMaker {
 public:
  // `text_index`: the caller's index of document.text, if any.
  ExampleMaker(const Document& document, const OffsetIndex* text_index)
      : document_(document) {
    if (document.text.empty()) return;
    if (text_index == nullptr) {
      own_ = std::make_unique<OffsetIndex>(document.text);
      text_index = own_.get();
    }
    index_ = text_index;
  }
  ExampleMention Make(const Mention& m) const {
    ExampleMention e{m.start, m.end, m.type, m.text.value_or("")};
    if (index_ && 0 <= m.start && m.start <= m.end &&
        m.end <= index_->codepoints())
      e.text = std::string(index_->Slice(document_.text, m.start, m.end));
    return e;
  }

 private:
  const Document& document_;
  std::unique_ptr<OffsetIndex> own_;
  const OffsetIndex* index_ = nullptr;
};

}  // namespace

const char* SpanModeName(SpanMode mode) {
  switch (mode) {
    case SpanMode::kStrict:
      return "strict";
    case SpanMode::kExact:
      return "exact";
    case SpanMode::kPartial:
      return "partial";
    case SpanMode::kType:
      return "type";
  }
  return "strict";
}

const char* SemevalSchemeName(SemevalScheme scheme) {
  switch (scheme) {
    case SemevalScheme::kStrict:
      return "strict";
    case SemevalScheme::kExact:
      return "exact";
    case SemevalScheme::kPartial:
      return "partial";
    case SemevalScheme::kEntType:
      return "ent_type";
  }
  return "strict";
}

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kCorrect:
      return "correct";
    case ErrorKind::kWrongType:
      return "wrong_type";
    case ErrorKind::kWrongBoundary:
      return "wrong_boundary";
    case ErrorKind::kWrongTypeAndBoundary:
      return "wrong_type_and_boundary";
    case ErrorKind::kMissed:
      return "missed";
    case ErrorKind::kSpurious:
      return "spurious";
  }
  return "correct";
}

namespace {

// KeepFirst(into + from) for two lists already in order (as every
// ErrorAnalysis keeps them), without sorting: a corpus merges each
// document's examples into its own, most of which fall past the cut.
void MergeExamples(std::vector<ErrorExample>& into,
                   const std::vector<ErrorExample>& from, int max_examples) {
  const size_t limit = max_examples < 0 ? into.size() + from.size()
                                        : static_cast<size_t>(max_examples);
  if (from.empty() || limit == 0 ||
      (into.size() >= limit && !(from.front() < into[limit - 1]))) {
    if (into.size() > limit) into.resize(limit);
    return;
  }
  std::vector<ErrorExample> merged;
  merged.reserve(std::min(limit, into.size() + from.size()));
  auto a = into.begin();
  auto b = from.begin();
  while (merged.size() < limit && (a != into.end() || b != from.end())) {
    if (b == from.end() || (a != into.end() && !(*b < *a))) {
      merged.push_back(std::move(*a++));
    } else {
      merged.push_back(*b++);
    }
  }
  into = std::move(merged);
}

}  // namespace

void ErrorAnalysis::Merge(const ErrorAnalysis& other, int max_examples) {
  for (size_t k = 0; k < counts.size(); ++k) {
    counts[k] += other.counts[k];
    MergeExamples(examples[k], other.examples[k], max_examples);
  }
  for (const auto& [cell, n] : other.confusion) confusion[cell] += n;
}

void EntityScores::Merge(const EntityScores& other, int max_examples) {
  gold_mentions += other.gold_mentions;
  predicted_mentions += other.predicted_mentions;
  for (size_t i = 0; i < modes.size(); ++i) modes[i] += other.modes[i];
  for (size_t i = 0; i < semeval.size(); ++i) semeval[i] += other.semeval[i];
  errors.Merge(other.errors, max_examples);
}

namespace {

// The document's types, sorted, and each mention's index among them, so
// counting is array arithmetic; maps are built once at the end.
struct TypeIndex {
  std::vector<std::string> names;
  std::vector<int32_t> gold;
  std::vector<int32_t> pred;
};

TypeIndex IndexTypes(const std::vector<Mention>& gold,
                     const std::vector<Mention>& pred) {
  TypeIndex t;
  t.gold.reserve(gold.size());
  t.pred.reserve(pred.size());
  // A document has a handful of types: a linear search over them costs
  // less than hashing (and allocates nothing); a hash map takes over when
  // there are many.
  constexpr size_t kLinear = 16;
  std::vector<std::string_view> names;  // in order of first use
  names.reserve(kLinear);
  std::unordered_map<std::string_view, int32_t> id;
  auto intern = [&](const std::string& type) {
    if (names.size() <= kLinear) {
      for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == type) return static_cast<int32_t>(i);
      if (names.size() == kLinear)
        for (size_t i = 0; i < names.size(); ++i)
          id.emplace(names[i], static_cast<int32_t>(i));
    }
    if (!id.empty()) {
      auto [it, fresh] = id.emplace(type, static_cast<int32_t>(names.size()));
      if (!fresh) return it->second;
    }
    names.push_back(type);
    return static_cast<int32_t>(names.size() - 1);
  };
  for (const Mention& m : gold) t.gold.push_back(intern(m.type));
  for (const Mention& m : pred) t.pred.push_back(intern(m.type));
  // Renumber in sorted order.
  std::vector<int32_t> order(names.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return names[static_cast<size_t>(a)] < names[static_cast<size_t>(b)];
  });
  std::vector<int32_t> rank(order.size());
  t.names.reserve(order.size());
  for (size_t r = 0; r < order.size(); ++r) {
    rank[static_cast<size_t>(order[r])] = static_cast<int32_t>(r);
    t.names.emplace_back(names[static_cast<size_t>(order[r])]);
  }
  for (auto* v : {&t.gold, &t.pred})
    for (int32_t& x : *v) x = rank[static_cast<size_t>(x)];
  return t;
}

// Per-type counts of the four modes and schemes, by type index.
struct Tally {
  explicit Tally(size_t types)
      : prf(4, std::vector<PrfCounts>(types)),
        semeval(4, std::vector<SemevalCounts>(types)),
        confusion((types + 1) * (types + 1), 0) {}
  std::vector<std::vector<PrfCounts>> prf;          // [mode][type]
  std::vector<std::vector<SemevalCounts>> semeval;  // [scheme][type]
  std::vector<int64_t> confusion;  // [(gold + 1) * (types + 1) + pred + 1]
};

// An error to show: indices of its gold and predicted mentions (-1: none).
struct Candidate {
  int32_t gold;
  int32_t pred;
};

}  // namespace

EntityScores ScoreEntities(const Document& document,
                           const std::vector<Mention>& gold,
                           const std::vector<Mention>& pred,
                           const DocumentAlignment& alignment, int max_examples,
                           const OffsetIndex* text_index) {
  EntityScores s;
  s.gold_mentions = static_cast<int64_t>(gold.size());
  s.predicted_mentions = static_cast<int64_t>(pred.size());
  const TypeIndex types = IndexTypes(gold, pred);
  const size_t n_types = types.names.size();
  Tally tally(n_types);
  auto add = [&](SpanMode m, int32_t type, double tp, double fp, double fn) {
    const PrfCounts c{tp, fp, fn};
    tally.prf[Index(m)][static_cast<size_t>(type)] += c;
    s.modes[Index(m)].overall += c;
  };
  auto semeval = [&](SemevalScheme scheme) -> SemevalCounts& {
    return s.semeval[Index(scheme)].overall;
  };
  auto typed = [&](SemevalScheme scheme, int32_t type) -> SemevalCounts& {
    return tally.semeval[Index(scheme)][static_cast<size_t>(type)];
  };
  std::array<std::vector<Candidate>, kErrorKinds> shown;
  auto error = [&](ErrorKind kind, int32_t g, int32_t p) {
    ++s.errors.counts[Index(kind)];
    const int32_t gt = g < 0 ? -1 : types.gold[static_cast<size_t>(g)];
    const int32_t pt = p < 0 ? -1 : types.pred[static_cast<size_t>(p)];
    ++tally.confusion[static_cast<size_t>(gt + 1) * (n_types + 1) +
                      static_cast<size_t>(pt + 1)];
    if (kind != ErrorKind::kCorrect) shown[Index(kind)].push_back({g, p});
  };

  // Boundary-first pairs: strict, exact, partial, SemEval strict/exact/
  // partial, errors.
  const Alignment& bf = alignment.boundary_first;
  for (const AlignedPair& pair : bf.pairs) {
    const int32_t gt = types.gold[static_cast<size_t>(pair.gold)];
    const int32_t pt = types.pred[static_cast<size_t>(pair.pred)];
    if (pair.exact && pair.same_type) {
      add(SpanMode::kStrict, gt, 1, 0, 0);
      ++semeval(SemevalScheme::kStrict).correct;
    } else {
      add(SpanMode::kStrict, pt, 0, 1, 0);
      add(SpanMode::kStrict, gt, 0, 0, 1);
      ++semeval(SemevalScheme::kStrict).incorrect;
    }
    if (pair.exact) {
      add(SpanMode::kExact, gt, 1, 0, 0);
      add(SpanMode::kPartial, gt, 1, 0, 0);
      ++semeval(SemevalScheme::kExact).correct;
      ++semeval(SemevalScheme::kPartial).correct;
    } else {
      add(SpanMode::kExact, pt, 0, 1, 0);
      add(SpanMode::kExact, gt, 0, 0, 1);
      add(SpanMode::kPartial, gt, 0.5, 0.5, 0.5);
      ++semeval(SemevalScheme::kExact).incorrect;
      ++semeval(SemevalScheme::kPartial).partial;
    }
    const ErrorKind kind =
        pair.exact
            ? (pair.same_type ? ErrorKind::kCorrect : ErrorKind::kWrongType)
            : (pair.same_type ? ErrorKind::kWrongBoundary
                              : ErrorKind::kWrongTypeAndBoundary);
    error(kind, pair.gold, pair.pred);
  }
  const SpanMode kBoundaryModes[] = {SpanMode::kStrict, SpanMode::kExact,
                                     SpanMode::kPartial};
  const SemevalScheme kBoundarySchemes[] = {
      SemevalScheme::kStrict, SemevalScheme::kExact, SemevalScheme::kPartial};
  for (size_t i = 0; i < gold.size(); ++i) {
    if (bf.gold_pair[i] >= 0) continue;
    for (SpanMode m : kBoundaryModes) add(m, types.gold[i], 0, 0, 1);
    for (SemevalScheme x : kBoundarySchemes) ++semeval(x).missed;
    error(ErrorKind::kMissed, static_cast<int32_t>(i), -1);
  }
  for (size_t i = 0; i < pred.size(); ++i) {
    if (bf.pred_pair[i] >= 0) continue;
    for (SpanMode m : kBoundaryModes) add(m, types.pred[i], 0, 1, 0);
    for (SemevalScheme x : kBoundarySchemes) ++semeval(x).spurious;
    error(ErrorKind::kSpurious, -1, static_cast<int32_t>(i));
  }

  // Type-first pairs: type mode, SemEval ent_type, and (restricted to the
  // same-type pairs) the per-type SemEval counts.
  const Alignment& tf = alignment.type_first;
  std::vector<bool> gold_typed(gold.size(), false), pred_typed(pred.size());
  for (const AlignedPair& pair : tf.pairs) {
    const int32_t gt = types.gold[static_cast<size_t>(pair.gold)];
    const int32_t pt = types.pred[static_cast<size_t>(pair.pred)];
    if (!pair.same_type) {
      add(SpanMode::kType, pt, 0, 1, 0);
      add(SpanMode::kType, gt, 0, 0, 1);
      ++semeval(SemevalScheme::kEntType).incorrect;
      continue;
    }
    add(SpanMode::kType, gt, 1, 0, 0);
    ++semeval(SemevalScheme::kEntType).correct;
    gold_typed[static_cast<size_t>(pair.gold)] = true;
    pred_typed[static_cast<size_t>(pair.pred)] = true;
    ++typed(SemevalScheme::kEntType, gt).correct;
    if (pair.exact) {
      for (SemevalScheme x : kBoundarySchemes) ++typed(x, gt).correct;
    } else {
      ++typed(SemevalScheme::kStrict, gt).incorrect;
      ++typed(SemevalScheme::kExact, gt).incorrect;
      ++typed(SemevalScheme::kPartial, gt).partial;
    }
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    if (tf.gold_pair[i] < 0) {
      add(SpanMode::kType, types.gold[i], 0, 0, 1);
      ++semeval(SemevalScheme::kEntType).missed;
    }
    if (!gold_typed[i])
      for (SemevalScheme x : kSemevalSchemes) ++typed(x, types.gold[i]).missed;
  }
  for (size_t i = 0; i < pred.size(); ++i) {
    if (tf.pred_pair[i] < 0) {
      add(SpanMode::kType, types.pred[i], 0, 1, 0);
      ++semeval(SemevalScheme::kEntType).spurious;
    }
    if (!pred_typed[i])
      for (SemevalScheme x : kSemevalSchemes)
        ++typed(x, types.pred[i]).spurious;
  }

  // Arrays to maps; every type seen gets an entry in every mode and scheme.
  for (size_t t = 0; t < n_types; ++t) {
    for (size_t m = 0; m < 4; ++m) {
      s.modes[m].per_type[types.names[t]] = tally.prf[m][t];
      s.semeval[m].per_type[types.names[t]] = tally.semeval[m][t];
    }
  }
  auto name = [&](size_t t) -> const std::string& {
    static const std::string kNoneName = kNone;
    return t == 0 ? kNoneName : types.names[t - 1];
  };
  for (size_t g = 0; g <= n_types; ++g)
    for (size_t p = 0; p <= n_types; ++p)
      if (const int64_t n = tally.confusion[g * (n_types + 1) + p]; n > 0)
        s.errors.confusion[{name(g), name(p)}] = n;

  // Examples: the first `max_examples` of each kind in example order,
  // chosen before any text is copied.
  const ExampleMaker maker(document, text_index);
  auto side_less = [&](const Mention* a, const Mention* b) {
    if (!a || !b) return !a && b;  // none first, as std::optional
    if (a->start != b->start) return a->start < b->start;
    if (a->end != b->end) return a->end < b->end;
    if (a->type != b->type) return a->type < b->type;
    return maker.Make(*a).text < maker.Make(*b).text;
  };
  auto mention = [](const std::vector<Mention>& v, int32_t i) {
    return i < 0 ? nullptr : &v[static_cast<size_t>(i)];
  };
  auto less = [&](const Candidate& x, const Candidate& y) {
    const Mention* xg = mention(gold, x.gold);
    const Mention* yg = mention(gold, y.gold);
    if (side_less(xg, yg)) return true;
    if (side_less(yg, xg)) return false;
    return side_less(mention(pred, x.pred), mention(pred, y.pred));
  };
  for (size_t k = 0; k < shown.size(); ++k) {
    auto& list = shown[k];
    size_t keep = list.size();
    if (max_examples >= 0)
      keep = std::min(keep, static_cast<size_t>(max_examples));
    std::partial_sort(list.begin(),
                      list.begin() + static_cast<std::ptrdiff_t>(keep),
                      list.end(), less);
    for (size_t i = 0; i < keep; ++i) {
      ErrorExample e;
      e.doc_id = document.doc_id;
      if (list[i].gold >= 0) e.gold = maker.Make(*mention(gold, list[i].gold));
      if (list[i].pred >= 0) e.pred = maker.Make(*mention(pred, list[i].pred));
      s.errors.examples[k].push_back(std::move(e));
    }
    KeepFirst(s.errors.examples[k], max_examples);  // settles exact ties
  }
  return s;
}

void AddUngrounded(const std::string& doc_id,
                   const std::vector<Mention>& ungrounded, int max_examples,
                   EntityScores& scores) {
  if (ungrounded.empty()) return;
  auto& spurious = scores.errors.examples[Index(ErrorKind::kSpurious)];
  for (const Mention& m : ungrounded) {
    ++scores.predicted_mentions;
    for (size_t k = 0; k < scores.modes.size(); ++k) {
      scores.modes[k].overall.fp += 1;
      scores.modes[k].per_type[m.type].fp += 1;
      ++scores.semeval[k].overall.spurious;
      ++scores.semeval[k].per_type[m.type].spurious;
    }
    ++scores.errors.counts[Index(ErrorKind::kSpurious)];
    ++scores.errors.confusion[{kNone, m.type}];
    spurious.push_back({doc_id, std::nullopt,
                        ExampleMention{0, 0, m.type, m.text.value_or("")}});
  }
  KeepFirst(spurious, max_examples);
}

}  // namespace ieval
