// Entity-mention scores of one document, read off its alignment
// (eval/score/include/ieval/score/alignment.h): the four matching modes, the
// SemEval-2013 block and the error analysis. Pure: mentions in, counts out.
//
// Modes (tp/fp/fn; P = tp/(tp+fp), R = tp/(tp+fn)):
//   strict   same span and same type                 (boundary-first pairs)
//   exact    same span, any type                     (boundary-first pairs)
//   partial  same span: 1 point; overlap: 1/2 point, any type, as SemEval's
//            partial scheme; tp = points, fp = predicted - tp,
//            fn = gold - tp                          (boundary-first pairs)
//   type     overlap and same type                   (type-first pairs)
// Per type, every count has exactly one type, so the per-type counts add up
// to the overall counts in every mode: a pair that earns credit counts under
// its gold type (tp = its points; in partial mode the missing half point is
// also a fp and a fn of the gold type); a pair that earns nothing is a false
// positive of its predicted type and a false negative of its gold type; an
// unpaired prediction is a false positive of its predicted type only, an
// unpaired gold mention a false negative of its gold type only.
//
// SemEval-2013 task 9.1 (nervaluate's names and counting): per scheme,
//   strict:   correct = same span & type, incorrect = any other pair
//   exact:    correct = same span,        incorrect = overlap
//   partial:  correct = same span,        partial   = overlap
//   ent_type: correct = overlap & same type (type-first pairs),
//             incorrect = other pairs
// and missed / spurious = unpaired gold / predicted mentions. Per type, as
// nervaluate: each type is aligned on its own (gold and predictions of
// other types removed), so per-type counts need not add up to the overall.
//
// Error analysis (boundary-first pairs): correct, wrong type (same span),
// wrong boundary (overlap, same type), wrong type and boundary, missed,
// spurious; a confusion matrix of gold type x predicted type with "none";
// examples of each error.
#ifndef IEVAL_SCORE_SPAN_SCORER_H_
#define IEVAL_SCORE_SPAN_SCORER_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/core/types.h"
#include "ieval/score/alignment.h"
#include "ieval/score/counts.h"

namespace ieval {

enum class SpanMode { kStrict, kExact, kPartial, kType };
inline constexpr std::array<SpanMode, 4> kSpanModes = {
    SpanMode::kStrict, SpanMode::kExact, SpanMode::kPartial, SpanMode::kType};
// "strict", "exact", "partial", "type".
const char* SpanModeName(SpanMode mode);

enum class SemevalScheme { kStrict, kExact, kPartial, kEntType };
inline constexpr std::array<SemevalScheme, 4> kSemevalSchemes = {
    SemevalScheme::kStrict, SemevalScheme::kExact, SemevalScheme::kPartial,
    SemevalScheme::kEntType};
// "strict", "exact", "partial", "ent_type".
const char* SemevalSchemeName(SemevalScheme scheme);
// Partial and ent_type give half a point per partial match.
inline bool SemevalHalfCredit(SemevalScheme s) {
  return s == SemevalScheme::kPartial || s == SemevalScheme::kEntType;
}

struct SemevalBlock {
  SemevalCounts overall;
  ByType<SemevalCounts> per_type;
  SemevalBlock& operator+=(const SemevalBlock& o) {
    overall += o.overall;
    for (const auto& [type, c] : o.per_type) per_type[type] += c;
    return *this;
  }
  friend bool operator==(const SemevalBlock&, const SemevalBlock&) = default;
};

enum class ErrorKind {
  kCorrect,
  kWrongType,
  kWrongBoundary,
  kWrongTypeAndBoundary,
  kMissed,
  kSpurious
};
inline constexpr int kErrorKinds = 6;
// "correct", "wrong_type", "wrong_boundary", "wrong_type_and_boundary",
// "missed", "spurious".
const char* ErrorKindName(ErrorKind kind);

// One side of an example: the span, its text and its type.
struct ExampleMention {
  int64_t start = 0;
  int64_t end = 0;
  std::string type;
  std::string text;
  friend auto operator<=>(const ExampleMention&,
                          const ExampleMention&) = default;
};

struct ErrorExample {
  std::string doc_id;
  std::optional<ExampleMention> gold;  // absent for spurious
  std::optional<ExampleMention> pred;  // absent for missed
  friend auto operator<=>(const ErrorExample&, const ErrorExample&) = default;
};

// The label used for "no mention" in the confusion matrix.
inline constexpr char kNone[] = "none";

struct ErrorAnalysis {
  std::array<int64_t, kErrorKinds> counts{};
  // (gold type or "none", predicted type or "none") -> pairs.
  std::map<std::pair<std::string, std::string>, int64_t> confusion;
  // Examples of each kind but kCorrect, in order (doc_id, then position),
  // at most the limit they were trimmed to.
  std::array<std::vector<ErrorExample>, kErrorKinds> examples;

  // Merges, keeping the first `max_examples` examples of each kind (< 0:
  // all), so merging is associative and commutative.
  void Merge(const ErrorAnalysis& other, int max_examples);
  friend bool operator==(const ErrorAnalysis&, const ErrorAnalysis&) = default;
};

struct EntityScores {
  int64_t gold_mentions = 0;
  int64_t predicted_mentions = 0;
  std::array<TypedCounts, 4> modes;     // indexed by SpanMode
  std::array<SemevalBlock, 4> semeval;  // indexed by SemevalScheme
  ErrorAnalysis errors;

  const TypedCounts& mode(SpanMode m) const {
    return modes[static_cast<size_t>(m)];
  }
  const SemevalBlock& scheme(SemevalScheme s) const {
    return semeval[static_cast<size_t>(s)];
  }
  void Merge(const EntityScores& other, int max_examples);
  friend bool operator==(const EntityScores&, const EntityScores&) = default;
};

// `document` names the examples (doc_id) and gives their text (code points
// of document.text; a mention's own `text` when the document has none).
// At most `max_examples` examples of each kind are kept (< 0: all).
// `text_index`, when given, is the OffsetIndex of document.text (else one
// is built when there are examples to cut out of the text).
EntityScores ScoreEntities(const Document& document,
                           const std::vector<Mention>& gold,
                           const std::vector<Mention>& pred,
                           const DocumentAlignment& alignment, int max_examples,
                           const OffsetIndex* text_index = nullptr);

// Adds predictions that have no place in the text (ungrounded: an LLM's
// string found nowhere) to `scores` as what they are, false positives of
// their type in every mode and scheme, spurious in the error analysis
// (examples show their own text at [0, 0)): never dropped.
void AddUngrounded(const std::string& doc_id,
                   const std::vector<Mention>& ungrounded, int max_examples,
                   EntityScores& scores);

}  // namespace ieval

#endif  // IEVAL_SCORE_SPAN_SCORER_H_
