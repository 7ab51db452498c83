// A minimal strict span match for the summaries of `ieval train-tagger` and
// `ieval crossval`: a prediction counts only when its start, end and type
// equal a gold mention's (each gold mention matched once). The full scorer
// (`ieval score`, every matching scheme) is what reports should use; these
// summaries are for reading training logs.
#ifndef IEVAL_APP_CLI_STRICT_COUNTS_H_
#define IEVAL_APP_CLI_STRICT_COUNTS_H_

#include <map>
#include <string>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/counts.h"

namespace ieval {

// Strict (same span and type) counts, overall and per type, as the span
// scorer's strict mode gives for flat gold
// (eval/score/include/ieval/score/counts.h's TypedCounts). Mentions of types
// outside `types` are ignored on both sides.
TypedCounts StrictCounts(const std::vector<Mention>& gold,
                         const std::vector<Mention>& predicted,
                         const std::vector<std::string>& types);

// "P 81.2  R 75.0  F1 78.0  (tp 120, fp 28, fn 40)"
std::string FormatPrf(const PrfCounts& counts);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_STRICT_COUNTS_H_
