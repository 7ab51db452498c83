// Sentence units for the statistics (`"unit": "sentence"`): a document's
// mentions, gold and predicted, are split by the sentence their start falls
// in (sentences from the shared ICU segmenter) and each sentence is scored
// on its own. Strict and exact counts of the sentences add up to the
// document's (equal spans share their start); overlap modes may differ a
// little where a prediction straddles a sentence end. Relations are left
// out (relation metrics resample documents).
#ifndef IEVAL_APP_RUN_SENTENCE_SCORES_H_
#define IEVAL_APP_RUN_SENTENCE_SCORES_H_

#include <cstdint>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/scorer.h"

namespace ieval {

// Per document, its sentence start offsets (code points, ascending, the
// first 0). One segmenter serves them all.
std::vector<std::vector<int64_t>> SentenceStarts(
    const std::vector<AnnotatedDocument>& documents);

// One DocumentScores per sentence of `starts`, in order (without examples).
std::vector<DocumentScores> ScoreSentences(const Document& document,
                                           const Annotations& gold,
                                           const Annotations& pred,
                                           const std::vector<int64_t>& starts,
                                           const ScoreOptions& options);

}  // namespace ieval

#endif  // IEVAL_APP_RUN_SENTENCE_SCORES_H_
