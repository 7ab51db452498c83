// A small hand-made run for the report tests: three gold documents (French,
// with é, « » and U+00A0), and variants whose predictions are the gold with
// known edits — "perfect" (the gold itself), "lossy" (a mention removed, one
// shifted, one retyped, one spurious), and "broken" (failed) — scored with
// the real scorer, with the run's statistics computed.
#ifndef IEVAL_TESTS_REPORT_REPORT_TESTING_H_
#define IEVAL_TESTS_REPORT_REPORT_TESTING_H_

#include "eval/report/run_result.h"

namespace ieval::testing {

// The gold of the small run.
std::vector<AnnotatedDocument> SmallGold();

// Scores `predictions` (one per gold document) into a VariantResult.
VariantResult ScoredVariant(const std::vector<AnnotatedDocument>& gold,
                            const std::string& name,
                            std::vector<Annotations> predictions,
                            const ScoreOptions& options);

// perfect, lossy and broken over SmallGold(), statistics computed.
RunResult SmallRun();

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_REPORT_REPORT_TESTING_H_
