// `ieval compare A.json B.json`: two score files (`ieval score --json`) or
// run reports (report.json) side by side. For every metric and type — the
// four entity modes overall and per type, the two relation modes — it gives
// A's and B's micro P/R/F1, the F1 difference B - A with its paired
// bootstrap interval (documents paired by doc_id and resampled together),
// the paired bootstrap and approximate-randomization p-values, the larger of
// the two (both tests must agree) after Holm-Bonferroni over all rows of the
// pair, and a
// verdict: "better" / "worse" (B against A, Holm-adjusted p <= alpha) or
// "no significant difference".
//
// Which scores are compared: a score file holds one set; a run report one
// per variant that ran ok. Without names, two single sets are compared, and
// otherwise every variant name the two files share; `a_variant` /
// `b_variant` pick one explicitly (and let a run's variants be compared
// with each other: `compare run.json run.json --a-variant x --b-variant y`).
//
// What the extractors cost is shown beside the scores: for a run variant
// with an `llm` block (extractors/llm), its corpus totals (requests, cache
// hits, tokens, latency, cost, ungrounded and malformed answers).
#ifndef IEVAL_REPORT_COMPARE_H_
#define IEVAL_REPORT_COMPARE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/score/counts.h"
#include "ieval/stats/bootstrap.h"
#include "ieval/stats/paired.h"

namespace ieval {

struct CompareOptions {
  std::string a_variant;  // empty: see above
  std::string b_variant;
  BootstrapOptions bootstrap;
  double alpha = 0.05;
};

struct CompareRow {
  std::string metric;  // "entities.strict", "entities.strict.PER", …
  PrfCounts a;         // summed over the documents
  PrfCounts b;
  PairedResult bootstrap;  // F1(B) - F1(A)
  RandomizationResult randomization;
  double p_holm = 1;    // max(bootstrap p, randomization p), Holm-adjusted
  std::string verdict;  // "better", "worse", "no significant difference"
};

// The scalar totals of a variant's `llm` block, in report.json's order;
// empty for other variants and score files.
using UsageTotals = std::vector<std::pair<std::string, double>>;

struct ComparedPair {
  std::string a_name;  // the variant, or the file's stem for a score file
  std::string b_name;
  int64_t documents = 0;
  std::vector<CompareRow> rows;
  UsageTotals a_llm;
  UsageTotals b_llm;
};

struct Comparison {
  std::string a_path;
  std::string b_path;
  CompareOptions options;
  std::vector<ComparedPair> pairs;
};

// Errors (kInvalidInput/kIoError naming the file; kUsage for names): a file
// that is neither kind, unknown variant names, nothing in common to compare,
// different document sets (the doc_ids only one side has are listed).
Result<Comparison> CompareFiles(const std::string& a_path,
                                const std::string& b_path,
                                const CompareOptions& options);

// Aligned text tables, one per pair.
std::string ComparisonToText(const Comparison& comparison);
// One JSON object (documented in reports/README.md); ends with a newline.
std::string ComparisonToJson(const Comparison& comparison);

}  // namespace ieval

#endif  // IEVAL_REPORT_COMPARE_H_
