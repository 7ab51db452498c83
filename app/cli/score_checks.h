// What `ieval score` says before it prints a table that cannot mean what
// the user thinks: never a table of zeros with exit 0 and nothing said.
//   gold without a mention              error (exit 2): nothing to score
//   predictions without a mention       warning: every score is 0
//   no predicted type among the gold's  error (exit 2): a label mismatch,
//                                       with the --map that would fix it
//   some predicted types outside the    warning, once, with counts and the
//   label set (or the gold's types)     --map: "GPE x102, PERSON x38: try
//                                       --map GPE=LOC,PERSON=PER"
#ifndef IEVAL_APP_CLI_SCORE_CHECKS_H_
#define IEVAL_APP_CLI_SCORE_CHECKS_H_

#include <map>
#include <string>
#include <vector>

#include "ieval/core/labels.h"
#include "ieval/core/status.h"
#include "ieval/score/scorer.h"

namespace ieval {

struct ScoreVerdict {
  std::string error;                  // non-empty: exit 2 with it
  std::vector<std::string> warnings;  // printed before the scores
};

// `labels`: the label set, when there is one (else the gold's types are
// the known ones). `gold_name` and `pred_name` name the inputs.
ScoreVerdict CheckScores(const CorpusScores& corpus, const LabelSet* labels,
                         const std::string& gold_name,
                         const std::string& pred_name);

// The same for one variant of `ieval run`, which goes on with the others:
// the error and the warnings as lines "variant NAME: …".
std::vector<std::string> CheckVariantScores(const std::string& variant,
                                            const CorpusScores& scores,
                                            const LabelSet* labels,
                                            const std::string& gold_name);

// --map (score, run): a JSON file {"pred": "gold", …}, or
// pred=gold[,pred=gold…]; empty: no renaming.
Result<std::map<std::string, std::string>> ParseTypeMap(
    const std::string& spec);

// "GPE x102, PERSON x38" and, when some have a likely gold type, ": try
// --map GPE=LOC,PERSON=PER". `outside`: type -> mentions; `known`: the
// types they could be mapped to.
std::string TypeSummary(const std::map<std::string, int64_t>& outside,
                        const std::vector<std::string>& known);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_SCORE_CHECKS_H_
