// Checks that one document's annotations are well formed: the rules of
// ../shared/INTERFACE.md and ../shared/ANNOTATION_SPEC.md that can be checked
// by a program. Pure: no I/O; problems are returned as Statuses naming the
// file, line, document and annotation.
#ifndef IEVAL_VALIDATE_VALIDATOR_H_
#define IEVAL_VALIDATE_VALIDATOR_H_

#include <string_view>
#include <vector>

#include "ieval/core/labels.h"
#include "ieval/core/offset_index.h"
#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval {

struct ValidateOptions {
  // Entity and relation types are checked against it when set.
  const LabelSet* labels = nullptr;
  // Gold is flat and trimmed: overlapping spans and spans that start or end
  // with white space are errors. Predictions may overlap and nest.
  bool gold = true;
  // Gold may nest and overlap too (--allow-nested; also when the label set
  // says "nested": true). Spans are still trimmed.
  bool allow_nested = false;
};

// Appends to `problems` every problem of `doc`, whose offsets must already be
// code points of `text` (mentions marked unusable by ResolveOffsets, with
// start = -1, are skipped: they were reported then). Checks: duplicate
// mention ids; `text` differing from the span; unknown entity types;
// relations of unknown type, to missing mentions, or with argument types the
// label set does not allow; and for gold, overlapping spans and spans with
// leading or trailing white space.
void CheckDocument(const AnnotatedDocument& doc, std::string_view text,
                   const ValidateOptions& options,
                   std::vector<Status>* problems);
// The same with the OffsetIndex of `text`, for callers that already have
// one (`ieval score` checks a gold document and its prediction against the
// same text).
void CheckDocument(const AnnotatedDocument& doc, std::string_view text,
                   const OffsetIndex& index, const ValidateOptions& options,
                   std::vector<Status>* problems);

}  // namespace ieval

#endif  // IEVAL_VALIDATE_VALIDATOR_H_
