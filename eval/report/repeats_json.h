// Internal to ieval::report: the "repeats" of a variant run with `ieval run
// --repeats K` in report.json (the shape is in reports/README.md,
// "Repeats"), and the headline F1 the reports rank such a variant by.
#ifndef IEVAL_EVAL_REPORT_REPEATS_JSON_H_
#define IEVAL_EVAL_REPORT_REPEATS_JSON_H_

#include <nlohmann/json.hpp>

#include "ieval/results/run_result.h"

namespace ieval::report_text {

// The "repeats" object of a variant with K > 1 repeats: every repeat's
// precision, recall and F1 of the run's metrics with their summary, and
// "documents" left as a discarded value, a hole the caller fills with
// RepeatDocumentsToJson (score_report.h).
nlohmann::ordered_json RepeatsJson(const RunResult& run,
                                   const VariantResult& v);

// The F1 of the variant's first interval's metric (the primary one): its
// point estimate, or the mean over its repeats.
double HeadlineF1(const VariantResult& v);

}  // namespace ieval::report_text

#endif  // IEVAL_EVAL_REPORT_REPEATS_JSON_H_
