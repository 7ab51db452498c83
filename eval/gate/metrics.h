// Metric paths of the gate's rules and their per-document counts: which
// flattened score keys a rule's pattern names, and how a metric splits into
// one PrfCounts per document for the paired tests (see accuracy.h for the
// transformation). Internal to ieval::gate.
#ifndef IEVAL_EVAL_GATE_METRICS_H_
#define IEVAL_EVAL_GATE_METRICS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ieval/gate/inputs.h"
#include "ieval/score/counts.h"

namespace ieval::gate_internal {

// True when the pattern has a '*' or '?'.
bool IsGlob(const std::string& pattern);

// Keys of `metrics` with as many components as `pattern`, each matching
// the pattern's component as a glob. In key order.
std::vector<std::string> MatchMetricKeys(
    const std::string& pattern, const std::map<std::string, double>& metrics);

// A metric's per-document counts, in the order of `doc_ids`.
struct PerDocumentCounts {
  std::vector<PrfCounts> units;     // micro F1 of a sum = the metric
  std::vector<std::string> counts;  // the raw counts, readable per document
};

// nullopt when the metric is not a ratio of per-unit sums or `columns`
// have no such columns. A unit of `ids` missing from `columns` counts as
// zeros (CheckComparable has already made sure the documents agree). The
// columns are a variant's documents or one of its finer units.
std::optional<PerDocumentCounts> DecomposeMetric(
    const DocumentColumns& columns, const std::string& key,
    const std::vector<std::string>& ids);

}  // namespace ieval::gate_internal

#endif  // IEVAL_EVAL_GATE_METRICS_H_
