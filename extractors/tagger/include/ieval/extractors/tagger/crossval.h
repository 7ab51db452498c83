// Cross-validation of the tagger on any gold with text: for each fold a
// model is trained from scratch on the other folds' documents and tags the
// fold's own. Every document is thus predicted by a model that never saw
// it, and the predictions, scored by `ieval score`, say what in-domain
// training alone gives. The per-fold figures are strict span matches
// (strict_summary.h) over the trained types. Fold models are not quantised.
#ifndef IEVAL_EXTRACTORS_TAGGER_CROSSVAL_H_
#define IEVAL_EXTRACTORS_TAGGER_CROSSVAL_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/extractors/tagger/trainer.h"
#include "ieval/score/counts.h"

namespace ieval::tagger {

struct FoldResult {
  std::vector<std::string> test_ids;  // doc_ids, in corpus order
  int64_t train_documents = 0;
  int64_t train_mentions = 0;  // of the trained types (TrainingStats)
  TypedCounts counts;          // strict, on the test documents
};

struct CrossvalResult {
  // One per gold document, in the gold's order: its doc_id and the
  // mentions the model that did not see it predicted (no text).
  Corpus predictions;
  std::vector<FoldResult> folds;
  TypedCounts total;  // the sum of the folds' counts
};

// Document i goes to fold i mod `folds` (folds interleave the corpus
// order); `folds` 0 is one fold per document (leave one out). Writes a
// line to `log` before the first fold, one per fold as it ends, then the
// totals per type and micro. Errors: kInvalidInput for a document without
// text; kUsage unless there are at least 2 documents and
// 2 <= folds <= documents; the trainer's and the tagger's.
Result<CrossvalResult> Crossval(const std::vector<AnnotatedDocument>& docs,
                                int folds, const TrainOptions& options,
                                std::ostream& log);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_CROSSVAL_H_
