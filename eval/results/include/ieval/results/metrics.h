// Names of the metrics that statistics and comparisons work on, and how to
// read one off a document's counts. A metric is a family, a mode and
// optionally one type:
//   entities.strict  entities.exact  entities.partial  entities.type
//   relations.strict  relations.boundaries
//   entities.strict.PER  relations.strict.member_of  (one type)
// Each reduces a document (or sentence) to one PrfCounts, so intervals and
// paired tests resample those and compute micro P/R/F1 from the sums.
#ifndef IEVAL_RESULTS_METRICS_H_
#define IEVAL_RESULTS_METRICS_H_

#include <string>

#include "ieval/core/status.h"
#include "ieval/score/counts.h"
#include "ieval/score/scorer.h"

namespace ieval {

struct MetricRef {
  enum class Family { kEntities, kRelations };
  Family family = Family::kEntities;
  std::string mode;  // "strict", "exact", "partial", "type" / "boundaries"
  std::string type;  // empty: every type (overall)

  std::string Name() const;
};

// kUsage naming the accepted forms when `name` is not one of them.
Result<MetricRef> ParseMetric(const std::string& name);

// The counts of `metric` in `scores` (zero when the type is absent).
PrfCounts CountsOf(const DocumentScores& scores, const MetricRef& metric);

}  // namespace ieval

#endif  // IEVAL_RESULTS_METRICS_H_
