#include "eval/score/span_scorer.h"

#include <algorithm>
#include <memory>

#include "eval/core/offset_index.h"

namespace ieval {
namespace {

size_t Index(SpanMode m) { return static_cast<size_t>(m); }
size_t Index(SemevalScheme s) { return static_cast<size_t>(s); }
size_t Index(ErrorKind k) { return static_cast<size_t>(k); }

void AddPrf(TypedCounts& c, const std::string& type, double tp, double fp,
            double fn) {
  const PrfCounts add{tp, fp, fn};
  c.per_type[type] += add;
  c.overall += add;
}

void KeepFirst(std::vector<ErrorExample>& examples, int max_examples) {
  std::sort(examples.begin(), examples.end());
  if (max_examples >= 0 && examples.size() > static_cast<size_t>(max_examples))
    examples.resize(static_cast<size_t>(max_examples));
}

// Text of the examples: code points of the document text when there is
// one, else the mention's own text.
class ExampleMaker {
 public:
  explicit ExampleMaker(const Document& document) : document_(document) {
    if (!document.text.empty())
      index_ = std::make_unique<OffsetIndex>(document.text);
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
  std::unique_ptr<OffsetIndex> index_;
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

void ErrorAnalysis::Merge(const ErrorAnalysis& other, int max_examples) {
  for (size_t k = 0; k < counts.size(); ++k) {
    counts[k] += other.counts[k];
    examples[k].insert(examples[k].end(), other.examples[k].begin(),
                       other.examples[k].end());
    KeepFirst(examples[k], max_examples);
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

EntityScores ScoreEntities(const Document& document,
                           const std::vector<Mention>& gold,
                           const std::vector<Mention>& pred,
                           const DocumentAlignment& alignment,
                           int max_examples) {
  EntityScores s;
  s.gold_mentions = static_cast<int64_t>(gold.size());
  s.predicted_mentions = static_cast<int64_t>(pred.size());
  // Every type seen gets an entry, in every mode and scheme.
  for (const auto* side : {&gold, &pred}) {
    for (const Mention& m : *side) {
      for (auto& mode : s.modes) mode.per_type[m.type];
      for (auto& scheme : s.semeval) scheme.per_type[m.type];
    }
  }
  TypedCounts& strict = s.modes[Index(SpanMode::kStrict)];
  TypedCounts& exact = s.modes[Index(SpanMode::kExact)];
  TypedCounts& partial = s.modes[Index(SpanMode::kPartial)];
  TypedCounts& type = s.modes[Index(SpanMode::kType)];
  SemevalCounts& sem_strict = s.semeval[Index(SemevalScheme::kStrict)].overall;
  SemevalCounts& sem_exact = s.semeval[Index(SemevalScheme::kExact)].overall;
  SemevalCounts& sem_partial =
      s.semeval[Index(SemevalScheme::kPartial)].overall;
  SemevalCounts& sem_type = s.semeval[Index(SemevalScheme::kEntType)].overall;
  ErrorAnalysis& errors = s.errors;
  const ExampleMaker maker(document);
  auto example = [&](ErrorKind kind, const Mention* g, const Mention* p) {
    ++errors.counts[Index(kind)];
    errors.confusion[{g ? g->type : kNone, p ? p->type : kNone}] += 1;
    if (kind == ErrorKind::kCorrect || max_examples == 0) return;
    ErrorExample e;
    e.doc_id = document.doc_id;
    if (g) e.gold = maker.Make(*g);
    if (p) e.pred = maker.Make(*p);
    errors.examples[Index(kind)].push_back(std::move(e));
  };

  // Boundary-first pairs: strict, exact, partial, SemEval strict/exact/
  // partial, errors.
  const Alignment& bf = alignment.boundary_first;
  for (const AlignedPair& pair : bf.pairs) {
    const Mention& g = gold[static_cast<size_t>(pair.gold)];
    const Mention& p = pred[static_cast<size_t>(pair.pred)];
    if (pair.exact && pair.same_type) {
      AddPrf(strict, g.type, 1, 0, 0);
      ++sem_strict.correct;
    } else {
      AddPrf(strict, p.type, 0, 1, 0);
      AddPrf(strict, g.type, 0, 0, 1);
      ++sem_strict.incorrect;
    }
    if (pair.exact) {
      AddPrf(exact, g.type, 1, 0, 0);
      AddPrf(partial, g.type, 1, 0, 0);
      ++sem_exact.correct;
      ++sem_partial.correct;
    } else {
      AddPrf(exact, p.type, 0, 1, 0);
      AddPrf(exact, g.type, 0, 0, 1);
      AddPrf(partial, g.type, 0.5, 0.5, 0.5);
      ++sem_exact.incorrect;
      ++sem_partial.partial;
    }
    const ErrorKind kind =
        pair.exact ? (pair.same_type ? ErrorKind::kCorrect
                                     : ErrorKind::kWrongType)
                   : (pair.same_type ? ErrorKind::kWrongBoundary
                                     : ErrorKind::kWrongTypeAndBoundary);
    example(kind, &g, &p);
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    if (bf.gold_pair[i] >= 0) continue;
    for (TypedCounts* c : {&strict, &exact, &partial})
      AddPrf(*c, gold[i].type, 0, 0, 1);
    for (SemevalCounts* c : {&sem_strict, &sem_exact, &sem_partial})
      ++c->missed;
    example(ErrorKind::kMissed, &gold[i], nullptr);
  }
  for (size_t i = 0; i < pred.size(); ++i) {
    if (bf.pred_pair[i] >= 0) continue;
    for (TypedCounts* c : {&strict, &exact, &partial})
      AddPrf(*c, pred[i].type, 0, 1, 0);
    for (SemevalCounts* c : {&sem_strict, &sem_exact, &sem_partial})
      ++c->spurious;
    example(ErrorKind::kSpurious, nullptr, &pred[i]);
  }

  // Type-first pairs: type mode, SemEval ent_type, and (restricted to the
  // same-type pairs) the per-type SemEval counts.
  const Alignment& tf = alignment.type_first;
  std::vector<bool> gold_typed(gold.size(), false), pred_typed(pred.size());
  for (const AlignedPair& pair : tf.pairs) {
    const Mention& g = gold[static_cast<size_t>(pair.gold)];
    const Mention& p = pred[static_cast<size_t>(pair.pred)];
    if (pair.same_type) {
      AddPrf(type, g.type, 1, 0, 0);
      ++sem_type.correct;
      gold_typed[static_cast<size_t>(pair.gold)] = true;
      pred_typed[static_cast<size_t>(pair.pred)] = true;
      auto& t_strict = s.semeval[Index(SemevalScheme::kStrict)].per_type[g.type];
      auto& t_exact = s.semeval[Index(SemevalScheme::kExact)].per_type[g.type];
      auto& t_partial =
          s.semeval[Index(SemevalScheme::kPartial)].per_type[g.type];
      auto& t_type = s.semeval[Index(SemevalScheme::kEntType)].per_type[g.type];
      ++t_type.correct;
      if (pair.exact) {
        ++t_strict.correct;
        ++t_exact.correct;
        ++t_partial.correct;
      } else {
        ++t_strict.incorrect;
        ++t_exact.incorrect;
        ++t_partial.partial;
      }
    } else {
      AddPrf(type, p.type, 0, 1, 0);
      AddPrf(type, g.type, 0, 0, 1);
      ++sem_type.incorrect;
    }
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    if (tf.gold_pair[i] < 0) {
      AddPrf(type, gold[i].type, 0, 0, 1);
      ++sem_type.missed;
    }
    if (!gold_typed[i])
      for (auto& scheme : s.semeval) ++scheme.per_type[gold[i].type].missed;
  }
  for (size_t i = 0; i < pred.size(); ++i) {
    if (tf.pred_pair[i] < 0) {
      AddPrf(type, pred[i].type, 0, 1, 0);
      ++sem_type.spurious;
    }
    if (!pred_typed[i])
      for (auto& scheme : s.semeval) ++scheme.per_type[pred[i].type].spurious;
  }
  for (auto& examples : errors.examples) KeepFirst(examples, max_examples);
  return s;
}

}  // namespace ieval
