// Grounding: giving offsets to predicted mentions that carry only their
// text (what LLM extractors return), before they are scored. Each
// prediction is placed in the document text in passes, and the pass that
// placed it is recorded as its alignment:
//
//   exact       the same string;
//   normalised  the same after NormaliseText (case, diacritics, apostrophe
//               and dash variants, white space incl. U+00A0 / U+202F);
//   fuzzy       the best window of words that holds the string's first and
//               last words and whose Dice token overlap with it reaches
//               `fuzzy_threshold`;
//   ungrounded  no place found: kept (start = end = 0), to be scored as a
//               false positive of its own, never dropped.
//
// eval/README.md, "Grounding", has the rules, the policies and the cost.
#ifndef IEVAL_GROUND_GROUNDING_H_
#define IEVAL_GROUND_GROUNDING_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ieval/core/types.h"

namespace ieval {

enum class GroundAlignment { kExact, kNormalised, kFuzzy, kUngrounded };

// "exact", "normalised", "fuzzy", "ungrounded".
const char* GroundAlignmentName(GroundAlignment alignment);
// The alignment a grounded mention records (Mention::alignment).
MentionAlignment ToMentionAlignment(GroundAlignment alignment);

// Where a string that occurs several times goes (the names are those of a
// `--ground-policy` option).
enum class GroundPolicy {
  // One to one, order preserving: the predictions of a string, in the
  // order listed, take its occurrences in text order, as many as predicted
  // (a string predicted more often than it occurs: the extra predictions
  // are ungrounded).
  kOrder,
  // Every prediction of a string takes its first occurrence (langextract's
  // convention).
  kFirst,
  // Every prediction takes every occurrence (spacy-llm's str.find loop):
  // one grounded mention per occurrence.
  kAll,
};

// "order", "first", "all".
const char* GroundPolicyName(GroundPolicy policy);
std::optional<GroundPolicy> ParseGroundPolicy(std::string_view name);

// The default fuzzy threshold. A fuzzy window must hold the string's first
// and last words and reach this Dice overlap 2·shared/(string words +
// window words): 0.8 accepts one word dropped from or added inside a name
// of three words or more (2·2/5 = 0.8, 2·3/7 = 0.86), one word replaced in
// five (2·4/10), and rejects names that share only half their words
// ("Kim Jong Il" for "Kim Jong Un": 2·2/6 = 0.67).
inline constexpr double kDefaultFuzzyThreshold = 0.8;

struct GroundOptions {
  GroundPolicy policy = GroundPolicy::kOrder;
  // Dice token overlap a fuzzy window needs, in (0, 1]; above 1 turns the
  // fuzzy pass off.
  double fuzzy_threshold = kDefaultFuzzyThreshold;
};

struct GroundedMention {
  Mention mention;  // the prediction with start/end (0, 0 when ungrounded)
  GroundAlignment alignment = GroundAlignment::kUngrounded;
  size_t source = 0;  // index of the prediction in the input
};

// Per prediction (under kAll a prediction counts once, whatever the number
// of its occurrences).
struct GroundCounts {
  int64_t predictions = 0;
  int64_t exact = 0;
  int64_t normalised = 0;
  int64_t fuzzy = 0;
  int64_t ungrounded = 0;
  // Predictions of a string that occurs more often than it is predicted:
  // where they go depends on the policy.
  int64_t ambiguous = 0;

  // Share of predictions grounded (0 with no predictions).
  double grounding_rate() const {
    return predictions == 0 ? 0.0
                            : static_cast<double>(predictions - ungrounded) /
                                  static_cast<double>(predictions);
  }
  GroundCounts& operator+=(const GroundCounts& other);
  friend bool operator==(const GroundCounts&, const GroundCounts&) = default;
};

struct GroundResult {
  // Ordered by `source`, then start; one per prediction except under kAll.
  std::vector<GroundedMention> mentions;
  GroundCounts counts;
};

// Grounds `predicted` (their start/end are ignored; a prediction without
// `text` is ungrounded) in `text`, valid UTF-8. Pure: no state, no I/O.
GroundResult Ground(std::string_view text,
                    const std::vector<Mention>& predicted,
                    const GroundOptions& options = {});

}  // namespace ieval

#endif  // IEVAL_GROUND_GROUNDING_H_
