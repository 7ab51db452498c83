// The one header a C++ user of ieval's scorers includes: documents and
// annotations (ieval/core/types.h), offsets in code points, bytes or UTF-16
// units (ieval/core/offset_index.h), scoring one document or a corpus
// (ieval/score/scorer.h) and P/R/F1 from the counts
// (ieval/score/averages.h). Link ieval::score; reading annotation files is
// ieval/io/corpus_reader.h (ieval::io). tests/install/consumer/ is a
// complete example, built against the installed package by the tests.
//
//   ieval::ScoreOptions options;
//   ieval::CorpusScores corpus(options.max_examples);
//   corpus.Add(ieval::ScoreDocument(document, gold, predicted, options));
//   const ieval::PrfCounts& c =
//       corpus.total().entities.mode(ieval::SpanMode::kStrict).overall;
//   double f1 = ieval::Micro(c).f1;
#ifndef IEVAL_SCORING_H_
#define IEVAL_SCORING_H_

#include "ieval/core/offset_index.h"
#include "ieval/core/types.h"
#include "ieval/score/averages.h"
#include "ieval/score/counts.h"
#include "ieval/score/scorer.h"

#endif  // IEVAL_SCORING_H_
