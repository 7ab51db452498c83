// Formatting corpus scores: the `ieval score --json` object (the floor of
// ../shared/INTERFACE.md, extended; the exact shape is in eval/README.md,
// "Span, relation, value and cluster scoring") and the readable tables
// printed without --json. Pure: strings out, no I/O.
#ifndef IEVAL_EVAL_SCORE_SCORE_REPORT_H_
#define IEVAL_EVAL_SCORE_SCORE_REPORT_H_

#include <string>

#include "eval/score/scorer.h"

namespace ieval {

// One JSON object, indented by 1 space when `pretty`, else on one line;
// ends with a newline. `options` are echoed under "options".
std::string ScoresToJson(const CorpusScores& scores,
                         const ScoreOptions& options, bool pretty = true);

// Tables: per mode and type, the SemEval block, relations, values,
// clusters and the error analysis.
std::string ScoresToText(const CorpusScores& scores,
                         const ScoreOptions& options);

}  // namespace ieval

#endif  // IEVAL_EVAL_SCORE_SCORE_REPORT_H_
