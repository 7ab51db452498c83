// Grounding predictions given by their text (an LLM's strings) in the
// gold text before they are scored, and the corpus summary the reports
// show beside the span scores: how the predictions were placed, every
// entity metric by alignment status, the string-level score, and the
// strict score under each policy. `ieval score` (score_stream.h) and
// `ieval run` (app/run) both go through it. eval/README.md, "Grounding".
#ifndef IEVAL_SCORE_GROUNDING_SUMMARY_H_
#define IEVAL_SCORE_GROUNDING_SUMMARY_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/ground/grounding.h"
#include "ieval/ground/string_score.h"
#include "ieval/score/by_alignment.h"
#include "ieval/score/counts.h"
#include "ieval/score/scorer.h"

namespace ieval {

inline constexpr std::array<GroundPolicy, 3> kGroundPolicies = {
    GroundPolicy::kOrder, GroundPolicy::kFirst, GroundPolicy::kAll};

// One document's predictions after GroundPending.
struct GroundedPredictions {
  // Some prediction was grounded here or carries an alignment its
  // extractor recorded.
  bool grounded = false;
  // Of the predictions grounded here and those with a recorded alignment
  // (never of those given with offsets).
  GroundCounts counts;
  // The predictions as read (before grounding), for the string score;
  // empty when nothing was grounded here.
  std::vector<Mention> as_read;
  // The predictions under each policy of kGroundPolicies (the chosen one
  // included); empty when nothing was grounded here.
  std::vector<Annotations> by_policy;
};

// Grounds every kPending mention of `pred` in `text` (the gold text) under
// `options`, in place: each becomes its grounded mention (the mentions of
// each occurrence under kAll, ids after the first suffixed "~2", "~3"…),
// where it was listed. With `other_policies`, also grounds them under the
// other policies for the summary's policy sensitivity.
GroundedPredictions GroundPending(std::string_view text, Annotations& pred,
                                  const GroundOptions& options,
                                  bool other_policies);

struct GroundingSummary {
  GroundOptions options;           // the policy and threshold used
  int64_t documents = 0;           // documents scored
  int64_t grounded_documents = 0;  // with GroundedPredictions::grounded
  int64_t given = 0;  // predictions with offsets given, in every document
  GroundCounts counts;
  ByAlignment by_alignment;
  StringScore strings;
  // Strict entity counts under each policy of kGroundPolicies.
  std::array<PrfCounts, 3> strict_by_policy{};

  // Whether the reports show it: some prediction had no offsets or a
  // recorded alignment.
  bool any() const { return counts.predictions > 0; }
  // Largest minus smallest strict F1 over the policies.
  double StrictF1Spread() const;
  GroundingSummary& operator+=(const GroundingSummary& other);
};

// Adds one scored document: `pred` are the predictions scored (grounded),
// `scores` their scores, `text_index` the OffsetIndex of document.text.
void AddToSummary(const Document& document, const Annotations& gold,
                  const Annotations& pred, const GroundedPredictions& grounded,
                  const DocumentScores& scores, const ScoreOptions& options,
                  const OffsetIndex& text_index, GroundingSummary* summary);

}  // namespace ieval

#endif  // IEVAL_SCORE_GROUNDING_SUMMARY_H_
