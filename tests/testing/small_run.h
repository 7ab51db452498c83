// A small hand-made run for the report tests: three gold documents (French,
// with é, « » and U+00A0), and variants whose predictions are the gold with
// known edits — "perfect" (the gold itself), "lossy" (a mention removed, one
// shifted, one retyped, one spurious), and "broken" (failed) — scored with
// the real scorer, with the run's statistics computed.
#ifndef IEVAL_TESTS_TESTING_SMALL_RUN_H_
#define IEVAL_TESTS_TESTING_SMALL_RUN_H_

#include "ieval/results/run_result.h"

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

// The same variants over `copies` copies of SmallGold() (doc_ids "a-0",
// "b-0", …, "c-<copies-1>": their sorted order is not the gold order), a
// variant without documents ("empty") between them: enough documents for
// the per-document work of writing the reports to be shared by threads.
RunResult ManyDocumentRun(int copies);

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_SMALL_RUN_H_
