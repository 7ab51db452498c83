// The one language of metric names, shared by the run's statistics
// (run.json "metrics"), `ieval compare` and the gate's rules. A metric is a
// path into a score object (`ieval score --json`, or a variant's "scores" in
// report.json), its components separated by dots:
//
//   entities.strict.overall.f1         family.mode.overall.STAT
//   entities.strict.per_type.PER.f1    family.mode.per_type.TYPE.STAT
//   relations.boundaries.overall.recall, values.DATE.accuracy,
//   clusters.conll_f1, …               any other number of the object
//
// with short forms for the counts families (entities: strict, exact,
// partial, type; relations: strict, boundaries):
//
//   entities.strict.f1        = entities.strict.overall.f1
//   entities.strict.PER.f1    = entities.strict.per_type.PER.f1
//   entities.strict           the counts themselves (overall), and
//   entities.strict.PER       those of one type: what intervals and paired
//                             tests resample (a MetricRef), every STAT of
//                             them read off the sums
//
// The long forms are accepted wherever a short one is.
#ifndef IEVAL_RESULTS_METRICS_H_
#define IEVAL_RESULTS_METRICS_H_

#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/score/counts.h"
#include "ieval/score/scorer.h"

namespace ieval {

// A counts family's mode, overall or for one type.
struct MetricRef {
  enum class Family { kEntities, kRelations };
  Family family = Family::kEntities;
  std::string mode;  // "strict", "exact", "partial", "type" / "boundaries"
  std::string type;  // empty: every type (overall)

  // The short name: "entities.strict", "entities.strict.PER".
  std::string Name() const;
  // The path of its counts in a score object: "entities.strict.overall",
  // "entities.strict.per_type.PER".
  std::string CountsPath() const;
};

// Parses "entities.strict", "entities.strict.PER" or their long forms
// ("entities.strict.overall", "entities.strict.per_type.PER"). kUsage
// naming the accepted forms when `name` is none of them.
Result<MetricRef> ParseMetric(const std::string& name);

// The counts of `metric` in `scores` (zero when the type is absent).
PrfCounts CountsOf(const DocumentScores& scores, const MetricRef& metric);

// "a.b.c" -> {"a", "b", "c"}.
std::vector<std::string> SplitMetricPath(const std::string& path);

// The long form of a short path that ends in a statistic:
// "entities.strict.f1" -> "entities.strict.overall.f1",
// "entities.strict.PER.f1" -> "entities.strict.per_type.PER.f1"; empty for
// any other path (a long one, or one of another object). Components may be
// globs: "relations.*.f1" -> "relations.*.overall.f1".
std::string LongMetricPath(const std::string& path);

// The path of the counts a statistic is read from, for a path in the long
// form: "entities.strict.overall.f1" -> "entities.strict" (per-document
// counts hold the overall counts right under the mode), ".per_type.PER.f1"
// -> "….per_type.PER", "values.DATE.accuracy" -> "values.DATE".
std::string CountsPathOf(const std::string& path);

}  // namespace ieval

#endif  // IEVAL_RESULTS_METRICS_H_
