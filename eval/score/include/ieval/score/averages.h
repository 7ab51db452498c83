// Averages derived from counts at the very end: micro (P/R/F1 of the summed
// counts), macro (the unweighted mean over types of each type's P, R and
// F1 — sklearn/seqeval's convention: macro F1 is the mean of the F1s, not
// the F1 of the mean P and R), weighted (the same mean weighted by each
// type's support, its number of gold mentions) and per document.
#ifndef IEVAL_SCORE_AVERAGES_H_
#define IEVAL_SCORE_AVERAGES_H_

#include <cstdint>
#include <map>
#include <string>

#include "ieval/score/counts.h"
#include "ieval/score/scorer.h"

namespace ieval {

struct Prf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

Prf Micro(const PrfCounts& c);
// Over the types of `per_type` (every type seen in the gold or the
// predictions); all zero when there is none.
Prf Macro(const ByType<PrfCounts>& per_type);
// All zero when no type has support.
Prf Weighted(const ByType<PrfCounts>& per_type);

// The mean over documents of each document's P, R and F1 in one mode.
// Documents without any gold or predicted mention are left out (nothing
// to find and nothing found: no score), and counted in `empty_documents`.
// A document with gold but no prediction scores 0 (P = 0/0 = 0, R = 0), as
// does one with predictions but no gold. All zero when every document is
// empty.
struct DocumentAverage {
  Prf mean;
  int64_t documents = 0;  // averaged
  int64_t empty_documents = 0;
};
DocumentAverage PerDocument(
    const std::map<std::string, DocumentScores>& documents, SpanMode mode);
// The same from a corpus (whether it keeps its documents or not). The sums
// are exact, so the average does not depend on the order documents were
// added in.
DocumentAverage PerDocument(const CorpusScores& scores, SpanMode mode);
DocumentAverage PerDocument(const DocumentSums& sums);

}  // namespace ieval

#endif  // IEVAL_SCORE_AVERAGES_H_
